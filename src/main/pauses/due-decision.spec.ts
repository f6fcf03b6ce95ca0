import { describe, expect, test } from 'vitest';

import type { PauseSettings } from '../../shared/pauses/pause-settings';
import { DEFAULT_PAUSE_SETTINGS } from '../../shared/pauses/pause-settings';
import type { PauseState } from '../../shared/pauses/pause-state';
import { INITIAL_PAUSE_STATE } from '../../shared/pauses/pause-state';
import type { Observations } from './due-decision';
import { decideAtDue } from './due-decision';
import { zoneClock } from './local-clock';
import { localAt } from './testing/local-time';

const berlin = zoneClock('Europe/Berlin');
const env = { clock: berlin };
const at = (text: string): number => localAt(berlin, text);

const settings: PauseSettings = { ...DEFAULT_PAUSE_SETTINGS, enabled: true, intervalSeconds: 3600 };
const state: PauseState = { ...INITIAL_PAUSE_STATE, anchorAt: at('2025-03-24 09:00') };
const clear: Observations = { awayFromEventsSince: null, idleSeconds: 3, doNotDisturb: 'no', fullScreen: 'no' };
const due = at('2025-03-24 10:00');

describe('decideAtDue', () => {
  test('present and free: show, and the next one is an interval away', () => {
    const decision = decideAtDue(due, settings, state, env, clear);
    expect(decision).toMatchObject({ action: 'show', state: { lastShownAt: due, anchorAt: due } });
  });

  test('woken early (zone changed, clock moved): hold as not due, state untouched', () => {
    expect(decideAtDue(due - 10 * 60_000, settings, state, env, clear)).toEqual({ action: 'hold', why: 'not-due', state });
  });

  test('locked or asleep by events: the absence is the pause', () => {
    const decision = decideAtDue(due, settings, state, env, { ...clear, awayFromEventsSince: due - 20 * 60_000 });
    expect(decision).toMatchObject({ action: 'hold', why: 'away', state: { anchorAt: due, returnCheckAt: null } });
  });

  test('idle five minutes or more: away, with one return check planned', () => {
    const decision = decideAtDue(due, settings, state, env, { ...clear, idleSeconds: 300 });
    expect(decision).toMatchObject({
      action: 'hold',
      why: 'away',
      state: { anchorAt: due, awaySince: due - 300_000, returnCheckAt: due - 300_000 + 3_600_000 },
    });
    expect(decideAtDue(due, settings, state, env, { ...clear, idleSeconds: 299 }).action).toBe('show');
  });

  test('do-not-disturb, then full-screen: held back for five minutes; unknown never holds', () => {
    expect(decideAtDue(due, settings, state, env, { ...clear, doNotDisturb: 'yes' })).toMatchObject({
      action: 'hold',
      why: 'do-not-disturb',
      state: { postponedUntil: due + 300_000, postponedBy: 'do-not-disturb', busySince: due },
    });
    expect(decideAtDue(due, settings, state, env, { ...clear, fullScreen: 'yes' })).toMatchObject({
      why: 'full-screen',
      state: { postponedBy: 'full-screen' },
    });
    expect(
      decideAtDue(due, settings, state, env, {
        awayFromEventsSince: null,
        idleSeconds: null,
        doNotDisturb: 'unknown',
        fullScreen: 'unknown',
      }).action,
    ).toBe('show');
  });

  test('present again after a short absence the return check has not seen yet: shown, absence forgotten', () => {
    const wasAway = { ...state, awaySince: due - 40 * 60_000, awayConfirmedAt: due - 30 * 60_000, returnCheckAt: due + 600_000 };
    expect(decideAtDue(due, settings, wasAway, env, clear)).toMatchObject({
      action: 'show',
      state: { awaySince: null, returnCheckAt: null },
    });
  });

  test('present again after a long absence the return check has not seen yet: fresh interval, this one waits', () => {
    const wasAway = { ...state, awaySince: due - 90 * 60_000, awayConfirmedAt: due - 20 * 60_000, returnCheckAt: due + 600_000 };
    expect(decideAtDue(due, settings, wasAway, env, clear)).toMatchObject({
      action: 'hold',
      why: 'away',
      state: { anchorAt: due - 3000, awaySince: null, returnCheckAt: null },
    });
  });
});
