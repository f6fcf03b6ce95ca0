import type { PauseSettings } from '../../shared/pauses/pause-settings';
import type { PauseRemindersCommand, PauseState, PostponeReason } from '../../shared/pauses/pause-state';
import { addDays, epochOfLocal, localMomentOf } from './local-clock';
import { activeWindows, type Span } from './local-spans';
import type { PauseEnv } from './next-pause';
import { nextPause } from './next-pause';

/**
 * Every change to the scheduler's state, as pure functions of (state, time,
 * settings). The driver calls them; tests call them directly. None of them can
 * make a pause come sooner than `nextPause`'s floor allows, so a burst is
 * impossible by construction rather than by care.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/**
 * No input for this long at the moment a pause is due counts as "away": a
 * notification to an empty chair is only a stale surprise later. Five minutes
 * is long enough that reading or listening is not mistaken for absence.
 */
export const IDLE_AWAY_MS = 5 * 60_000;
/** Do-not-disturb / full-screen: look again after 5 min, then 5, 10, 20 … (doubling). */
export const BUSY_FIRST_WAIT_MS = 5 * 60_000;

const intervalMs = (settings: PauseSettings): number => settings.intervalSeconds * 1000;

const withoutPostponement = (state: PauseState): PauseState => ({ ...state, postponedUntil: null, postponedBy: null, busySince: null });

/** Start counting a new interval at `at`; nothing held back carries over. */
export const freshInterval = (state: PauseState, at: number): PauseState => ({
  ...withoutPostponement(state),
  anchorAt: at,
  awaySince: null,
  awayConfirmedAt: null,
  returnCheckAt: null,
});

const clampToNow = (value: number | null, now: number): number | null => (value !== null && value > now ? now : value);

/**
 * At start-up. A pause missed while Attune was not running is not owed: if the
 * interval already ran out, start fresh (nothing pops up at login). Instants in
 * the future mean the clock was set back while the app was closed.
 */
export const appStarted = (state: PauseState, now: number, settings: PauseSettings): PauseState => {
  const next: PauseState = {
    ...state,
    anchorAt: clampToNow(state.anchorAt, now),
    lastShownAt: clampToNow(state.lastShownAt, now),
    busySince: clampToNow(state.busySince, now),
    // Whoever was away before a restart is here now.
    awaySince: null,
    awayConfirmedAt: null,
    returnCheckAt: null,
    remindersPausedUntil: state.remindersPausedUntil !== null && state.remindersPausedUntil <= now ? null : state.remindersPausedUntil,
  };
  const postponed = next.postponedUntil !== null && next.postponedUntil > now ? next : withoutPostponement(next);
  if (postponed.anchorAt === null || postponed.anchorAt + intervalMs(settings) <= now) return freshInterval(postponed, now);
  return postponed;
};

/** Settings saved. Turning pauses on starts a fresh interval and clears any tray pause. */
export const settingsChanged = (state: PauseState, previous: PauseSettings, next: PauseSettings, now: number): PauseState => {
  if (!next.enabled) return state;
  if (!previous.enabled) return { ...freshInterval(state, now), remindersOff: false, remindersPausedUntil: null };
  // A shorter interval must not make a pause due this instant.
  if (state.anchorAt !== null && state.anchorAt + intervalMs(next) <= now) return { ...state, anchorAt: now };
  return state;
};

/** A pause notification was offered. The next one is an interval away unless the person answers. */
export const pauseShown = (state: PauseState, now: number): PauseState => ({ ...freshInterval(state, now), lastShownAt: now });

/** The person started a pause (from the notification, the tray, or "A short pause now?"). */
export const pauseStarted = (state: PauseState, now: number): PauseState => freshInterval(state, now);

/** "Skip", or the notification closed by the person: not now, no questions. */
export const pauseSkipped = (state: PauseState, now: number): PauseState => freshInterval(state, now);

export const pauseSnoozed = (state: PauseState, now: number, settings: PauseSettings): PauseState => ({
  ...state,
  postponedUntil: now + settings.snoozeSeconds * 1000,
  postponedBy: 'snooze',
  busySince: null,
});

/**
 * "Until tomorrow": the rest of today. Inside active hours that began today
 * (or last evening, for a night window that crosses midnight), "today" is that
 * window's day and the window is let run out — a night shift says "tomorrow"
 * meaning after sleep. Merged all-day windows have no such end; midnight it is.
 */
export const untilTomorrow = (now: number, settings: PauseSettings, env: PauseEnv): number => {
  const first = activeWindows(now, settings, env.clock).next();
  const window = first.done === true ? undefined : first.value;
  const current = window !== undefined && window.start <= now && window.end - window.start <= DAY_MS ? window : undefined;
  const day = localMomentOf(current?.start ?? now, env.clock).date;
  const midnight = epochOfLocal(addDays(day, 1), 0, env.clock);
  return Math.max(midnight, current?.end ?? midnight);
};

export const remindersCommand = (
  state: PauseState,
  command: PauseRemindersCommand,
  now: number,
  settings: PauseSettings,
  env: PauseEnv,
): PauseState => {
  switch (command) {
    case 'for-1-hour':
      return { ...withoutPostponement(state), remindersOff: false, remindersPausedUntil: now + HOUR_MS };
    case 'until-tomorrow':
      return { ...withoutPostponement(state), remindersOff: false, remindersPausedUntil: untilTomorrow(now, settings, env) };
    case 'off':
      return { ...withoutPostponement(state), remindersOff: true, remindersPausedUntil: null };
    case 'on':
      return { ...freshInterval(state, now), remindersOff: false, remindersPausedUntil: null };
  }
};

/**
 * The person was away (asleep, locked, idle) from `away.start` to `away.end`.
 * Away for a whole interval or longer: start fresh from their return — never
 * a burst of what was "missed". Shorter, but a pause came due meanwhile: the
 * time away was the pause, so the rhythm continues from that due time and
 * nothing pops up the moment they come back.
 */
export const awayEnded = (state: PauseState, away: Span, settings: PauseSettings, env: PauseEnv): PauseState => {
  if (away.end - away.start >= intervalMs(settings)) return freshInterval(state, away.end);
  const cleared = { ...state, awaySince: null, awayConfirmedAt: null, returnCheckAt: null };
  const due = nextPause(away.start, settings, cleared, env);
  if (due.kind === 'pause' && due.at < away.end) return freshInterval(cleared, due.at);
  return cleared;
};

/** Between looks for someone's return: a quarter of the absence so far, 5 to 30 minutes. */
export const returnCheckStep = (awayForMs: number): number => Math.min(30 * 60_000, Math.max(5 * 60_000, awayForMs / 4));

/**
 * A pause came due while the person was away (no input for a while): not
 * shown; the absence counts as the pause, so the rhythm continues from now.
 * One look at `awaySince + interval` then tells a short absence (they are
 * back: carry on) from a long one (still away: keep looking, and start a
 * fresh interval when they return) — without a poll while they work.
 */
export const foundAway = (state: PauseState, now: number, since: number, settings: PauseSettings): PauseState => {
  const awaySince = Math.min(state.awaySince ?? since, since, now);
  return {
    ...freshInterval(state, now),
    awaySince,
    awayConfirmedAt: now,
    returnCheckAt: Math.max(awaySince + intervalMs(settings), now + returnCheckStep(now - awaySince)),
  };
};

/**
 * The look for someone's return. Still idle: note it and look again later.
 * Back: if they were seen away through a whole interval, the fresh interval
 * starts at their return (their last input is the best estimate, at most one
 * step late — which only makes the next pause a little later, never sooner).
 * Otherwise the absence was short and the rhythm simply continues.
 */
export const returnChecked = (state: PauseState, now: number, settings: PauseSettings, idleSeconds: number | null): PauseState => {
  const since = state.awaySince;
  if (since === null) return { ...state, awayConfirmedAt: null, returnCheckAt: null };
  if (idleSeconds !== null && idleSeconds * 1000 >= IDLE_AWAY_MS) {
    return { ...state, awayConfirmedAt: now, returnCheckAt: Math.max(since + intervalMs(settings), now + returnCheckStep(now - since)) };
  }
  const wasLong = (state.awayConfirmedAt ?? since) - since >= intervalMs(settings);
  const back = { ...state, awaySince: null, awayConfirmedAt: null, returnCheckAt: null };
  return wasLong ? freshInterval(back, Math.max(now - (idleSeconds ?? 0) * 1000, state.awayConfirmedAt ?? since)) : back;
};

/**
 * Do-not-disturb or a full-screen app held a due pause back. Look again after
 * a doubling wait; once the waiting would reach a whole interval, let this one
 * go and keep the rhythm from when it was first due.
 */
export const foundBusy = (state: PauseState, now: number, settings: PauseSettings, reason: PostponeReason): PauseState => {
  const since = state.busySince ?? now;
  const wait = Math.max(BUSY_FIRST_WAIT_MS, now - since);
  if (now + wait >= since + intervalMs(settings)) {
    return freshInterval(state, since + intervalMs(settings) > now ? since : now);
  }
  return { ...state, busySince: since, postponedUntil: now + wait, postponedBy: reason };
};

/**
 * The wall clock was set back by `deltaMs` (negative). Shift every remembered
 * instant with it, so "an interval after the last pause" still means the same
 * amount of real time instead of an extra hour.
 */
export const clockShifted = (state: PauseState, deltaMs: number): PauseState => {
  const shift = (value: number | null): number | null => (value === null ? null : Math.max(0, value + deltaMs));
  return {
    ...state,
    anchorAt: shift(state.anchorAt),
    lastShownAt: shift(state.lastShownAt),
    postponedUntil: shift(state.postponedUntil),
    busySince: shift(state.busySince),
    awaySince: shift(state.awaySince),
    awayConfirmedAt: shift(state.awayConfirmedAt),
    returnCheckAt: shift(state.returnCheckAt),
    remindersPausedUntil: shift(state.remindersPausedUntil),
  };
};
