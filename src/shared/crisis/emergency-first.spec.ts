import { describe, expect, test } from 'vitest';

import { crisisData } from './crisis-data';
import { sectionsForRegion } from './crisis-lines';
import type { CrisisEntry } from './crisis-schema';
import { emergencyFirst } from './emergency-first';

const base = crisisData.entries.find((entry) => entry.id === 'gb-emergency-999')!;
const entry = (id: string, patch: Partial<CrisisEntry>): CrisisEntry => ({ ...base, id, ...patch });
const forRegion = (region: string | null) => emergencyFirst(sectionsForRegion(crisisData, region).emergency);

describe('emergencyFirst', () => {
  test('the first nationwide number that can be dialled, with its tel: link', () => {
    const { first, others } = forRegion('GB');
    expect(first).toMatchObject({ number: '999', url: 'tel:999', detail: null });
    expect(first?.entry.id).toBe('gb-emergency-999');
    expect(others).toEqual([]);
  });

  test('keeps the data’s words when they say more than "Call <number>"', () => {
    expect(forRegion('AE').first).toMatchObject({ number: '999', detail: 'Call 999 (ambulance: 998)' });
    expect(forRegion('AU').first).toMatchObject({ number: '000', url: 'tel:000', detail: 'Call Triple Zero (000)' });
    expect(forRegion('SE').first).toMatchObject({ number: '112', detail: 'Ring 112' });
    expect(forRegion('ZA').first?.detail).toBe('From a mobile call 112; ambulance 10177; police 10111');
  });

  test('no region, or a country the data does not cover: nothing first', () => {
    expect(forRegion(null)).toEqual({ first: null, others: [] });
    expect(forRegion('AQ')).toEqual({ first: null, others: [] });
  });

  test('a regional service is not put first; it stays in the list (Pakistan’s Rescue 1122)', () => {
    const { first, others } = forRegion('PK');
    expect(first).toBeNull();
    expect(others.map((e) => e.id)).toEqual(['pk-emergency-1122']);
  });

  test('skips an entry a click cannot dial, and keeps it in the list', () => {
    const star = entry('xx-star', { contact: '*4141', howTo: 'Call *4141' });
    const plain = entry('xx-plain', { contact: '112', howTo: 'Call 112' });
    const { first, others } = emergencyFirst([star, plain]);
    expect(first?.entry.id).toBe('xx-plain');
    expect(others.map((e) => e.id)).toEqual(['xx-star']);
  });

  test('every country in the data with a nationwide emergency entry gets a number first', () => {
    const countries = new Set(crisisData.entries.filter((e) => e.category === 'emergency' && e.scope === 'national').map((e) => e.country));
    expect(countries.size).toBeGreaterThan(90);
    for (const country of countries) expect(forRegion(country).first?.url, country).toMatch(/^tel:\d+$/);
  });
});
