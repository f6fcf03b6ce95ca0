import { describe, expect, test } from 'vitest';

import { crisisData } from './crisis-data';
import { availableRegions, defaultRegion, regionFromLocale, regionFromLocales, regionName } from './crisis-region';

describe('regionFromLocale', () => {
  test.each([
    ['en-GB', 'GB'],
    ['en-US', 'US'],
    ['fr-CA', 'CA'],
    ['de-DE', 'DE'],
    ['nl-NL', 'NL'],
    ['zh-Hant-TW', 'TW'],
    ['en-US-u-ca-gregory', 'US'],
    ['en_GB.UTF-8', 'GB'],
    ['de_DE@euro', 'DE'],
    ['en-gb', 'GB'],
    ['  en-AU ', 'AU'],
  ])('%j → %s', (locale, region) => {
    expect(regionFromLocale(locale)).toBe(region);
  });

  test.each(['de', 'en', 'es-419', '', 'C', 'POSIX', 'C.UTF-8', 'not a locale', '12-34'])('%j → null (no country to go on)', (locale) => {
    expect(regionFromLocale(locale)).toBeNull();
  });
});

describe('regionFromLocales', () => {
  test('takes the first locale that names a country', () => {
    expect(regionFromLocales(['de', 'en-IE', 'en-US'])).toBe('IE');
    expect(regionFromLocales(['de', 'en'])).toBeNull();
    expect(regionFromLocales([])).toBeNull();
  });
});

describe('defaultRegion', () => {
  test('is the locale country when the data covers it', () => {
    expect(defaultRegion(crisisData, ['en-NZ'])).toBe('NZ');
  });

  test('is null for a country the data does not cover, rather than a guess', () => {
    expect(defaultRegion(crisisData, ['mn-MN', 'en-US'])).toBeNull();
    expect(defaultRegion(crisisData, ['de'])).toBeNull();
  });
});

describe('availableRegions', () => {
  test('names every country, sorted by name, without the international entry', () => {
    const options = availableRegions(crisisData);
    expect(options.map((o) => o.code)).not.toContain('ZZ');
    expect(options.find((o) => o.code === 'GB')?.name).toBe('United Kingdom');
    expect(options.find((o) => o.code === 'NL')?.name).toBe('Netherlands');
    const names = options.map((o) => o.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  test('can name countries in another display language', () => {
    expect(availableRegions(crisisData, 'de').find((o) => o.code === 'DE')?.name).toBe('Deutschland');
  });

  test('regionName falls back to the code', () => {
    expect(regionName('IE')).toBe('Ireland');
    expect(regionName('XQ')).toBe('XQ');
  });
});
