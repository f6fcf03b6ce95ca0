import type { PauseSettings } from '../../shared/pauses/pause-settings';
import type { NextPause, PauseRemindersCommand, PauseScheduleView, PauseState, PendingPause } from '../../shared/pauses/pause-state';
import type { PauseResponse } from '../notify/notifier';
import { SerialQueue } from '../system/serial-queue';
import type { AwayReason } from './away-tracker';
import { AWAY_ENDS, AWAY_STARTS, AwayTracker } from './away-tracker';
import { ClockWatch } from './clock-watch';
import type { Observations } from './due-decision';
import { decideAtDue, DUE_TOLERANCE_MS } from './due-decision';
import { nextPause, nextWakeUp, type PauseEnv } from './next-pause';
import type { PauseDriverDeps, PauseDriverStats } from './pause-driver-deps';
import type { PowerEventName, TimerHandle } from './ports';
import {
  appStarted,
  awayEnded,
  clockShifted,
  pauseSkipped,
  pauseSnoozed,
  pauseStarted,
  remindersCommand,
  returnChecked,
  settingsChanged,
} from './transitions';

export type { PauseDriverDeps, PauseDriverStats, PauseDue } from './pause-driver-deps';

/**
 * The longest single wait. Far below Node's 2^31-1 ms limit (beyond it the
 * delay becomes 1 ms, a hot loop), and short enough that a wall clock set
 * forward or a new timezone is noticed within a day even when no pause falls
 * due for days: at most one extra wake-up per day.
 */
const MAX_TIMER_DELAY_MS = 24 * 60 * 60 * 1000;

/**
 * The thin, effectful half of scheduled pauses. It holds exactly one timeout —
 * to the instant `nextPause` names — and re-plans whenever something that
 * could move that instant happens: settings, commands, sleep/lock/idle ending,
 * a clock jump (wall time vs monotonic time), a timezone change. All decisions
 * are the pure functions in this folder; this class only gathers inputs,
 * applies transitions and performs effects. Work runs one task at a time so
 * an event arriving mid-decision never sees half-updated state.
 */
export class PauseDriver {
  private settings: PauseSettings;
  private current: PauseState;
  private next: NextPause = { kind: 'none', reason: 'disabled' };
  private pending: PendingPause | null = null;
  private timer: TimerHandle | null = null;
  private readonly queue = new SerialQueue();
  private unsubscribers: (() => void)[] = [];
  private running = false;
  /** Bumped per shown notification, so an answer to an older one is ignored. */
  private generation = 0;
  private readonly away = new AwayTracker();
  private readonly clockWatch: ClockWatch;
  private lastEmitted = '';
  private readonly counters: PauseDriverStats = {
    wakeUps: 0,
    shown: 0,
    held: { 'not-due': 0, away: 0, 'do-not-disturb': 0, 'full-screen': 0 },
    returnChecks: 0,
    clockJumps: 0,
    zoneChanges: 0,
  };

  constructor(private readonly deps: PauseDriverDeps) {
    this.settings = deps.settings;
    this.current = deps.state;
    this.clockWatch = new ClockWatch(deps.localClock.zoneId());
  }

  private get env(): PauseEnv {
    return { clock: this.deps.localClock };
  }

  /** Subscribe to power events and plan the first pause. */
  start(): Promise<void> {
    if (this.running) return this.queue.idle();
    this.running = true;
    for (const [event, reason] of Object.entries(AWAY_STARTS)) {
      this.unsubscribers.push(
        this.deps.power.on(event as PowerEventName, () => void this.run(() => this.away.begin(reason, this.observeClock()))),
      );
    }
    for (const [event, reason] of Object.entries(AWAY_ENDS)) {
      this.unsubscribers.push(this.deps.power.on(event as PowerEventName, () => void this.run(() => this.awayFinished(reason))));
    }
    return this.run(() => {
      const now = this.observeClock();
      this.current = appStarted(this.current, now, this.settings);
    });
  }

  /** Unsubscribe, drop the timer and take any notification away. */
  async stop(): Promise<void> {
    this.running = false;
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    this.clearTimer();
    await this.queue.idle();
    await this.deps.notifier.closePause();
  }

  updateSettings(settings: PauseSettings): Promise<void> {
    return this.run(() => {
      const now = this.observeClock();
      this.current = settingsChanged(this.current, this.settings, settings, now);
      this.settings = settings;
      if (!settings.enabled) return this.dropPending();
    });
  }

  /** The tray's "Pause reminders ▸" items. */
  command(command: PauseRemindersCommand): Promise<void> {
    return this.run(() => {
      const now = this.observeClock();
      this.current = remindersCommand(this.current, command, now, this.settings, this.env);
      if (command !== 'on') return this.dropPending();
    });
  }

  /** "A short pause now?" (tray), or Start on a pending pause the tray shows. */
  startNow(): Promise<void> {
    return this.run(async () => {
      const now = this.observeClock();
      this.current = pauseStarted(this.current, now);
      await this.dropPending();
      this.deps.onStartPause('tray');
    });
  }

  /** Answer the pending pause from elsewhere (the tray fallback when notifications fail). */
  respond(response: PauseResponse): Promise<void> {
    return this.run(() => this.applyResponse(response, 'tray'));
  }

  /** The composition root may call this when it learns the zone changed; wake-ups also check. */
  timezoneChanged(): Promise<void> {
    return this.run(() => void this.observeClock());
  }

  nextPauseAt(): number | null {
    return this.next.kind === 'pause' ? this.next.at : null;
  }

  view(): PauseScheduleView {
    return {
      next: this.next,
      pending: this.pending,
      remindersPausedUntil: this.current.remindersPausedUntil,
      remindersOff: this.current.remindersOff,
    };
  }

  state(): PauseState {
    return this.current;
  }

  stats(): PauseDriverStats {
    return { ...this.counters, held: { ...this.counters.held } };
  }

  /** Resolves when every queued task has finished, those queued meanwhile included (tests and benchmarks). */
  settled(): Promise<void> {
    return this.queue.drained();
  }

  // --- internals -----------------------------------------------------------

  /** Run one task after the previous one, then re-plan. Errors are logged, never thrown into an event emitter. */
  private run(task: () => void | Promise<void>): Promise<void> {
    return this.queue
      .run(async () => {
        try {
          await task();
        } finally {
          // Even after a failed task there must be exactly one live timer.
          if (this.running) this.plan();
        }
      })
      .catch((error: unknown) => this.deps.warn?.('pause driver task failed', error));
  }

  private plan(): void {
    this.clearTimer();
    const now = this.deps.timer.now();
    this.next = nextPause(now, this.settings, this.current, this.env);
    const wakeUp = nextWakeUp(now, this.settings, this.current, this.env);
    if (wakeUp !== null) {
      const delay = Math.min(Math.max(0, wakeUp.at - now), MAX_TIMER_DELAY_MS);
      this.timer = this.deps.timer.setTimeout(() => this.wake(), delay);
    }
    this.emit();
  }

  private wake(): void {
    this.timer = null;
    this.counters.wakeUps += 1;
    void this.run(() => this.due());
  }

  private async due(): Promise<void> {
    this.observeClock();
    // A timer that runs proves the machine is awake: a 'suspend' without its 'resume' is stale.
    this.away.drop('suspend');
    if (this.away.has('lock') && (await this.deps.attention.screenLocked()) === 'no') this.away.drop('lock');
    const seen = await this.observe();
    const now = this.deps.timer.now();
    const checkDue = this.current.returnCheckAt !== null && this.current.returnCheckAt <= now + DUE_TOLERANCE_MS;
    if (checkDue) {
      this.counters.returnChecks += 1;
      this.current = returnChecked(this.current, now, this.settings, seen.idleSeconds);
    }
    const decision = decideAtDue(now, this.settings, this.current, this.env, seen);
    this.current = decision.state;
    if (decision.action === 'hold') {
      if (!(checkDue && decision.why === 'not-due')) this.counters.held[decision.why] += 1;
      return;
    }
    this.counters.shown += 1;
    const generation = ++this.generation;
    this.pending = { shownAt: now, delivered: true };
    const result = await this.deps.notifier.showPause((response) => {
      void this.run(() => (generation === this.generation ? this.applyResponse(response, 'notification') : undefined));
    });
    if (result.ok) {
      this.deps.onPauseDue?.({ at: now, delivered: true });
      return;
    }
    this.deps.warn?.('pause notification failed', result.error);
    if (generation === this.generation && this.pending !== null) this.pending = { shownAt: now, delivered: false };
    this.deps.onPauseDue?.({ at: now, delivered: false, error: result.error });
  }

  private async observe(): Promise<Observations> {
    const { attention } = this.deps;
    const [doNotDisturb, fullScreen, idleSeconds] = await Promise.all([
      attention.doNotDisturb(),
      attention.fullScreen(),
      attention.idleSeconds(),
    ]);
    return { awayFromEventsSince: this.away.since(), idleSeconds, doNotDisturb, fullScreen };
  }

  private applyResponse(response: PauseResponse, source: 'notification' | 'tray'): void {
    const now = this.observeClock();
    this.pending = null;
    this.generation += 1;
    if (response === 'start') {
      this.current = pauseStarted(this.current, now);
      this.deps.onStartPause(source);
    } else if (response === 'snooze') {
      this.current = pauseSnoozed(this.current, now, this.settings);
    } else {
      this.current = pauseSkipped(this.current, now);
    }
  }

  private async dropPending(): Promise<void> {
    this.generation += 1;
    if (this.pending === null) return;
    this.pending = null;
    // notify-send cannot close; the next pause replaces this one instead.
    if (!this.deps.notifier.capabilities.close) return;
    const result = await this.deps.notifier.closePause();
    if (!result.ok) this.deps.warn?.('closing the pause notification failed', result.error);
  }

  private awayFinished(reason: AwayReason): void {
    const span = this.away.end(reason, this.observeClock());
    if (span !== null) this.current = awayEnded(this.current, span, this.settings, this.env);
  }

  /**
   * Look at the clocks (see ClockWatch). Wall time running ahead is time away
   * — unless a reported away period already covers it, and then its end
   * accounts for it. Wall time falling behind shifts every remembered instant,
   * so intervals keep their real length. Returns the wall-clock now.
   */
  private observeClock(): number {
    const now = this.deps.timer.now();
    const look = this.clockWatch.look(now, this.deps.timer.monotonicNow(), this.deps.localClock.zoneId());
    if (look.zoneChanged) this.counters.zoneChanges += 1;
    if (look.jumpMs < 0) {
      this.counters.clockJumps += 1;
      this.current = clockShifted(this.current, look.jumpMs);
      this.away.shift(look.jumpMs);
    } else if (look.jumpMs > 0) {
      this.counters.clockJumps += 1;
      if (this.away.since() === null)
        this.current = awayEnded(this.current, { start: now - look.jumpMs, end: now }, this.settings, this.env);
    }
    return now;
  }

  private clearTimer(): void {
    if (this.timer !== null) this.deps.timer.clearTimeout(this.timer);
    this.timer = null;
  }

  private emit(): void {
    const view = this.view();
    const key = JSON.stringify([view, this.current]);
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    this.deps.onStateChanged?.(view, this.current);
  }
}
