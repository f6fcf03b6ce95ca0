import type { TimerClock, TimerHandle } from '../ports';

interface SimTimer {
  readonly due: number;
  readonly callback: () => void;
}

/**
 * A machine's two clocks, simulated: wall time (what `Date.now` says, which a
 * person or NTP can set) and monotonic time (what timers count, which stops
 * while the machine sleeps). Timers fire only while "awake". Counts every
 * wake-up, and the most timers ever pending at once.
 */
export class SimClock implements TimerClock {
  private wall: number;
  private mono = 0;
  private slept = 0;
  private seq = 0;
  private readonly timers = new Map<number, SimTimer>();
  wakeUps = 0;
  maxPendingTimers = 0;

  constructor(startWall: number) {
    this.wall = startWall;
  }

  now(): number {
    return this.wall;
  }

  monotonicNow(): number {
    return this.mono;
  }

  /** Real time passed since the start, awake or asleep — what a person lives through. */
  realElapsed(): number {
    return this.mono + this.slept;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    this.seq += 1;
    this.timers.set(this.seq, { due: this.mono + Math.max(0, delayMs), callback });
    this.maxPendingTimers = Math.max(this.maxPendingTimers, this.timers.size);
    return this.seq;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as number);
  }

  pendingTimers(): number {
    return this.timers.size;
  }

  /** Stay awake until the wall clock reads `target`, firing due timers in order; `settle` runs after each. */
  async runUntil(target: number, settle: () => Promise<void>): Promise<void> {
    // Work queued by whatever happened just before (a power event) runs at that moment, not later.
    await settle();
    for (;;) {
      const next = this.earliest();
      if (next === undefined || next[1].due - this.mono > target - this.wall) break;
      const step = next[1].due - this.mono;
      this.mono += step;
      this.wall += step;
      this.timers.delete(next[0]);
      this.wakeUps += 1;
      next[1].callback();
      await settle();
    }
    const rest = target - this.wall;
    if (rest > 0) {
      this.mono += rest;
      this.wall += rest;
    }
  }

  /** The machine sleeps: wall time moves on, monotonic time and timers stand still. */
  sleepUntil(target: number): void {
    this.slept += Math.max(0, target - this.wall);
    this.wall = Math.max(this.wall, target);
  }

  /** Someone sets the clock (forward or back); nothing else moves. */
  setWall(target: number): void {
    this.wall = target;
  }

  private earliest(): [number, SimTimer] | undefined {
    let best: [number, SimTimer] | undefined;
    for (const entry of this.timers) {
      if (best === undefined || entry[1].due < best[1].due) best = entry;
    }
    return best;
  }
}
