import type { Notifier, NotifierCapabilities, NotifyResult, PauseResponse } from '../../notify/notifier';
import type { Tristate } from '../due-decision';
import type { LocalClock } from '../local-clock';
import { zoneClock } from '../local-clock';
import type { AttentionState, PowerEventName, PowerEvents } from '../ports';

/**
 * Fakes for the driver's ports — only the Electron boundary is faked; the
 * scheduler and driver under test are the real ones.
 */

export class FakePowerEvents implements PowerEvents {
  private readonly listeners = new Map<PowerEventName, Set<() => void>>();

  on(event: PowerEventName, listener: () => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }

  emit(event: PowerEventName): void {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }

  listenerCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }
}

/** Attention answers the test sets; idle is derived from the last input time. */
export class FakeAttention implements AttentionState {
  dnd: Tristate = 'no';
  full: Tristate = 'no';
  locked: Tristate = 'unknown';
  /** Wall time of the last keyboard/mouse input; 'now' = in use right now; null = the platform cannot tell. */
  lastInputAt: number | 'now' | null = 'now';

  constructor(private readonly now: () => number) {}

  doNotDisturb(): Tristate {
    return this.dnd;
  }
  fullScreen(): Tristate {
    return this.full;
  }
  screenLocked(): Tristate {
    return this.locked;
  }
  idleSeconds(): number | null {
    if (this.lastInputAt === null) return null;
    if (this.lastInputAt === 'now') return 0;
    return Math.max(0, (this.now() - this.lastInputAt) / 1000);
  }
}

export interface ShownRecord {
  readonly at: number;
  readonly respond: (response: PauseResponse) => void;
}

/** Records every pause notification; the test answers them (or not). */
export class FakeNotifier implements Notifier {
  readonly capabilities: NotifierCapabilities = { actions: true, click: true, replace: 'native-tag', close: true };
  readonly shown: ShownRecord[] = [];
  closed = 0;
  /** Set to make the next shows fail, as a denied or broken notification system would. */
  failWith: NotifyResult | null = null;
  /** Called synchronously on each show, e.g. to answer at once. */
  onShow: ((record: ShownRecord) => void) | null = null;

  constructor(private readonly now: () => number) {}

  showPause(onResponse: (response: PauseResponse) => void): Promise<NotifyResult> {
    if (this.failWith) return Promise.resolve(this.failWith);
    const record = { at: this.now(), respond: onResponse };
    this.shown.push(record);
    this.onShow?.(record);
    return Promise.resolve({ ok: true });
  }

  closePause(): Promise<NotifyResult> {
    this.closed += 1;
    return Promise.resolve({ ok: true });
  }
}

/** A local clock whose zone can change mid-test ("flying" from Berlin to New York). */
export class SwitchableClock implements LocalClock {
  private clock: LocalClock;

  constructor(zone: string) {
    this.clock = zoneClock(zone);
  }

  moveTo(zone: string): void {
    this.clock = zoneClock(zone);
  }

  zoneId(): string {
    return this.clock.zoneId();
  }

  offsetMinutesAt(epochMs: number): number {
    return this.clock.offsetMinutesAt(epochMs);
  }
}
