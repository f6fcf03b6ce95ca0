import { describe, expect, test } from 'vitest';

import type { PauseSettings } from '../../shared/pauses/pause-settings';
import { DEFAULT_PAUSE_SETTINGS } from '../../shared/pauses/pause-settings';
import type { PauseState } from '../../shared/pauses/pause-state';
import { INITIAL_PAUSE_STATE, pauseStateSchema } from '../../shared/pauses/pause-state';
import { zoneClock } from './local-clock';
import { nextPause } from './next-pause';
import { localAt, localText } from './testing/local-time';
import {
  appStarted,
  awayEnded,
  BUSY_FIRST_WAIT_MS,
  clockShifted,
  foundAway,
  foundBusy,
  pauseShown,
  pauseSkipped,
  pauseSnoozed,
  pauseStarted,
  remindersCommand,
  returnChecked,
  settingsChanged,
  untilTomorrow,
} from './transitions';

const berlin = zoneClock('Europe/Berlin');
const env = { clock: berlin };
const at = (text: string): number => localAt(berlin, text);
const MIN = 60_000;

const settings: PauseSettings = {
  ...DEFAULT_PAUSE_SETTINGS,
  enabled: true,
  intervalSeconds: 3600,
  activeDays: [1, 2, 3, 4, 5, 6],
  activeHours: { startMinute: 9 * 60, endMinute: 17 * 60 },
  quietPeriods: [],
  snoozeSeconds: 600,
};

const anchored = (text: string, extra: Partial<PauseState> = {}): PauseState => ({ ...INITIAL_PAUSE_STATE, anchorAt: at(text), ...extra });
const nextText = (now: string, state: PauseState, s: PauseSettings = settings): string => {
  const next = nextPause(at(now), s, state, env);
  return next.kind === 'pause' ? localText(berlin, next.at) : next.reason;
};

describe('answers to a pause', () => {
  test('shown, started, skipped: the next one is an interval from that moment', () => {
    const shown = pauseShown(anchored('2025-03-24 09:00'), at('2025-03-24 10:00'));
    expect(shown.lastShownAt).toBe(at('2025-03-24 10:00'));
    expect(nextText('2025-03-24 10:00', shown)).toBe('2025-03-24 11:00');
    expect(nextText('2025-03-24 10:04', pauseStarted(shown, at('2025-03-24 10:04')))).toBe('2025-03-24 11:04');
    expect(nextText('2025-03-24 10:02', pauseSkipped(shown, at('2025-03-24 10:02')))).toBe('2025-03-24 11:02');
  });

  test('snooze postpones by the snooze length and keeps the anchor', () => {
    const snoozed = pauseSnoozed(anchored('2025-03-24 10:00'), at('2025-03-24 10:00'), settings);
    expect(snoozed).toMatchObject({ postponedUntil: at('2025-03-24 10:10'), postponedBy: 'snooze', anchorAt: at('2025-03-24 10:00') });
  });
});

describe('pause reminders (tray)', () => {
  const base = anchored('2025-03-24 10:00', { postponedUntil: at('2025-03-24 10:10'), postponedBy: 'snooze' });

  test('for 1 hour: nothing before then, then a fresh interval', () => {
    const paused = remindersCommand(base, 'for-1-hour', at('2025-03-24 10:05'), settings, env);
    expect(paused).toMatchObject({ remindersPausedUntil: at('2025-03-24 11:05'), postponedUntil: null });
    expect(nextText('2025-03-24 10:05', paused)).toBe('2025-03-24 12:05');
  });

  test('until tomorrow: the rest of today; tomorrow starts like any day', () => {
    const paused = remindersCommand(base, 'until-tomorrow', at('2025-03-24 10:05'), settings, env);
    expect(paused.remindersPausedUntil).toBe(at('2025-03-25 00:00'));
    expect(nextText('2025-03-24 10:05', paused)).toBe('2025-03-25 10:00');
  });

  test('until tomorrow during a night window that crosses midnight means after that window', () => {
    const nights = {
      ...settings,
      activeDays: [0, 1, 2, 3, 4, 5, 6] as PauseSettings['activeDays'],
      activeHours: { startMinute: 22 * 60, endMinute: 6 * 60 },
    };
    expect(localText(berlin, untilTomorrow(at('2025-03-24 23:00'), nights, env))).toBe('2025-03-25 06:00');
    expect(localText(berlin, untilTomorrow(at('2025-03-25 01:00'), nights, env))).toBe('2025-03-25 06:00');
  });

  test('off until turned on; on starts a fresh interval', () => {
    const off = remindersCommand(base, 'off', at('2025-03-24 10:05'), settings, env);
    expect(nextPause(at('2025-03-24 10:05'), settings, off, env)).toEqual({ kind: 'none', reason: 'reminders-off' });
    const on = remindersCommand(off, 'on', at('2025-03-24 14:20'), settings, env);
    expect(on).toMatchObject({ remindersOff: false, remindersPausedUntil: null });
    expect(nextText('2025-03-24 14:20', on)).toBe('2025-03-24 15:20');
  });
});

describe('away: sleep, lock, idle', () => {
  test('away for an interval or longer: a fresh interval from the return, never a burst', () => {
    const state = anchored('2025-03-24 09:30');
    const back = awayEnded(state, { start: at('2025-03-24 09:50'), end: at('2025-03-24 13:10') }, settings, env);
    expect(nextText('2025-03-24 13:10', back)).toBe('2025-03-24 14:10');
  });

  test('away for less, across a due time: the absence was the pause, the rhythm continues from it', () => {
    const state = anchored('2025-03-24 09:30');
    const back = awayEnded(state, { start: at('2025-03-24 10:20'), end: at('2025-03-24 10:40') }, settings, env);
    expect(back.anchorAt).toBe(at('2025-03-24 10:30'));
    expect(nextText('2025-03-24 10:40', back)).toBe('2025-03-24 11:30');
  });

  test('away for less, with nothing due: nothing changes', () => {
    const state = anchored('2025-03-24 09:30');
    expect(awayEnded(state, { start: at('2025-03-24 09:40'), end: at('2025-03-24 10:00') }, settings, env)).toEqual(state);
  });

  test('found idle at a due time: held, one look at awaySince + interval, then fresh from the return if it was long', () => {
    const found = foundAway(anchored('2025-03-24 09:00'), at('2025-03-24 10:00'), at('2025-03-24 09:50'), settings);
    expect(found).toMatchObject({
      anchorAt: at('2025-03-24 10:00'),
      awaySince: at('2025-03-24 09:50'),
      returnCheckAt: at('2025-03-24 10:50'),
    });

    // Back before the look: a short absence; the rhythm continues from 10:00.
    const short = returnChecked(found, at('2025-03-24 10:50'), settings, 40);
    expect(short).toMatchObject({ awaySince: null, returnCheckAt: null, anchorAt: at('2025-03-24 10:00') });

    // Still away at the look: look again after a quarter of the absence (15 min here).
    const still = returnChecked(found, at('2025-03-24 10:50'), settings, 60 * 60);
    expect(still.returnCheckAt).toBe(at('2025-03-24 11:05'));
    // Back by 11:05 (last input 3 min ago): fresh interval from 11:02.
    const back = returnChecked(still, at('2025-03-24 11:05'), settings, 180);
    expect(back).toMatchObject({ anchorAt: at('2025-03-24 11:02'), awaySince: null, returnCheckAt: null });
  });

  test('the look step is a quarter of the absence, between 5 and 30 minutes', () => {
    const found = foundAway(anchored('2025-03-24 09:00'), at('2025-03-24 12:00'), at('2025-03-24 09:00'), settings);
    expect(found.returnCheckAt).toBe(at('2025-03-24 12:30'));
  });
});

describe('do-not-disturb and full-screen', () => {
  test('held with a doubling wait, then let go while keeping the rhythm', () => {
    let state = anchored('2025-03-24 09:00');
    const looks: string[] = [];
    let now = at('2025-03-24 10:00');
    for (let i = 0; i < 6; i += 1) {
      state = foundBusy(state, now, settings, 'full-screen');
      if (state.postponedUntil === null) break;
      looks.push(localText(berlin, state.postponedUntil));
      now = state.postponedUntil;
    }
    expect(BUSY_FIRST_WAIT_MS).toBe(5 * MIN);
    expect(looks).toEqual(['2025-03-24 10:05', '2025-03-24 10:10', '2025-03-24 10:20', '2025-03-24 10:40']);
    expect(state).toMatchObject({ anchorAt: at('2025-03-24 10:00'), busySince: null, postponedUntil: null });
    expect(nextText('2025-03-24 10:40', state)).toBe('2025-03-24 11:00');
  });
});

describe('clock and start-up', () => {
  test('a clock set back shifts remembered instants, so intervals keep their real length', () => {
    const state = anchored('2025-03-24 10:00', {
      lastShownAt: at('2025-03-24 10:00'),
      postponedUntil: at('2025-03-24 10:10'),
      postponedBy: 'snooze',
    });
    const shifted = clockShifted(state, -60 * MIN);
    expect(shifted).toMatchObject({
      anchorAt: at('2025-03-24 09:00'),
      lastShownAt: at('2025-03-24 09:00'),
      postponedUntil: at('2025-03-24 09:10'),
    });
  });

  test('start-up: nothing owed for the time the app was closed; future instants are pulled back', () => {
    const stale = anchored('2025-03-21 15:00', {
      postponedUntil: at('2025-03-21 15:10'),
      postponedBy: 'snooze',
      remindersPausedUntil: at('2025-03-21 16:00'),
    });
    const started = appStarted(stale, at('2025-03-24 09:30'), settings);
    expect(started).toMatchObject({ anchorAt: at('2025-03-24 09:30'), postponedUntil: null, remindersPausedUntil: null });
    expect(nextText('2025-03-24 09:30', started)).toBe('2025-03-24 10:30');

    const future = appStarted(anchored('2025-03-24 12:00', { lastShownAt: at('2025-03-24 12:00') }), at('2025-03-24 10:00'), settings);
    expect(future).toMatchObject({ anchorAt: at('2025-03-24 10:00'), lastShownAt: at('2025-03-24 10:00') });

    const recent = anchored('2025-03-24 09:40');
    expect(appStarted(recent, at('2025-03-24 10:00'), settings)).toEqual(recent);
  });

  test('settings: turning pauses on starts fresh and clears a tray pause; a shorter interval never makes one due at once', () => {
    const off = { ...settings, enabled: false };
    const state = anchored('2025-03-20 10:00', { remindersOff: true });
    expect(settingsChanged(state, off, settings, at('2025-03-24 10:00'))).toMatchObject({
      anchorAt: at('2025-03-24 10:00'),
      remindersOff: false,
    });
    const running = anchored('2025-03-24 10:00');
    const shorter = { ...settings, intervalSeconds: 20 * 60 };
    expect(settingsChanged(running, settings, shorter, at('2025-03-24 10:45')).anchorAt).toBe(at('2025-03-24 10:45'));
    expect(settingsChanged(running, settings, shorter, at('2025-03-24 10:10'))).toBe(running);
  });

  test('every transition keeps the state valid against its schema', () => {
    const now = at('2025-03-24 10:00');
    const states = [
      pauseShown(INITIAL_PAUSE_STATE, now),
      pauseSnoozed(INITIAL_PAUSE_STATE, now, settings),
      foundAway(INITIAL_PAUSE_STATE, now, now - 10 * MIN, settings),
      foundBusy(INITIAL_PAUSE_STATE, now, settings, 'do-not-disturb'),
      remindersCommand(INITIAL_PAUSE_STATE, 'until-tomorrow', now, settings, env),
      clockShifted(pauseShown(INITIAL_PAUSE_STATE, now), -3_600_000),
    ];
    for (const state of states) expect(pauseStateSchema.safeParse(state).success).toBe(true);
  });
});
