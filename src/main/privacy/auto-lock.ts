import type { PrivacySettings } from '../../shared/settings-schema';
import type { PowerEvents, TimerClock } from '../pauses/ports';

/**
 * Pure: after how long to look at idle time again, or lock now. One timer that
 * sleeps exactly until the person could first have been idle long enough — no
 * polling every second. Unknown idle time (some Wayland desktops) never locks
 * early: it looks again after the full threshold.
 */
export const autoLockDecision = (
  idleSeconds: number | null,
  thresholdMinutes: number,
): { lock: true } | { lock: false; checkInMs: number } => {
  const threshold = thresholdMinutes * 60;
  if (idleSeconds === null) return { lock: false, checkInMs: threshold * 1000 };
  if (idleSeconds >= threshold) return { lock: true };
  return { lock: false, checkInMs: Math.max(1, threshold - idleSeconds) * 1000 };
};

export interface AutoLockDeps {
  timer: Pick<TimerClock, 'setTimeout' | 'clearTimeout'>;
  power: PowerEvents;
  idleSeconds: () => number | null | Promise<number | null>;
  /** True when there is something to lock (an unlocked history). */
  isUnlocked: () => Promise<boolean>;
  lock: () => Promise<void>;
}

/** Locks the history after idle time or with the screen, as the privacy settings say. */
export class AutoLock {
  #settings: PrivacySettings;
  #handle: unknown = null;
  readonly #unsubscribe: () => void;

  constructor(
    private readonly deps: AutoLockDeps,
    settings: PrivacySettings,
  ) {
    this.#settings = settings;
    // 'lock-screen' comes on macOS and Windows; on Linux there is no such event, but a suspend
    // (lid closed, sleep) always comes first there, so both count as "the screen locked".
    const onScreenGone = () => {
      if (this.#settings.lockWithScreen) void this.#lockIfUnlocked();
    };
    const offLock = deps.power.on('lock-screen', onScreenGone);
    const offSuspend = deps.power.on('suspend', onScreenGone);
    this.#unsubscribe = () => {
      offLock();
      offSuspend();
    };
    this.#plan(null);
  }

  update(settings: PrivacySettings): void {
    this.#settings = settings;
    this.#plan(null);
  }

  /** Call after an unlock: the idle clock only matters while there is something to lock. */
  unlocked(): void {
    this.#plan(null);
  }

  stop(): void {
    this.#unsubscribe();
    this.#clear();
  }

  #clear(): void {
    if (this.#handle !== null) this.deps.timer.clearTimeout(this.#handle);
    this.#handle = null;
  }

  #plan(afterMs: number | null): void {
    this.#clear();
    const minutes = this.#settings.lockAfterIdleMinutes;
    if (minutes === null) return;
    this.#handle = this.deps.timer.setTimeout(() => void this.#check(), afterMs ?? minutes * 60_000);
  }

  async #check(): Promise<void> {
    this.#handle = null;
    const minutes = this.#settings.lockAfterIdleMinutes;
    if (minutes === null) return;
    const decision = autoLockDecision(await this.deps.idleSeconds(), minutes);
    if (decision.lock) {
      await this.#lockIfUnlocked();
      this.#plan(null);
    } else {
      this.#plan(decision.checkInMs);
    }
  }

  async #lockIfUnlocked(): Promise<void> {
    if (await this.deps.isUnlocked()) await this.deps.lock();
  }
}
