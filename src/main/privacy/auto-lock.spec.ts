import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import type { PowerEventName } from '../pauses/ports';
import { AutoLock, autoLockDecision } from './auto-lock';

describe('autoLockDecision', () => {
  test('locks once idle reaches the threshold; otherwise sleeps exactly until it could', () => {
    expect(autoLockDecision(900, 15)).toEqual({ lock: true });
    expect(autoLockDecision(600, 15)).toEqual({ lock: false, checkInMs: 300_000 });
    expect(autoLockDecision(0, 15)).toEqual({ lock: false, checkInMs: 900_000 });
  });

  test('unknown idle time never locks early', () => {
    expect(autoLockDecision(null, 5)).toEqual({ lock: false, checkInMs: 300_000 });
  });
});

describe('AutoLock', () => {
  let idle = 0;
  let unlocked = true;
  const locks: number[] = [];
  const listeners = new Map<PowerEventName, () => void>();
  const deps = () => ({
    timer: { setTimeout: (cb: () => void, ms: number) => setTimeout(cb, ms), clearTimeout: (h: unknown) => clearTimeout(h as never) },
    power: {
      on: (event: PowerEventName, cb: () => void) => {
        listeners.set(event, cb);
        return () => listeners.delete(event);
      },
    },
    idleSeconds: () => idle,
    isUnlocked: async () => unlocked,
    lock: async () => {
      locks.push(Date.now());
      unlocked = false;
    },
  });

  beforeEach(() => {
    vi.useFakeTimers();
    idle = 0;
    unlocked = true;
    locks.length = 0;
    listeners.clear();
  });
  afterEach(() => vi.useRealTimers());

  test('active person: no lock; idle person: locked at the threshold, with few wake-ups', async () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const auto = new AutoLock(deps(), { lockAfterIdleMinutes: 15, lockWithScreen: true });
    // Active until minute 15 (idle 2 min then), then away.
    idle = 120;
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(locks).toHaveLength(0);
    idle = 15 * 60;
    await vi.advanceTimersByTimeAsync(13 * 60_000);
    expect(locks).toHaveLength(1);
    expect(setTimeoutSpy.mock.calls.length).toBeLessThanOrEqual(4);
    auto.stop();
  });

  test('locks with the screen when chosen, and not when not', async () => {
    const auto = new AutoLock(deps(), { lockAfterIdleMinutes: null, lockWithScreen: false });
    listeners.get('lock-screen')?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(locks).toHaveLength(0);
    auto.update({ lockAfterIdleMinutes: null, lockWithScreen: true });
    listeners.get('lock-screen')?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(locks).toHaveLength(1);
    // Linux has no lock-screen event; going to sleep counts too.
    unlocked = true;
    listeners.get('suspend')?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(locks).toHaveLength(2);
    auto.stop();
    expect(listeners.size).toBe(0);
  });

  test('never: no timer at all', () => {
    const auto = new AutoLock(deps(), { lockAfterIdleMinutes: null, lockWithScreen: true });
    expect(vi.getTimerCount()).toBe(0);
    auto.stop();
  });
});
