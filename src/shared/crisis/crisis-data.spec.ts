import { describe, expect, test } from 'vitest';

import raw from '../data/crisis-lines.json' with { type: 'json' };
import { entryDate, INTERNATIONAL } from './crisis-codes';
import { crisisData, crisisDataLoaded } from './crisis-data';
import { groupByService, HIDDEN_ENTRIES, linesForRegion, sectionsForRegion } from './crisis-lines';
import { availableRegions } from './crisis-region';
import { parseCrisisData } from './crisis-schema';
import { allowedExternalUrls, externalUrlFor } from './external-url';

/** Shown as words, not links: a star code, an extension, and text lines that are WhatsApp (an sms: link would miss them). */
const TEXT_ONLY = new Set(['cl-4141-call', 'id-sejiwa-119-8-call', 'it-telefono-amico-whatsapp', 'sg-sos-caretext-text']);

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
    // As precise as the source says: a day, a month or a year — a real one, and not after the check.
    const date = entryDate(entry, crisisData);
    expect(date).toMatch(/^\d{4}(?:-\d{2}){0,2}$/);
    const [year, month = 1, day = 1] = date.split('-').map(Number) as [number, number?, number?];
    expect(new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, date.length)).toBe(date);
    expect(date <= crisisData.verifiedAt).toBe(true);
  });

  test('source dates are kept as written: a year or a month is not made into a day, a note is dropped', () => {
    const sourceDates = crisisData.entries.map((e) => e.sourceDate).filter((d) => d !== null);
    const withNote = sourceDates.find((d) => d.includes(' ('))!;
    const year = sourceDates.find((d) => /^\d{4}$/.test(d))!;
    const month = sourceDates.find((d) => /^\d{4}-\d{2}$/.test(d))!;
    const dateOf = (sourceDate: string) => entryDate({ ...crisisData.entries[0]!, sourceDate }, crisisData);
    expect(dateOf(withNote)).toBe(withNote.slice(0, 10));
    expect(dateOf(year)).toBe(year);
    expect(dateOf(month)).toBe(month);
    expect(entryDate({ ...crisisData.entries[0]!, sourceDate: null }, crisisData)).toBe(crisisData.verifiedAt);
  });

  test('the schema takes a day, a month or a year, and nothing vaguer', () => {
    const withDate = (sourceDate: string) => parseCrisisData({ ...raw, entries: [{ ...raw.entries[0]!, sourceDate }] }).ok;
    for (const good of ['2024-11-04', '2022-09', '2023', "2024-11-04 (page 'last updated')"]) expect(withDate(good), good).toBe(true);
    for (const bad of ['2023-13', '2024-11-4', '24-11-04', 'undated', '2024-11-04 last updated', 'c. 2020'])
      expect(withDate(bad), bad).toBe(false);
  });

  test('the file says when it was verified', () => {
    expect(crisisData.verifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('covers the countries we expect: 93 with an emergency number, 44 with a crisis line (a dropped country fails here)', () => {
    const withCategory = (category: string) => new Set(crisisData.entries.filter((e) => e.category === category).map((e) => e.country));
    expect(withCategory('emergency').size).toBe(93);
    expect(withCategory('crisis-line').size).toBe(44);
    expect(regions).toHaveLength(93);
    for (const country of withCategory('crisis-line')) expect(withCategory('emergency').has(country), country).toBe(true);
    expect(regions).toEqual(expect.arrayContaining(['AU', 'CA', 'DE', 'ES', 'FR', 'GB', 'IE', 'IN', 'NL', 'NZ', 'US', 'JP', 'BR', 'ZA']));
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

    test('renders an emergency number, crisis lines where the data has them, and the directory', () => {
      expect(emergency.length).toBeGreaterThan(0);
      expect(crisisLines.length > 0).toBe(crisisData.entries.some((e) => e.country === region && e.category === 'crisis-line'));
      expect(directories.map((entry) => entry.id)).toEqual(['intl-findahelpline']);
    });

    test('lists emergency first, then crisis lines, then the directory', () => {
      const order = linesForRegion(crisisData, region).map((entry) => entry.category);
      expect(order).toEqual([...emergency.map(() => 'emergency'), ...crisisLines.map(() => 'crisis-line'), 'directory']);
    });

    test('every line shown has a way to reach it that a click can open, except the few shown as text only', () => {
      for (const entry of linesForRegion(crisisData, region)) {
        expect(entry.howTo.length, entry.id).toBeGreaterThan(0);
        expect(externalUrlFor(entry) === null, entry.id).toBe(TEXT_ONLY.has(entry.id));
      }
    });

    test('every service has a name', () => {
      for (const service of groupByService(crisisLines)) expect(service.name.length).toBeGreaterThan(0);
    });
  });

  test('a country the data does not cover, or none, still gets the directory', () => {
    for (const region of ['MN', null, INTERNATIONAL]) {
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

  test('WhatsApp lines get no sms: link, and their number is still shown (SG CareText, IT Telefono Amico)', () => {
    for (const id of ['sg-sos-caretext-text', 'it-telefono-amico-whatsapp']) {
      const entry = crisisData.entries.find((e) => e.id === id)!;
      expect(entry.kind).toBe('text');
      expect(externalUrlFor(entry)).toBeNull();
      expect(shownText(entry.country)).toContain(entry.howTo);
    }
    expect([...allowedExternalUrls(crisisData)].filter((url) => /^sms:(\+?39)?3240117252$|^sms:91511767$/.test(url))).toEqual([]);
  });

  test('TN: the single-source SAMU 190 is not shown ("not verified, not shown")', () => {
    expect(shownText('TN')).toContain('198');
    expect(shownText('TN')).not.toMatch(/\b190\b/);
  });

  test('PH: 1553 is single-source, so it is no link of its own', () => {
    expect(allowedExternalUrls(crisisData).has('tel:1553')).toBe(false);
    expect(linesForRegion(crisisData, 'PH').map(externalUrlFor)).toContain('tel:09178998727');
  });

  test('ID: healing119.id links the site root ("Link the root unless checked live")', () => {
    expect(linesForRegion(crisisData, 'ID').map(externalUrlFor)).toContain('https://healing119.id/');
  });

  test('DE: the two TelefonSeelsorge numbers are one service', () => {
    const services = groupByService(sectionsForRegion(crisisData, 'DE').crisisLines);
    expect(services).toHaveLength(1);
    expect(services[0]!.entries.map((e) => e.contact)).toEqual(['0800 111 0 111', '0800 111 0 222']);
  });
});
