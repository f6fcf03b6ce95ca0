import type { Entry } from '../../shared/entry-schema';

/**
 * Wall-clock arithmetic on an entry's OWN stored offset. Insights place each
 * entry where it was lived: moving to another timezone later must not move a
 * Tuesday-evening freeze into Wednesday morning. Plain integer maths (no Date
 * objects per entry) because this runs over 100k entries on every open.
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

type Instant = Pick<Entry, 'at' | 'offsetMinutes'>;

/** Days since 1970-01-01 on the wall clock where the entry was made. */
export const localDayNumber = (entry: Instant): number => Math.floor((entry.at + entry.offsetMinutes * MINUTE_MS) / DAY_MS);

/** ISO weekday index, Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday, index 3). */
export const weekdayOfDay = (dayNumber: number): number => (((dayNumber + 3) % 7) + 7) % 7;

/**
 * Four blocks of six hours (night 0–6, morning 6–12, afternoon 12–18, evening
 * 18–24). Night starts at midnight so a 3 a.m. waking is "night", not
 * "morning" — what a person would call it. Block = ⌊local hour / 6⌋.
 */
export const TIME_BLOCKS = ['night', 'morning', 'afternoon', 'evening'] as const;
export type TimeBlock = (typeof TIME_BLOCKS)[number];

const pad = (n: number): string => String(n).padStart(2, '0');

/** "2026-03-29" for a day number (the wall-clock date, as group-by-day's dayKey gives it). */
export const dayNumberToKey = (dayNumber: number): string => {
  const d = new Date(dayNumber * DAY_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
