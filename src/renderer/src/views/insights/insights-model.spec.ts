import { describe, expect, test } from 'vitest';

import { axisTicks, capacityRuns, capacityWord, dateInputValue, periodRequest, shadeLevel, smoothPath } from './insights-model';

const noDates = { from: '', to: '' };
const NOW = new Date(2026, 10, 23, 15, 30).getTime();
const midnight = (y: number, m: number, d: number) => new Date(y, m, d).getTime();

describe('periodRequest', () => {
  test('last N days are whole local days, today included, up to now', () => {
    expect(periodRequest('week', NOW, noDates)).toEqual({ from: midnight(2026, 10, 17) });
    expect(periodRequest('month', NOW, noDates)).toEqual({ from: midnight(2026, 9, 25) });
    expect(periodRequest('quarter', NOW, noDates)).toEqual({ from: midnight(2026, 7, 24) });
  });

  test('all time leaves both ends to main (from the first check-in, up to now)', () => {
    expect(periodRequest('all', NOW, noDates)).toEqual({});
  });

  test('chosen dates include the last day; reversed dates are read the right way round', () => {
    expect(periodRequest('custom', NOW, { from: '2026-11-01', to: '2026-11-03' })).toEqual({
      from: midnight(2026, 10, 1),
      to: midnight(2026, 10, 4),
    });
    expect(periodRequest('custom', NOW, { from: '2026-11-03', to: '2026-11-01' })).toEqual({
      from: midnight(2026, 10, 1),
      to: midnight(2026, 10, 4),
    });
    expect(periodRequest('custom', NOW, { from: '', to: 'not a date' })).toEqual({});
  });

  test('a date input value is the local day', () => {
    expect(dateInputValue(NOW)).toBe('2026-11-23');
  });
});

describe('shades and words', () => {
  test('no check-ins is its own shade; the largest cell is the darkest', () => {
    expect([0, 1, 3, 5, 8, 10].map((count) => shadeLevel(count, 10))).toEqual([0, 1, 2, 2, 4, 4]);
    expect(shadeLevel(3, 0)).toBe(0);
  });

  test('a mean capacity is told as the nearest of the check-in’s own words', () => {
    expect(capacityWord(1)).toBe('Too much right now');
    expect(capacityWord(2.4)).toBe('Hard');
    expect(capacityWord(2.5)).toBe('In between');
    expect(capacityWord(5)).toBe('Plenty of room');
  });
});

describe('capacity line', () => {
  const point = (mean: number | null) => ({ start: '2026-11-01', mean, count: mean === null ? 0 : 1 });

  test('a gap breaks the line instead of dropping it to zero; a lone answer is its own run', () => {
    const runs = capacityRuns([point(1), point(5), point(null), point(3), point(null)], 400, 100);
    expect(runs).toEqual([
      [
        { x: 0, y: 100 },
        { x: 100, y: 0 },
      ],
      [{ x: 300, y: 50 }],
    ]);
  });

  test('one bucket sits in the middle', () => {
    expect(capacityRuns([point(3)], 400, 100)).toEqual([[{ x: 200, y: 50 }]]);
  });

  test('the path goes through every point of a run', () => {
    expect(
      smoothPath([
        { x: 0, y: 10 },
        { x: 10, y: 20 },
      ]),
    ).toBe('M0 10 C5 10 5 20 10 20');
    expect(smoothPath([])).toBe('');
  });

  test('axis labels: first and last, a few between', () => {
    expect(axisTicks(3)).toEqual([0, 1, 2]);
    expect(axisTicks(90)).toEqual([0, 22, 45, 67, 89]);
    expect(axisTicks(0)).toEqual([]);
  });
});
