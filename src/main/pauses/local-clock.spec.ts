import { describe, expect, test } from 'vitest';

import { addDays, epochOfLocal, fixedOffsetClock, localMomentOf, weekdayOf, zoneClock } from './local-clock';

const berlin = zoneClock('Europe/Berlin');
const newYork = zoneClock('America/New_York');

describe('zoneClock', () => {
  test('reads real offsets on both sides of each DST change', () => {
    expect(berlin.offsetMinutesAt(Date.UTC(2025, 2, 30, 0, 59))).toBe(60);
    expect(berlin.offsetMinutesAt(Date.UTC(2025, 2, 30, 1, 0))).toBe(120);
    expect(berlin.offsetMinutesAt(Date.UTC(2025, 9, 26, 0, 59))).toBe(120);
    expect(berlin.offsetMinutesAt(Date.UTC(2025, 9, 26, 1, 0))).toBe(60);
    expect(newYork.offsetMinutesAt(Date.UTC(2025, 10, 2, 5, 59))).toBe(-240);
    expect(newYork.offsetMinutesAt(Date.UTC(2025, 10, 2, 6, 0))).toBe(-300);
  });

  test('names its zone', () => {
    expect(berlin.zoneId()).toBe('Europe/Berlin');
    expect(fixedOffsetClock(330).zoneId()).toBe('UTC+5.5');
  });
});

describe('epochOfLocal', () => {
  test('an ordinary local time', () => {
    expect(epochOfLocal({ year: 2025, month: 3, day: 24 }, 10 * 60, berlin)).toBe(Date.UTC(2025, 2, 24, 9, 0));
  });

  test('a time skipped in spring moves forward by the gap (02:30 → 03:30 CEST)', () => {
    expect(epochOfLocal({ year: 2025, month: 3, day: 30 }, 150, berlin)).toBe(Date.UTC(2025, 2, 30, 1, 30));
  });

  test('a time that happens twice in autumn means the first one', () => {
    expect(epochOfLocal({ year: 2025, month: 10, day: 26 }, 150, berlin)).toBe(Date.UTC(2025, 9, 26, 0, 30));
    expect(epochOfLocal({ year: 2025, month: 11, day: 2 }, 90, newYork)).toBe(Date.UTC(2025, 10, 2, 5, 30));
  });

  test('minute 1440 is the coming midnight, even on a 23-hour day', () => {
    expect(epochOfLocal({ year: 2025, month: 3, day: 30 }, 1440, berlin)).toBe(epochOfLocal({ year: 2025, month: 3, day: 31 }, 0, berlin));
    expect(epochOfLocal({ year: 2025, month: 3, day: 31 }, 0, berlin) - epochOfLocal({ year: 2025, month: 3, day: 30 }, 0, berlin)).toBe(
      23 * 3_600_000,
    );
  });
});

describe('calendar helpers', () => {
  test('localMomentOf gives the local date, weekday and minute', () => {
    expect(localMomentOf(Date.UTC(2025, 2, 30, 22, 30), berlin)).toEqual({
      date: { year: 2025, month: 3, day: 31 },
      weekday: 1,
      minute: 30,
    });
  });

  test('addDays rolls over months and years; weekdayOf matches Date#getDay', () => {
    expect(addDays({ year: 2025, month: 12, day: 31 }, 1)).toEqual({ year: 2026, month: 1, day: 1 });
    expect(addDays({ year: 2025, month: 3, day: 1 }, -1)).toEqual({ year: 2025, month: 2, day: 28 });
    expect(weekdayOf({ year: 2025, month: 3, day: 24 })).toBe(1);
  });
});
