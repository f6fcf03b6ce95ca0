/**
 * How long to wait after wrong passphrases or recovery keys. Pure: the clock
 * is a parameter. The first few misses cost nothing (typos happen, and this
 * is someone's own diary); after that each miss doubles the wait, capped so a
 * person is never shut out for long.
 *
 * The real defence against guessing is scrypt on the vault files themselves
 * (an attacker with the files never goes through this code); the throttle
 * stops a script driving the app's IPC. It is kept across restarts in a small
 * file beside the vault folder (throttle-file.ts), so quitting and starting
 * Attune again between guesses waits just as long.
 */
export interface ThrottleState {
  failures: number;
  lastFailureAt: number;
}

export const FREE_ATTEMPTS = 3;
export const BASE_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 5 * 60_000;

export const initialThrottle: ThrottleState = { failures: 0, lastFailureAt: Number.NEGATIVE_INFINITY };

export const delayAfter = (failures: number): number =>
  failures < FREE_ATTEMPTS ? 0 : Math.min(BASE_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_MS);

export type AttemptDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export const decideAttempt = (state: ThrottleState, now: number): AttemptDecision => {
  const waitUntil = state.lastFailureAt + delayAfter(state.failures);
  return now >= waitUntil ? { allowed: true } : { allowed: false, retryAfterMs: waitUntil - now };
};

export const recordFailure = (state: ThrottleState, now: number): ThrottleState => ({ failures: state.failures + 1, lastFailureAt: now });

export const recordSuccess = (): ThrottleState => initialThrottle;
