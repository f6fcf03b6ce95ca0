import { CAPACITY_MAX, CAPACITY_MIN } from '../../shared/entry-schema';
import type { CheckInEntry } from './linked-follow-ups';
import { DAY_MS, dayNumberToKey, localDayNumber } from './local-time';

/**
 * "How manageable does this feel?" over time, as a gentle line: the mean per
 * day, week or month with how many answers it rests on. A bucket with no
 * answer is a gap (mean null), never a zero — not checking in is not a low.
 */
export type CapacityBucket = 'day' | 'week' | 'month';

export interface CapacityPoint {
  /** The local date the bucket starts on, "2026-03-02" (weeks start on Monday, months on the 1st). */
  start: string;
  /** Mean capacity (1–5) of the check-ins in the bucket, or null where there were none with a capacity. */
  mean: number | null;
  count: number;
}

export interface CapacityLine {
  bucket: CapacityBucket;
  min: typeof CAPACITY_MIN;
  max: typeof CAPACITY_MAX;
  points: CapacityPoint[];
}

/**
 * Enough points to see a shape, few enough to read: daily up to two months,
 * weekly up to two years, monthly beyond (so "all time" is never thousands of gaps).
 */
export const bucketForSpan = (days: number): CapacityBucket => (days <= 62 ? 'day' : days <= 731 ? 'week' : 'month');

const monthIndexOfDay = (day: number): number => {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

/**
 * Bucket number of a local day number, consecutive within one bucket kind.
 * Weeks: the weekday of day d is (d + 3) mod 7 with Monday = 0 (see local-time.ts), so week q = ⌊(d + 3) / 7⌋
 * starts on its Monday, day 7q − 3.
 */
const bucketOf = (bucket: CapacityBucket, day: number): number =>
  bucket === 'day' ? day : bucket === 'week' ? Math.floor((day + 3) / 7) : monthIndexOfDay(day);

const bucketStartKey = (bucket: CapacityBucket, index: number): string => {
  if (bucket === 'day') return dayNumberToKey(index);
  if (bucket === 'week') return dayNumberToKey(index * 7 - 3);
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
};

/**
 * Pure: check-ins of the period (any order) → the line from `firstDay` to
 * `lastDay` (local day numbers, inclusive), one point per bucket.
 */
export const capacityLine = (
  checkIns: readonly CheckInEntry[],
  firstDay: number,
  lastDay: number,
  bucket: CapacityBucket = bucketForSpan(lastDay - firstDay + 1),
): CapacityLine => {
  const first = bucketOf(bucket, firstDay);
  const length = Math.max(0, bucketOf(bucket, lastDay) - first + 1);
  const sums = new Float64Array(length);
  const counts = new Uint32Array(length);
  // Entries usually arrive grouped by day, so remember the last day's bucket (month maths makes a Date).
  let lastSeenDay = Number.NaN;
  let lastIndex = -1;
  for (const checkIn of checkIns) {
    const capacity = checkIn.data.capacity;
    if (capacity === undefined) continue;
    const day = localDayNumber(checkIn);
    if (day !== lastSeenDay) {
      lastSeenDay = day;
      lastIndex = bucketOf(bucket, day) - first;
    }
    if (lastIndex < 0 || lastIndex >= length) continue;
    sums[lastIndex] = (sums[lastIndex] ?? 0) + capacity;
    counts[lastIndex] = (counts[lastIndex] ?? 0) + 1;
  }
  const points: CapacityPoint[] = [];
  for (let i = 0; i < length; i += 1) {
    const count = counts[i] ?? 0;
    points.push({ start: bucketStartKey(bucket, first + i), mean: count === 0 ? null : (sums[i] ?? 0) / count, count });
  }
  return { bucket, min: CAPACITY_MIN, max: CAPACITY_MAX, points };
};
