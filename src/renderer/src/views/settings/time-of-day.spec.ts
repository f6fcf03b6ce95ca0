import { describe, expect, test } from 'vitest';

import { minutesToTime, timeToMinutes } from './time-of-day';

describe('time of day', () => {
  test('minutes after midnight and HH:MM go both ways', () => {
    expect(minutesToTime(570)).toBe('09:30');
    expect(timeToMinutes('09:30')).toBe(570);
    expect(minutesToTime(0)).toBe('00:00');
  });

  test('the end of the day is 1440, shown as 00:00', () => {
    expect(minutesToTime(1440)).toBe('00:00');
    expect(timeToMinutes('00:00', true)).toBe(1440);
    expect(timeToMinutes('00:00')).toBe(0);
  });

  test('a cleared or odd value is null', () => {
    expect(timeToMinutes('')).toBeNull();
    expect(timeToMinutes('24:00')).toBeNull();
    expect(timeToMinutes('9:3')).toBeNull();
    expect(timeToMinutes('09:30:00')).toBe(570);
  });
});
