import type { PauseSettings } from '../../shared/pauses/pause-settings';
import type { PauseState } from '../../shared/pauses/pause-state';
import type { PauseEnv } from './next-pause';
import { nextPause } from './next-pause';
import { foundAway, foundBusy, freshInterval, IDLE_AWAY_MS, pauseShown, returnChecked } from './transitions';

/** What the platform can tell. 'unknown' never holds a pause back. */
export type Tristate = 'yes' | 'no' | 'unknown';

/** What the driver saw at the moment a pause came due. */
export interface Observations {
  /** Start of an away period reported by power events (locked, asleep, idle), or null. */
  readonly awayFromEventsSince: number | null;
  /** Seconds without keyboard/mouse input, or null where the platform cannot tell. */
  readonly idleSeconds: number | null;
  readonly doNotDisturb: Tristate;
  readonly fullScreen: Tristate;
}

export type HoldReason = 'not-due' | 'away' | 'do-not-disturb' | 'full-screen';

export type DueDecision = { action: 'show'; state: PauseState } | { action: 'hold'; why: HoldReason; state: PauseState };

/** How early a wake-up may be and still count as "due" (wall and timer clocks drift apart a little). */
export const DUE_TOLERANCE_MS = 2_000;

/**
 * The one decision taken when the timer fires: offer the pause, or hold it and
 * say why. Pure: the driver gathers the observations, this decides.
 */
export const decideAtDue = (now: number, settings: PauseSettings, state: PauseState, env: PauseEnv, seen: Observations): DueDecision => {
  const next = nextPause(now, settings, state, env);
  // Woken for nothing (the timezone changed, the clock moved): the caller re-plans.
  if (next.kind === 'none' || next.at > now + DUE_TOLERANCE_MS) return { action: 'hold', why: 'not-due', state };

  // Locked or asleep by the platform's own events: the absence is the pause. Its end
  // arrives as an event too (see awayEnded), so no return check is needed.
  if (seen.awayFromEventsSince !== null) return { action: 'hold', why: 'away', state: freshInterval(state, now) };
  if (seen.idleSeconds !== null && seen.idleSeconds * 1000 >= IDLE_AWAY_MS) {
    return { action: 'hold', why: 'away', state: foundAway(state, now, now - seen.idleSeconds * 1000, settings) };
  }
  let current = state;
  if (current.awaySince !== null) {
    // Present again before the return check saw it: settle the absence now. If it
    // was a whole interval, the fresh interval starts here and this pause waits.
    current = returnChecked(current, now, settings, seen.idleSeconds);
    const after = nextPause(now, settings, current, env);
    if (after.kind === 'none' || after.at > now + DUE_TOLERANCE_MS) return { action: 'hold', why: 'away', state: current };
  }
  if (seen.doNotDisturb === 'yes')
    return { action: 'hold', why: 'do-not-disturb', state: foundBusy(current, now, settings, 'do-not-disturb') };
  if (seen.fullScreen === 'yes') return { action: 'hold', why: 'full-screen', state: foundBusy(current, now, settings, 'full-screen') };
  return { action: 'show', state: pauseShown(current, now) };
};
