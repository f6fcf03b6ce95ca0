import type { PauseSettings } from '../../shared/pauses/pause-settings';
import type { NextPause, PauseState } from '../../shared/pauses/pause-state';
import type { LocalClock } from './local-clock';
import { activeWindows, quietSpanAt } from './local-spans';

/** What the scheduler needs besides settings and state: how to read local time. */
export interface PauseEnv {
  readonly clock: LocalClock;
}

/**
 * No two offered pauses are ever closer than this, whatever the state says —
 * the last guard against a burst (snooze and busy back-off are never shorter).
 */
export const MIN_GAP_MS = 5 * 60_000;

/** A chain of back-to-back quiet periods is short; this only stops a bad input from looping. */
const MAX_QUIET_HOPS = 16;

const none = (reason: Extract<NextPause, { kind: 'none' }>['reason']): NextPause => ({ kind: 'none', reason });

const leaveQuiet = (at: number, settings: PauseSettings, env: PauseEnv): number => {
  let moved = at;
  for (let hop = 0; hop < MAX_QUIET_HOPS; hop += 1) {
    const quiet = quietSpanAt(moved, settings, env.clock);
    if (!quiet) return moved;
    moved = quiet.end;
  }
  return moved;
};

/**
 * When the next pause comes, decided from nothing but its inputs.
 *
 * - The interval runs from `anchorAt` (the last pause, skip, or fresh start).
 * - Reaching the start of the active hours is a fresh start: the first pause
 *   of a day comes one interval after the hours begin, never at the opening
 *   minute and never as a leftover from the evening before.
 * - A postponed pause (snooze, busy screen) comes at its time if that is
 *   inside active hours; if not, it is dropped and the regular rule applies.
 * - "Pause reminders for …" acts like a fresh start at its end.
 * - A pause due inside a quiet period waits for the period's end.
 * - Overdue means now: the caller decides what "now" means after sleep, and
 *   the result is never earlier than `now` or `MIN_GAP_MS` after the last one.
 *
 * Intervals are real elapsed time (epoch ms); only the windows are local, so a
 * DST night is an hour shorter or longer and the pauses stay evenly spaced.
 */
export const nextPause = (now: number, settings: PauseSettings, state: PauseState, env: PauseEnv): NextPause => {
  if (!settings.enabled) return none('disabled');
  if (state.remindersOff) return none('reminders-off');

  const interval = settings.intervalSeconds * 1000;
  const floor = Math.max(state.anchorAt ?? now, state.remindersPausedUntil ?? Number.NEGATIVE_INFINITY);
  const notBefore = Math.max(now, state.lastShownAt === null ? Number.NEGATIVE_INFINITY : state.lastShownAt + MIN_GAP_MS);
  const postponed = state.postponedUntil !== null && state.postponedUntil >= floor ? state.postponedUntil : null;

  for (const window of activeWindows(now, settings, env.clock)) {
    // A postponed pause is not brought forward into an earlier window.
    if (postponed !== null && postponed >= window.end) continue;
    const usePostponed = postponed !== null && postponed >= window.start;
    const planned = usePostponed ? postponed : Math.max(floor, window.start) + interval;
    const at = leaveQuiet(Math.max(planned, notBefore), settings, env);
    if (at >= window.end) continue;
    return { kind: 'pause', at, cause: usePostponed ? (state.postponedBy ?? 'snooze') : 'interval' };
  }
  return none('no-active-time');
};

/** What the driver's single timer waits for: the next pause, or an earlier look for someone's return. */
export type WakeUp = { kind: 'pause' | 'return-check'; at: number };

export const nextWakeUp = (now: number, settings: PauseSettings, state: PauseState, env: PauseEnv): WakeUp | null => {
  const pause = nextPause(now, settings, state, env);
  const check = settings.enabled && state.returnCheckAt !== null ? Math.max(now, state.returnCheckAt) : null;
  if (check !== null && (pause.kind === 'none' || check < pause.at)) return { kind: 'return-check', at: check };
  return pause.kind === 'pause' ? { kind: 'pause', at: pause.at } : null;
};
