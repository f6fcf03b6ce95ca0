import { describe, expect, test } from 'vitest';

import raw from '../data/crisis-lines.json' with { type: 'json' };
import { entryDate, INTERNATIONAL } from './crisis-codes';
import { crisisData, crisisDataLoaded } from './crisis-data';
import { groupByService, HIDDEN_ENTRIES, linesForRegion, sectionsForRegion } from './crisis-lines';
import { availableRegions } from './crisis-region';
import { parseCrisisData } from './crisis-schema';
import { externalUrlFor } from './external-url';

const regions = [...new Set(crisisData.entries.map((entry) => entry.country))].filter((code) => code !== INTERNATIONAL);

/** Everything the help screen prints for a region, as one string (names, how to reach, links). */
const shownText = (region: string | null): string =>
  linesForRegion(crisisData, region)
    .map((entry) => [entry.name, entry.howTo, entry.hours, entry.cost, externalUrlFor(entry)].join(' | '))
    .join('\n');

describe('the shipped crisis data', () => {
  test('validates against the schema', () => {
    const parsed = parseCrisisData(raw);
    expect(parsed).toMatchObject({ ok: true });
    // The app ships the file as it is (no runtime parse), so the parse must change nothing.
    expect(parsed.ok && parsed.data).toEqual(raw);
    expect(crisisDataLoaded).toBe(true);
    expect(crisisData.entries.length).toBe(raw.entries.length);
  });

  test('has unique ids', () => {
    const ids = crisisData.entries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(crisisData.entries.map((entry) => [entry.id, entry] as const))('%s has a source URL and a verified-on date', (_id, entry) => {
    expect(URL.canParse(entry.sourceUrl)).toBe(true);
    expect(entry.sourceSays.length).toBeGreaterThan(0);
    const date = entryDate(entry, crisisData);
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(date))).toBe(false);
  });

  test('the file says when it was verified', () => {
    expect(crisisData.verifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('covers the countries we expect (a dropped country fails here)', () => {
    expect(regions.sort()).toEqual(['AU', 'CA', 'DE', 'ES', 'FR', 'GB', 'IE', 'IN', 'NL', 'NZ', 'US']);
  });

  test('every country is in the region picker', () => {
    expect(
      availableRegions(crisisData)
        .map((r) => r.code)
        .sort(),
    ).toEqual(regions.sort());
  });

  describe.each(regions)('region %s', (region) => {
    const { emergency, crisisLines, directories } = sectionsForRegion(crisisData, region);

    test('renders an emergency number, at least one crisis line and the directory', () => {
      expect(emergency.length).toBeGreaterThan(0);
      expect(crisisLines.length).toBeGreaterThan(0);
      expect(directories.map((entry) => entry.id)).toEqual(['intl-findahelpline']);
    });

    test('lists emergency first, then crisis lines, then the directory', () => {
      const order = linesForRegion(crisisData, region).map((entry) => entry.category);
      expect(order).toEqual([...emergency.map(() => 'emergency'), ...crisisLines.map(() => 'crisis-line'), 'directory']);
    });

    test('every line shown has a way to reach it that a click can open', () => {
      for (const entry of linesForRegion(crisisData, region)) {
        expect(entry.howTo.length, entry.id).toBeGreaterThan(0);
        expect(externalUrlFor(entry), entry.id).not.toBeNull();
      }
    });

    test('every service has a name', () => {
      for (const service of groupByService(crisisLines)) expect(service.name.length).toBeGreaterThan(0);
    });
  });

  test('a country the data does not cover, or none, still gets the directory', () => {
    for (const region of ['JP', null, INTERNATIONAL]) {
      expect(linesForRegion(crisisData, region).map((entry) => entry.id)).toEqual(['intl-findahelpline']);
    }
  });
});

describe("the data's notes are honoured", () => {
  test('hidden entries exist in the data and are never listed', () => {
    for (const id of HIDDEN_ENTRIES.keys()) {
      const entry = crisisData.entries.find((e) => e.id === id);
      expect(entry, id).toBeDefined();
      expect(linesForRegion(crisisData, entry!.country).map((e) => e.id)).not.toContain(id);
    }
  });

  test('NL: shows 113, not the 0800-0113 number ("Prefer showing 113")', () => {
    expect(shownText('NL')).toContain('Bel 113');
    expect(shownText('NL')).not.toContain('0800-0113');
  });

  test('US: no phone-menu options, 988 only (not the old 1-800 number)', () => {
    expect(shownText('US')).not.toMatch(/press\s*\d/i);
    expect(shownText('US')).not.toContain('273-8255');
    expect(shownText('US')).toContain('Call 988');
  });

  test('US chat and the directory link the site root, not unchecked deep links', () => {
    const urls = linesForRegion(crisisData, 'US').map(externalUrlFor);
    expect(urls).toContain('https://988lifeline.org/');
    expect(urls).toContain('https://findahelpline.com/');
    expect(urls.some((url) => url?.includes('/chat'))).toBe(false);
    expect(urls.some((url) => /findahelpline\.com\/[A-Z]{2}/.test(url ?? ''))).toBe(false);
  });

  test('GB: NHS 111 says "the mental health option", no hard-coded digit, and is marked England only', () => {
    expect(shownText('GB')).toContain('select the mental health option');
    expect(shownText('GB')).not.toMatch(/option\s*\(?2/i);
    const nhs = groupByService(sectionsForRegion(crisisData, 'GB').crisisLines).find((s) => s.name.startsWith('NHS 111'));
    expect(nhs?.area).toBe('England');
  });

  test('GB: nationwide lines come before the England-only one', () => {
    expect(sectionsForRegion(crisisData, 'GB').crisisLines.map((e) => e.id)).toEqual([
      'gb-samaritans-call',
      'gb-shout-text',
      'gb-eng-nhs111-mental-health',
    ]);
  });

  test('IN: 14416 only (the alternate 1-800 numbers conflict)', () => {
    expect(shownText('IN')).toContain('14416');
    expect(shownText('IN')).not.toMatch(/1-800/);
  });

  test('CA: displayed as 9-8-8, dialled as 988', () => {
    const lines = sectionsForRegion(crisisData, 'CA').crisisLines;
    expect(lines.map((e) => e.howTo)).toEqual(['Call 9-8-8', 'Text 9-8-8']);
    expect(lines.map(externalUrlFor)).toEqual(['tel:988', 'sms:988']);
  });

  test('unverified extras named in notes are not shown (DE 116 123, AU Lifeline text, ES web chat)', () => {
    expect(shownText('DE')).not.toContain('116 123');
    expect(shownText('AU')).not.toContain('0477');
    expect(sectionsForRegion(crisisData, 'ES').crisisLines.map((e) => e.kind)).toEqual(['call']);
  });

  test('one service reached several ways is named once', () => {
    const names = (region: string) =>
      groupByService(sectionsForRegion(crisisData, region).crisisLines).map((s) => [s.name, s.entries.length]);
    expect(names('US')).toEqual([
      ['988 Suicide & Crisis Lifeline', 3],
      ['Crisis Text Line', 1],
    ]);
    expect(names('CA')).toEqual([['9-8-8: Suicide Crisis Helpline', 2]]);
    expect(names('NZ')).toEqual([['1737 Need to talk?', 2]]);
    expect(names('NL')).toEqual([['113 Zelfmoordpreventie', 2]]);
  });

  test('DE: the two TelefonSeelsorge numbers are one service', () => {
    const services = groupByService(sectionsForRegion(crisisData, 'DE').crisisLines);
    expect(services).toHaveLength(1);
    expect(services[0]!.entries.map((e) => e.contact)).toEqual(['0800 111 0 111', '0800 111 0 222']);
  });
});
