import { describe, expect, it } from 'vitest';

import { decideAttempt, delayAfter, initialThrottle, MAX_DELAY_MS, recordFailure, recordSuccess, type ThrottleState } from './throttle';

const failTimes = (times: number, at: number): ThrottleState => {
  let state = initialThrottle;
  for (let i = 0; i < times; i += 1) state = recordFailure(state, at);
  return state;
};

describe('throttle', () => {
  it('lets the first three misses through at once', () => {
    expect(decideAttempt(initialThrottle, 0)).toEqual({ allowed: true });
    expect(decideAttempt(failTimes(2, 1000), 1000)).toEqual({ allowed: true });
  });

  it('doubles the wait from the third miss on, measured from the last miss', () => {
    expect(decideAttempt(failTimes(3, 1000), 1000)).toEqual({ allowed: false, retryAfterMs: 1000 });
    expect(decideAttempt(failTimes(3, 1000), 1600)).toEqual({ allowed: false, retryAfterMs: 400 });
    expect(decideAttempt(failTimes(3, 1000), 2000)).toEqual({ allowed: true });
    expect(decideAttempt(failTimes(5, 1000), 1000)).toEqual({ allowed: false, retryAfterMs: 4000 });
  });

  it('never asks for more than five minutes', () => {
    expect(delayAfter(40)).toBe(MAX_DELAY_MS);
    expect(decideAttempt(failTimes(40, 0), 0)).toEqual({ allowed: false, retryAfterMs: 5 * 60_000 });
  });

  it('forgets everything after a success', () => {
    expect(recordSuccess()).toEqual(initialThrottle);
  });
});
