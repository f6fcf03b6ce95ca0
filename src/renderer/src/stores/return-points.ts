import type { Screen } from './checkin-flow.svelte';

/**
 * Where the check-in goes back to after help and after an unlock. Pure, so
 * every order of "open help", "lock", "unlock", "Back" can be tried in a test.
 */
export interface ReturnPoints {
  /** Where "Back" from help leads. */
  readonly beforeHelp: Screen;
  /** Where an unlock resumes. */
  readonly beforeLock: Screen;
}

export const START: ReturnPoints = { beforeHelp: 'now', beforeLock: 'now' };

/** A finished check-in is not returned to: the next one starts fresh. */
const resumable = (screen: Screen): Screen => (screen === 'saved' || screen === 'nothing' ? 'now' : screen);

/** Help is opened from `screen`. */
export const helpOpened = (points: ReturnPoints, screen: Screen): ReturnPoints =>
  screen === 'help' ? points : { ...points, beforeHelp: screen };

/** A check-in that has been saved (or had nothing to save) is over. */
const finished = (screen: Screen): boolean => screen === 'saved' || screen === 'nothing';

/**
 * Attune locks while `screen` shows. Someone reading crisis lines is not
 * interrupted: help stays, and its Back leads to the lock screen instead.
 * `forget`: the check-in on screen was already finished, so its answers go
 * now — the unlock starts a fresh one, never one pre-filled with the last.
 */
export const locked = (points: ReturnPoints, screen: Screen): { points: ReturnPoints; show: Screen; forget: boolean } => {
  if (screen === 'help') {
    const beforeLock = points.beforeHelp === 'locked' ? points.beforeLock : resumable(points.beforeHelp);
    return { points: { beforeHelp: 'locked', beforeLock }, show: 'help', forget: finished(points.beforeHelp) };
  }
  if (screen === 'locked') return { points, show: 'locked', forget: false };
  return { points: { ...points, beforeLock: resumable(screen) }, show: 'locked', forget: finished(screen) };
};

/** After an unlock: a save that was waiting returns to its last screen; a question starts over. */
export const resumeAfterUnlock = (points: ReturnPoints): Screen =>
  points.beforeLock === 'vault' ? 'step' : points.beforeLock === 'follow-up' ? 'now' : points.beforeLock;

/**
 * Closing (Esc, Close) lets a draft go, unless it holds words the person typed
 * and has not saved yet: those are kept for the next open, as after a blur.
 * Behind help or the lock screen, what counts is the screen they came from.
 */
export const closeKeepsDraft = (points: ReturnPoints, screen: Screen, typedWords: boolean): boolean => {
  if (!typedWords) return false;
  let where = screen === 'help' ? points.beforeHelp : screen;
  if (where === 'locked') where = points.beforeLock;
  return !finished(where) && where !== 'recovery-key';
};
