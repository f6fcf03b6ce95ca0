import { describe, expect, test } from 'vitest';

import type { Entry } from '../entry-schema';
import { dayKey, dayLabel, groupByDay, timeOfDay } from './group-by-day';

const entry = (id: string, iso: string, offsetMinutes: number): Entry => ({
  id,
  at: Date.parse(iso),
  offsetMinutes,
  kind: 'check-in',
  data: { states: [], needs: [] },
});

describe('groupByDay', () => {
  test('groups by the wall-clock day where each entry was made', () => {
    // 23:30 in New York (UTC-5) is already the 24th in UTC; it belongs to the 23rd.
    const ny = entry('a', '2026-11-24T04:30:00Z', -300);
    expect(dayKey(ny)).toBe('2026-11-23');
    expect(timeOfDay(ny, 'en-GB')).toBe('23:30');
    // The reader's locale writes it: the same wall-clock time on the 12-hour clock in en-US.
    expect(timeOfDay(ny, 'en-US').replace(/\s/g, ' ')).toBe('11:30 PM');
    expect(timeOfDay(ny, 'de')).toBe('23:30');
    // 00:30 in Berlin (UTC+1) is still the 23rd in UTC; it belongs to the 24th.
    const berlin = entry('b', '2026-11-23T23:30:00Z', 60);
    expect(dayKey(berlin)).toBe('2026-11-24');
  });

  test('a later timezone change does not move earlier entries', () => {
    const before = entry('a', '2026-03-01T10:00:00Z', 60);
    const after = entry('b', '2026-03-02T10:00:00Z', -300);
    expect(groupByDay([after, before]).map((g) => g.day)).toEqual(['2026-03-02', '2026-03-01']);
  });

  test('consecutive entries of one day share a group, newest first kept', () => {
    const groups = groupByDay([
      entry('c', '2026-11-23T18:00:00Z', 0),
      entry('b', '2026-11-23T09:00:00Z', 0),
      entry('a', '2026-11-22T09:00:00Z', 0),
    ]);
    expect(groups.map((g) => [g.day, g.entries.map((e) => e.id)])).toEqual([
      ['2026-11-23', ['c', 'b']],
      ['2026-11-22', ['a']],
    ]);
  });

  test('day labels name the weekday and add the year only for other years', () => {
    expect(dayLabel('2026-11-23', 'en-GB', '2026-12-01')).toMatch(/^Monday,? 23 November$/);
    expect(dayLabel('2025-11-23', 'en-GB', '2026-12-01')).toMatch(/^Sunday,? 23 November 2025$/);
  });
});

describe('rangeFromFilters', () => {
  test('local calendar days become a UTC range that includes the whole "to" day', async () => {
    const { rangeFromFilters } = await import('./filter-range');
    const range = rangeFromFilters({ from: '2026-11-01', to: '2026-11-03', state: '' });
    expect(range.from).toBe(new Date(2026, 10, 1).getTime());
    expect(range.to).toBe(new Date(2026, 10, 4).getTime());
    expect(rangeFromFilters({ from: '', to: '', state: 'freeze' })).toEqual({});
  });
});

describe('regroupByDay', () => {
  test('unchanged days keep their group object; changed and new days get new ones', async () => {
    const { regroupByDay } = await import('./group-by-day');
    const a = entry('a', '2026-11-23T18:00:00Z', 0);
    const b = entry('b', '2026-11-22T18:00:00Z', 0);
    const c = entry('c', '2026-11-22T09:00:00Z', 0);
    const d = entry('d', '2026-11-21T09:00:00Z', 0);
    const first = regroupByDay([a, b], []);
    const second = regroupByDay([a, b, c, d], first);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second.map((g) => g.entries.map((e) => e.id))).toEqual([['a'], ['b', 'c'], ['d']]);
  });
});
