import type { PauseSettings } from '../../shared/pauses/pause-settings';
import type { PauseScheduleView, PauseState } from '../../shared/pauses/pause-state';
import type { Notifier, NotifyError } from '../notify/notifier';
import type { HoldReason } from './due-decision';
import type { LocalClock } from './local-clock';
import type { AttentionState, PowerEvents, TimerClock } from './ports';

/** What the PauseDriver is given and what it reports (see pause-driver.ts). */

export interface PauseDue {
  readonly at: number;
  /** false: the notification failed or was refused — the tray shows the pending pause instead. */
  readonly delivered: boolean;
  readonly error?: NotifyError;
}

export interface PauseDriverDeps {
  readonly settings: PauseSettings;
  /** As loaded from the settings store (INITIAL_PAUSE_STATE on first run). */
  readonly state: PauseState;
  readonly timer: TimerClock;
  readonly localClock: LocalClock;
  readonly power: PowerEvents;
  readonly attention: AttentionState;
  readonly notifier: Notifier;
  /** Open the pause window. */
  readonly onStartPause: (source: 'notification' | 'tray') => void;
  /** A pause came due and was offered (or could not be). */
  readonly onPauseDue?: (due: PauseDue) => void;
  /** Persist `state`; refresh the tray from `view` ("Next pause: 14:20"). */
  readonly onStateChanged?: (view: PauseScheduleView, state: PauseState) => void;
  /** Something went wrong that the driver recovered from (a failed task or notification), with its cause. Never content. */
  readonly warn?: (message: string, cause: unknown) => void;
}

export interface PauseDriverStats {
  /** Timer callbacks that ran. */
  wakeUps: number;
  shown: number;
  held: Record<HoldReason, number>;
  /** Looks for whether someone found away at a due time is back. */
  returnChecks: number;
  clockJumps: number;
  zoneChanges: number;
}
