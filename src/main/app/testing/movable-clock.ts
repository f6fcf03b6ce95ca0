import type { TimerClock, TimerHandle } from '../../pauses/ports';
import { systemVaultClock, type VaultClock } from '../../vault/vault-clock';

interface PendingTimer {
  due: number;
  callback: () => void;
  real: ReturnType<typeof setTimeout>;
}

/**
 * Real time that a test can move forward. Timers are real timeouts (so a page
 * waiting on the app sees time pass), and `advance` also fires every timer it
 * carries past, as a machine that was left alone for that long would.
 * `jumpWall` sets the wall clock only (a person or NTP changing the time).
 */
export class MovableClock implements TimerClock {
  #offset = 0;
  #wallOnly = 0;
  #seq = 0;
  readonly #timers = new Map<number, PendingTimer>();

  now(): number {
    return Date.now() + this.#offset + this.#wallOnly;
  }

  monotonicNow(): number {
    return performance.now() + this.#offset;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const id = ++this.#seq;
    const due = this.monotonicNow() + delayMs;
    const real = setTimeout(() => this.#fire(id), Math.max(0, delayMs));
    this.#timers.set(id, { due, callback, real });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    const timer = this.#timers.get(handle as number);
    if (!timer) return;
    clearTimeout(timer.real);
    this.#timers.delete(handle as number);
  }

  /** Time passes: the clock moves on by `ms`, and timers due by then fire, earliest first. */
  advance(ms: number): void {
    this.#offset += ms;
    const due = [...this.#timers.entries()].filter(([, timer]) => timer.due <= this.monotonicNow()).sort(([, a], [, b]) => a.due - b.due);
    for (const [id] of due) this.#fire(id);
  }

  /** Only the wall clock changes; timers keep counting real time. */
  jumpWall(ms: number): void {
    this.#wallOnly += ms;
  }

  pendingTimers(): number {
    return this.#timers.size;
  }

  /** The vault's "now" and local offset, on this clock. */
  vaultClock(): VaultClock {
    return { now: () => this.now(), offsetMinutes: (at) => systemVaultClock.offsetMinutes(at) };
  }

  #fire(id: number): void {
    const timer = this.#timers.get(id);
    if (!timer) return;
    clearTimeout(timer.real);
    this.#timers.delete(id);
    timer.callback();
  }
}
