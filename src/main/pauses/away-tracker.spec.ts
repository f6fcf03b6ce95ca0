import { describe, expect, test } from 'vitest';

import { AwayTracker } from './away-tracker';

describe('AwayTracker', () => {
  test('lock, sleep, wake, unlock: one away period from the lock to the unlock', () => {
    const away = new AwayTracker();
    away.begin('lock', 100);
    away.begin('suspend', 200);
    expect(away.end('suspend', 900)).toBeNull();
    expect(away.since()).toBe(100);
    expect(away.end('lock', 1000)).toEqual({ start: 100, end: 1000 });
    expect(away.since()).toBeNull();
  });

  test('an end without a start is ignored; a dropped reason leaves no span', () => {
    const away = new AwayTracker();
    expect(away.end('lock', 50)).toBeNull();
    away.begin('suspend', 10);
    away.drop('suspend');
    expect(away.since()).toBeNull();
    expect(away.end('suspend', 60)).toBeNull();
  });

  test('the start moves with a clock set back', () => {
    const away = new AwayTracker();
    away.begin('idle', 5000);
    away.shift(-1000);
    expect(away.end('idle', 6000)).toEqual({ start: 4000, end: 6000 });
  });
});
