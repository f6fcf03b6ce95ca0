import type { Span } from './local-spans';
import type { PowerEventName } from './ports';

export type AwayReason = 'suspend' | 'lock' | 'idle';

/** Power events that begin or end an away period, and the reason each stands for. */
export const AWAY_STARTS: Partial<Record<PowerEventName, AwayReason>> = { suspend: 'suspend', 'lock-screen': 'lock', 'idle-start': 'idle' };
export const AWAY_ENDS: Partial<Record<PowerEventName, AwayReason>> = { resume: 'suspend', 'unlock-screen': 'lock', 'idle-end': 'idle' };

/**
 * Overlapping reasons for being away (a laptop locks, then sleeps, wakes,
 * and is unlocked) make one away period: it starts with the first reason and
 * ends when the last one clears.
 */
export class AwayTracker {
  private readonly reasons = new Set<AwayReason>();
  private start: number | null = null;

  /** When the current away period began, or null when the person is here. */
  since(): number | null {
    return this.reasons.size > 0 ? this.start : null;
  }

  has(reason: AwayReason): boolean {
    return this.reasons.has(reason);
  }

  begin(reason: AwayReason, now: number): void {
    if (this.reasons.size === 0) this.start = now;
    this.reasons.add(reason);
  }

  /** The whole away period once its last reason ends; null while another reason remains (or none was open). */
  end(reason: AwayReason, now: number): Span | null {
    if (!this.reasons.delete(reason) || this.reasons.size > 0) return null;
    const span = { start: this.start ?? now, end: now };
    this.start = null;
    return span;
  }

  /** Forget a reason the platform evidently missed the end of (no span: nothing to account for). */
  drop(reason: AwayReason): void {
    this.reasons.delete(reason);
    if (this.reasons.size === 0) this.start = null;
  }

  /** The wall clock moved by `deltaMs`: keep the start in step with it. */
  shift(deltaMs: number): void {
    if (this.start !== null) this.start += deltaMs;
  }
}
