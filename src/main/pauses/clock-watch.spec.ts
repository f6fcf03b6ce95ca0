import { describe, expect, test } from 'vitest';

import { ClockWatch, JUMP_TOLERANCE_MS } from './clock-watch';

const HOUR = 3_600_000;

describe('ClockWatch', () => {
  test('steady clocks: no jump; small drift stays inside the tolerance', () => {
    const watch = new ClockWatch('Europe/Berlin');
    expect(watch.look(1_000_000, 0, 'Europe/Berlin')).toEqual({ jumpMs: 0, zoneChanged: false });
    expect(watch.look(1_000_000 + HOUR + JUMP_TOLERANCE_MS, HOUR, 'Europe/Berlin').jumpMs).toBe(0);
  });

  test('sleep or clock forward: wall ahead of monotonic; clock back: behind', () => {
    const watch = new ClockWatch('Europe/Berlin');
    watch.look(0, 0, 'Europe/Berlin');
    expect(watch.look(3 * HOUR, HOUR, 'Europe/Berlin').jumpMs).toBe(2 * HOUR);
    expect(watch.look(3 * HOUR, 2 * HOUR, 'Europe/Berlin').jumpMs).toBe(-HOUR);
  });

  test('a day-long wait tolerates a little more drift', () => {
    const watch = new ClockWatch('UTC');
    watch.look(0, 0, 'UTC');
    expect(watch.look(24 * HOUR + 86_000, 24 * HOUR, 'UTC').jumpMs).toBe(0);
  });

  test('notices a timezone change once', () => {
    const watch = new ClockWatch('Europe/Berlin');
    expect(watch.look(0, 0, 'America/New_York').zoneChanged).toBe(true);
    expect(watch.look(1, 1, 'America/New_York').zoneChanged).toBe(false);
  });
});
