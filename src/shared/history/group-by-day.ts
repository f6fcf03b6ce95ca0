import { clockTime } from '../clock-time';
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

/** The wall-clock time where the entry was made, written the reader's locale's way ("2:31 PM", "14:31"). */
export const timeOfDay = (entry: Pick<Entry, 'at' | 'offsetMinutes'>, locale?: string): string =>
  clockTime(wallClock(entry), locale, 'UTC');

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

/** Formatters are costly to build and a long history labels hundreds of days: keep one per style. */
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (locale: string | undefined, withYear: boolean): Intl.DateTimeFormat => {
  const key = `${locale ?? ''}|${withYear}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    });
    formatters.set(key, formatter);
  }
  return formatter;
};

/** "Monday 23 November" style, in the reader's language; the year only when it is not this year. */
export const dayLabel = (day: string, locale: string | undefined, today: string): string => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return formatterFor(locale, today.slice(0, 4) !== day.slice(0, 4)).format(new Date(Date.UTC(y, m - 1, d)));
};

/**
 * Pure: like groupByDay, but a day whose entries did not change keeps the very
 * same group object as before, so a list that grows by a page re-renders only
 * the days that changed (keyed lists compare items by identity).
 */
export const regroupByDay = (entries: readonly Entry[], previous: readonly DayGroup[]): DayGroup[] => {
  const before = new Map(previous.map((group) => [group.day, group]));
  return groupByDay(entries).map((group) => {
    const old = before.get(group.day);
    const same =
      old !== undefined && old.entries.length === group.entries.length && old.entries.every((entry, i) => entry === group.entries[i]);
    return same ? old : group;
  });
};
