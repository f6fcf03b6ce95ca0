import { describe, expect, test } from 'vitest';

import { clockTime } from './clock-time';

const AFTERNOON = Date.parse('2026-11-23T15:34:00Z');
const MORNING = Date.parse('2026-11-23T09:05:00Z');

/** Intl may put a narrow no-break space before AM/PM: compare as a person reads it. */
const plain = (text: string): string => text.replace(/\s/g, ' ');

describe('clockTime', () => {
  test('en-US reads the 12-hour clock, without a leading zero (not "03:34 PM")', () => {
    expect(plain(clockTime(AFTERNOON, 'en-US', 'UTC'))).toBe('3:34 PM');
    expect(plain(clockTime(MORNING, 'en-US', 'UTC'))).toBe('9:05 AM');
  });

  test('en-GB and de read the 24-hour clock', () => {
    expect(clockTime(AFTERNOON, 'en-GB', 'UTC')).toBe('15:34');
    expect(clockTime(AFTERNOON, 'de', 'UTC')).toBe('15:34');
    expect(clockTime(MORNING, 'de', 'UTC')).toBe('9:05');
  });

  test('the time zone decides the hour', () => {
    expect(clockTime(AFTERNOON, 'en-GB', 'Europe/Berlin')).toBe('16:34');
    expect(clockTime(AFTERNOON, 'en-GB', 'America/New_York')).toBe('10:34');
  });

  test('the same moment reads the same for every caller in one locale', () => {
    expect(clockTime(new Date(AFTERNOON), 'en-GB', 'UTC')).toBe(clockTime(AFTERNOON, 'en-GB', 'UTC'));
  });

  test('a malformed locale falls back to the system convention instead of throwing', () => {
    expect(clockTime(AFTERNOON, 'not a locale', 'UTC')).toBe(clockTime(AFTERNOON, undefined, 'UTC'));
  });
});
