import type { Entry } from '../entry-schema';

/**
 * History is grouped by the day it was lived: each entry's own stored UTC
 * offset decides its wall-clock date, so moving to another timezone never moves
 * past entries to a different day.
 */
export interface DayGroup {
  /** "2026-11-23", the wall-clock date where the entry was made. */
  day: string;
  entries: Entry[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall-clock moment of an entry as a Date whose UTC fields read as local time there. */
export const wallClock = (entry: Pick<Entry, 'at' | 'offsetMinutes'>): Date => new Date(entry.at + entry.offsetMinutes * 60_000);

export const dayKey = (entry: Pick<Entry, 'at' | 'offsetMinutes'>): string => {
  const d = wallClock(entry);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

export const timeOfDay = (entry: Pick<Entry, 'at' | 'offsetMinutes'>): string => {
  const d = wallClock(entry);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

/** Pure: entries (newest first) → consecutive day groups, newest first. */
export const groupByDay = (entries: readonly Entry[]): DayGroup[] => {
  const groups: DayGroup[] = [];
  for (const entry of entries) {
    const day = dayKey(entry);
    const last = groups.at(-1);
    if (last && last.day === day) last.entries.push(entry);
    else groups.push({ day, entries: [entry] });
  }
  return groups;
};

/** "Monday 23 November" style, in the reader's language; the year only when it is not this year. */
export const dayLabel = (day: string, locale: string | undefined, today: string): string => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const sameYear = today.slice(0, 4) === day.slice(0, 4);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(date);
};
