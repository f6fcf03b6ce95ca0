import type { Tristate } from './due-decision';

/**
 * The small interfaces the pause driver is given. Electron implements them in
 * src/main/platform/; tests pass fakes. Nothing here imports Electron.
 */

export type TimerHandle = unknown;

/** Time and the one timer. `monotonicNow` stops while the machine sleeps on Linux and macOS. */
export interface TimerClock {
  /** Wall-clock epoch ms. */
  now(): number;
  /** Milliseconds from an arbitrary origin that never jumps when the wall clock is set. */
  monotonicNow(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Reads the globals at call time, so test fake timers installed later still apply. */
export const systemTimerClock: TimerClock = {
  now: () => Date.now(),
  monotonicNow: () => performance.now(),
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export const POWER_EVENT_NAMES = ['suspend', 'resume', 'lock-screen', 'unlock-screen', 'idle-start', 'idle-end'] as const;
export type PowerEventName = (typeof POWER_EVENT_NAMES)[number];

/** Sleep, lock and idle notifications. `on` returns its own unsubscribe. */
export interface PowerEvents {
  on(event: PowerEventName, listener: () => void): () => void;
}

/**
 * What the platform can tell about the person's attention right now, asked
 * only when a pause is due. Each answer may be async (a probe may spawn a
 * command); 'unknown' / null never holds a pause back.
 */
export interface AttentionState {
  doNotDisturb(): Tristate | Promise<Tristate>;
  fullScreen(): Tristate | Promise<Tristate>;
  screenLocked(): Tristate | Promise<Tristate>;
  /** Seconds since the last keyboard/mouse input, or null where unknown. */
  idleSeconds(): number | null | Promise<number | null>;
}

/** For tests and platforms that can tell nothing. */
export const unknownAttention: AttentionState = {
  doNotDisturb: () => 'unknown',
  fullScreen: () => 'unknown',
  screenLocked: () => 'unknown',
  idleSeconds: () => null,
};
