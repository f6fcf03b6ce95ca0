import { describe, expect, it } from 'vitest';

import { compareOrdered, compareStamps, COUNTER_MAX, FUTURE_CAP_MS, isStamp, observe, type Stamp, tick, ZERO_STAMP } from './hybrid-clock';

const T = 1_795_424_400_000;
const HOUR = 3_600_000;
const A = 'a'.repeat(32);
const B = 'b'.repeat(32);

/** Stamps `count` local records at the given wall times, starting from `clock`. */
const stampAll = (clock: Stamp, walls: number[]): Stamp[] => {
  const out: Stamp[] = [];
  let current = clock;
  for (const wall of walls) {
    current = tick(current, wall);
    out.push(current);
  }
  return out;
};

const strictlyIncreasing = (stamps: Stamp[]): boolean =>
  stamps.every((stamp, i) => i === 0 || compareStamps(stamps[i - 1] as Stamp, stamp) < 0);

describe('tick (a new local record)', () => {
  it('takes the wall time when it is ahead, with c = 0', () => {
    expect(tick(ZERO_STAMP, T)).toEqual([T, 0]);
    expect(tick([T, 7], T + 1)).toEqual([T + 1, 0]);
  });

  it('counts c up within one millisecond', () => {
    expect(stampAll(ZERO_STAMP, [T, T, T])).toEqual([
      [T, 0],
      [T, 1],
      [T, 2],
    ]);
  });

  it('keeps l and counts c when the wall clock jumps backwards', () => {
    const stamps = stampAll(ZERO_STAMP, [T, T - HOUR, T - 2 * HOUR, T - HOUR]);
    expect(stamps).toEqual([
      [T, 0],
      [T, 1],
      [T, 2],
      [T, 3],
    ]);
    expect(strictlyIncreasing(stamps)).toBe(true);
  });

  it('follows a forward jump at once and stays ahead after the wall clock returns', () => {
    const stamps = stampAll(ZERO_STAMP, [T, T + 5 * HOUR, T + 1]);
    expect(stamps).toEqual([
      [T, 0],
      [T + 5 * HOUR, 0],
      [T + 5 * HOUR, 1],
    ]);
  });

  it('moves to the next millisecond when c would pass 2^31 − 1', () => {
    expect(tick([T, COUNTER_MAX - 1], T)).toEqual([T, COUNTER_MAX]);
    expect(tick([T, COUNTER_MAX], T)).toEqual([T + 1, 0]);
    expect(tick([T, COUNTER_MAX], T - HOUR)).toEqual([T + 1, 0]);
  });
});

describe('observe (merging a record)', () => {
  it('takes the greater stamp, lexicographically', () => {
    expect(observe([T, 5], [T, 9], T)).toEqual([T, 9]);
    expect(observe([T, 5], [T - 1, 99], T)).toEqual([T, 5]);
    expect(observe([T, 5], [T + HOUR, 0], T)).toEqual([T + HOUR, 0]);
  });

  it('does not take the wall time in (only the next tick does)', () => {
    expect(observe([T, 5], [T - HOUR, 0], T + HOUR)).toEqual([T, 5]);
  });

  it('accepts a stamp exactly 24 h ahead and refuses one a millisecond further', () => {
    expect(observe([T, 0], [T + FUTURE_CAP_MS, 3], T)).toEqual([T + FUTURE_CAP_MS, 3]);
    expect(observe([T, 0], [T + FUTURE_CAP_MS + 1, 0], T)).toEqual([T, 0]);
  });

  it('never lets a computer with its clock in 2099 freeze the local clock', () => {
    const year2099 = 4_070_908_800_000;
    let clock = observe(tick(ZERO_STAMP, T), [year2099, 0], T);
    clock = tick(clock, T + 1);
    expect(clock).toEqual([T + 1, 0]);
  });
});

describe('two devices with clocks skewed by ±1 h', () => {
  it('orders a record written after merging another one after it, even from the slow clock', () => {
    // Device A runs an hour ahead, device B an hour behind; real time moves 1 s per step.
    let clockA: Stamp = ZERO_STAMP;
    let clockB: Stamp = ZERO_STAMP;
    clockA = tick(clockA, T + HOUR);
    const fromA = { hlc: clockA, by: A };
    clockB = observe(clockB, fromA.hlc, T + 1000 - HOUR);
    clockB = tick(clockB, T + 1000 - HOUR);
    const fromB = { hlc: clockB, by: B };
    expect(fromB.hlc).toEqual([T + HOUR, 1]);
    expect(compareOrdered(fromB, fromA)).toBeGreaterThan(0);

    // And back: A, whose clock is ahead anyway, replies after merging B's record.
    clockA = observe(clockA, fromB.hlc, T + 2000 + HOUR);
    clockA = tick(clockA, T + 2000 + HOUR);
    expect(compareOrdered({ hlc: clockA, by: A }, fromB)).toBeGreaterThan(0);
  });

  it('lets concurrent records from skewed clocks order by their stamps, then by device', () => {
    const slow = { hlc: tick(ZERO_STAMP, T - HOUR), by: A };
    const fast = { hlc: tick(ZERO_STAMP, T + HOUR), by: B };
    expect(compareOrdered(fast, slow)).toBeGreaterThan(0);
    const tieA = { hlc: [T, 0] as const, by: A };
    const tieB = { hlc: [T, 0] as const, by: B };
    expect(compareOrdered(tieB, tieA)).toBeGreaterThan(0);
    expect(compareOrdered(tieA, tieB)).toBeLessThan(0);
    expect(compareOrdered(tieA, { hlc: [T, 0], by: A })).toBe(0);
  });
});

describe('isStamp', () => {
  it('accepts the ranges of §5.2 and nothing else', () => {
    expect(isStamp([0, 0])).toBe(true);
    expect(isStamp([Number.MAX_SAFE_INTEGER, COUNTER_MAX])).toBe(true);
    for (const bad of [[-1, 0], [0, -1], [0, COUNTER_MAX + 1], [2 ** 53, 0], [1.5, 0], [0, 0.5], [0], [0, 0, 0], '0,0', null, [NaN, 0]]) {
      expect(isStamp(bad)).toBe(false);
    }
  });
});
