import { describe, expect, test } from 'vitest';

import { dayKey } from '../../shared/history/group-by-day';
import { dayNumberToKey, localDayNumber, weekdayOfDay } from './local-time';

describe('local time from an entry’s own offset', () => {
  test.each([
    [Date.UTC(2026, 2, 2, 22, 30), 120],
    [Date.UTC(2026, 2, 2, 22, 30), -300],
    [Date.UTC(2026, 2, 29, 0, 30), 60],
    [Date.UTC(1969, 11, 31, 23, 0), 0],
    [Date.UTC(2026, 0, 1, 0, 0), -720],
    [Date.UTC(2026, 0, 1, 0, 0), 840],
  ])('day of %i at %i matches the history view’s day', (at, offsetMinutes) => {
    expect(dayNumberToKey(localDayNumber({ at, offsetMinutes }))).toBe(dayKey({ at, offsetMinutes }));
  });

  test('weekdays: Monday = 0 … Sunday = 6, before 1970 too', () => {
    expect(weekdayOfDay(localDayNumber({ at: Date.UTC(2026, 2, 2), offsetMinutes: 0 }))).toBe(0);
    expect(weekdayOfDay(localDayNumber({ at: Date.UTC(2026, 2, 8), offsetMinutes: 0 }))).toBe(6);
    expect(weekdayOfDay(0)).toBe(3);
    expect(weekdayOfDay(-1)).toBe(2);
  });
});
