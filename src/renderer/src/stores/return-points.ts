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

/**
 * Attune locks while `screen` shows. Someone reading crisis lines is not
 * interrupted: help stays, and its Back leads to the lock screen instead.
 */
export const locked = (points: ReturnPoints, screen: Screen): { points: ReturnPoints; show: Screen } => {
  if (screen === 'help') {
    const beforeLock = points.beforeHelp === 'locked' ? points.beforeLock : resumable(points.beforeHelp);
    return { points: { beforeHelp: 'locked', beforeLock }, show: 'help' };
  }
  if (screen === 'locked') return { points, show: 'locked' };
  return { points: { ...points, beforeLock: resumable(screen) }, show: 'locked' };
};

/** After an unlock: a save that was waiting returns to its last screen; a question starts over. */
export const resumeAfterUnlock = (points: ReturnPoints): Screen =>
  points.beforeLock === 'vault' ? 'step' : points.beforeLock === 'follow-up' ? 'now' : points.beforeLock;
