import { describe, expect, test } from 'vitest';

import { entrySchema } from '../../../shared/entry-schema';
import { localDayNumber } from '../local-time';
import { generateHistory } from './history-generator';
import { offsetAt } from './zone-offsets';

describe('generateHistory', () => {
  const three = generateHistory({ days: 90, seed: 11 });

  test('is the same for the same seed, and different for another', () => {
    expect(generateHistory({ days: 90, seed: 11 })).toEqual(three);
    expect(generateHistory({ days: 90, seed: 12 })).not.toEqual(three);
  });

  test('every entry is valid as the vault stores it, oldest first', () => {
    for (const entry of three) expect(entrySchema.safeParse(entry).success).toBe(true);
    expect(three.every((entry, i) => i === 0 || (three[i - 1]?.at ?? 0) <= entry.at)).toBe(true);
  });

  test('3–5 check-ins on a day with any (plus the odd night waking), about 60% answered later', () => {
    const checkIns = three.filter((e) => e.kind === 'check-in');
    const perDay = new Map<number, number>();
    for (const entry of checkIns) perDay.set(localDayNumber(entry), (perDay.get(localDayNumber(entry)) ?? 0) + 1);
    expect(Math.min(...perDay.values())).toBeGreaterThanOrEqual(3);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(6);
    const answered = new Set(three.flatMap((e) => (e.kind === 'follow-up' ? [e.data.checkInId] : [])));
    expect(answered.size / checkIns.length).toBeGreaterThan(0.5);
    expect(answered.size / checkIns.length).toBeLessThan(0.7);
  });

  test('includes own steps written in different ways', () => {
    const own = new Set(three.flatMap((e) => (e.kind === 'check-in' && e.data.step && !e.data.step.id ? [e.data.step.text] : [])));
    expect(own.has('Make tea') || own.has('make tea.')).toBe(true);
    expect(own.size).toBeGreaterThan(4);
  });

  test('`entries` gives exactly that many, over years with DST and trips abroad', () => {
    const long = generateHistory({ entries: 10_000, seed: 7 });
    expect(long).toHaveLength(10_000);
    expect(new Set(long.map((e) => e.offsetMinutes))).toEqual(new Set([60, 120, -300, -240]));
  });
});

describe('zone offsets (published DST rules)', () => {
  test.each([
    ['europe-berlin', Date.UTC(2026, 2, 29, 0, 59), 60],
    ['europe-berlin', Date.UTC(2026, 2, 29, 1, 0), 120],
    ['europe-berlin', Date.UTC(2026, 9, 25, 0, 59), 120],
    ['europe-berlin', Date.UTC(2026, 9, 25, 1, 0), 60],
    ['america-new-york', Date.UTC(2026, 2, 8, 6, 59), -300],
    ['america-new-york', Date.UTC(2026, 2, 8, 7, 0), -240],
    ['america-new-york', Date.UTC(2026, 10, 1, 5, 59), -240],
    ['america-new-york', Date.UTC(2026, 10, 1, 6, 0), -300],
  ] as const)('%s at %i → %i', (zone, at, offset) => {
    expect(offsetAt(zone, at)).toBe(offset);
  });
});
