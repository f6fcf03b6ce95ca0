import { DAY_MS, HOUR_MS } from '../local-time';

/**
 * Two real-world zones' offsets from their published DST rules, without the
 * ICU time-zone database, so generated histories are the same on every
 * machine (a full-icu-less Node included). EU: last Sunday of March to last
 * Sunday of October, switching at 01:00 UTC. US: second Sunday of March 02:00
 * local to first Sunday of November 02:00 local.
 */
export type Zone = 'europe-berlin' | 'america-new-york';

/** Day number (since 1970-01-01) of the n-th Sunday of a month (n = -1: the last one). */
const sunday = (year: number, month: number, n: number): number => {
  if (n < 0) {
    const last = Date.UTC(year, month + 1, 0) / DAY_MS;
    return last - ((last + 4) % 7); // 1970-01-01 was a Thursday: (day + 4) % 7 === 0 on Sundays
  }
  const first = Date.UTC(year, month, 1) / DAY_MS;
  return first + ((7 - ((first + 4) % 7)) % 7) + (n - 1) * 7;
};

/** Minutes east of UTC at a UTC instant. */
export const offsetAt = (zone: Zone, at: number): number => {
  const year = new Date(at).getUTCFullYear();
  if (zone === 'europe-berlin') {
    const start = sunday(year, 2, -1) * DAY_MS + HOUR_MS;
    const end = sunday(year, 9, -1) * DAY_MS + HOUR_MS;
    return at >= start && at < end ? 120 : 60;
  }
  const start = sunday(year, 2, 2) * DAY_MS + 7 * HOUR_MS;
  const end = sunday(year, 10, 1) * DAY_MS + 6 * HOUR_MS;
  return at >= start && at < end ? -240 : -300;
};
