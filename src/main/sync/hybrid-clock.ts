/**
 * The hybrid logical clock of docs/sync-format.md §5.2. Records are ordered
 * by `(l, c, by)`, never by wall time alone: a record a device writes after
 * merging a record `r` always orders after `r`, even when that device's
 * clock is an hour behind. Pure: callers pass the wall time in.
 */

/** `[l, c]`: `l` integer ms (0 ≤ l < 2^53), `c` integer 0 … 2^31 − 1. */
export type Stamp = readonly [l: number, c: number];

/** A stamp with the device that wrote it: the total order of records. */
export interface OrderedStamp {
  readonly hlc: Stamp;
  readonly by: string;
}

export const COUNTER_MAX = 2 ** 31 - 1;
/** A merged stamp further ahead of local wall time than this never moves the local clock. */
export const FUTURE_CAP_MS = 86_400_000;

export const ZERO_STAMP: Stamp = [0, 0];

export const isStamp = (value: unknown): value is Stamp =>
  Array.isArray(value) &&
  value.length === 2 &&
  Number.isSafeInteger(value[0]) &&
  (value[0] as number) >= 0 &&
  Number.isInteger(value[1]) &&
  (value[1] as number) >= 0 &&
  (value[1] as number) <= COUNTER_MAX;

/** Lexicographic on `(l, c)`: negative, zero or positive. */
export const compareStamps = (a: Stamp, b: Stamp): number => a[0] - b[0] || a[1] - b[1];

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The total order of §5.2: `(l, c, by)`, `by` as a hex string. Equal means the same record. */
export const compareOrdered = (a: OrderedStamp, b: OrderedStamp): number => compareStamps(a.hlc, b.hlc) || compareText(a.by, b.by);

/**
 * The stamp for a new local record at wall time `wall`; it is also the
 * clock's new value. A wall clock that jumped back leaves `l` where it was
 * and counts `c` up, so stamps keep growing.
 */
export const tick = (clock: Stamp, wall: number): Stamp => {
  const l = Math.max(clock[0], wall);
  const c = l === clock[0] ? clock[1] + 1 : 0;
  return c > COUNTER_MAX ? [l + 1, 0] : [l, c];
};

/**
 * The clock after merging a record stamped `seen` at wall time `wall`.
 * A stamp more than 24 h ahead is still merged and ordered as it stands by
 * the caller, but it never moves the clock: one computer with its clock in
 * 2099 cannot freeze everyone else's `l`.
 */
export const observe = (clock: Stamp, seen: Stamp, wall: number): Stamp => {
  if (seen[0] > wall + FUTURE_CAP_MS) return clock;
  return compareStamps(seen, clock) > 0 ? seen : clock;
};
