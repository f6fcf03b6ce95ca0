import { describe, expect, test } from 'vitest';

import type { PauseSettings } from '../../shared/pauses/pause-settings';
import { DEFAULT_PAUSE_SETTINGS } from '../../shared/pauses/pause-settings';
import type { PauseState } from '../../shared/pauses/pause-state';
import { INITIAL_PAUSE_STATE } from '../../shared/pauses/pause-state';
import type { LocalClock } from './local-clock';
import { zoneClock } from './local-clock';
import { MIN_GAP_MS, nextPause, nextWakeUp } from './next-pause';
import { localAt, localText } from './testing/local-time';
import { pauseShown } from './transitions';

const berlin = zoneClock('Europe/Berlin');
const newYork = zoneClock('America/New_York');
const MIN = 60_000;

const workday: PauseSettings = {
  ...DEFAULT_PAUSE_SETTINGS,
  enabled: true,
  intervalSeconds: 3600,
  activeDays: [1, 2, 3, 4, 5],
  activeHours: { startMinute: 9 * 60, endMinute: 17 * 60 },
  quietPeriods: [{ startMinute: 12 * 60, endMinute: 13 * 60 }],
};

const anchored = (at: number, extra: Partial<PauseState> = {}): PauseState => ({ ...INITIAL_PAUSE_STATE, anchorAt: at, ...extra });

/** Offer every pause the moment it comes, `count` times, and list them as local times. */
const chain = (clock: LocalClock, settings: PauseSettings, from: string, count: number): string[] => {
  let now = localAt(clock, from);
  let state = anchored(now);
  const seen: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const next = nextPause(now, settings, state, { clock });
    if (next.kind !== 'pause') break;
    now = next.at;
    state = pauseShown(state, now);
    seen.push(localText(clock, now));
  }
  return seen;
};

const at = (text: string): number => localAt(berlin, text);
const plan = (now: string, state: PauseState, settings: PauseSettings = workday) => nextPause(at(now), settings, state, { clock: berlin });

describe('nextPause: when nothing is planned, it says why', () => {
  test('off by default, off from the tray, no active days', () => {
    const state = anchored(at('2025-03-24 09:00'));
    expect(plan('2025-03-24 09:00', state, DEFAULT_PAUSE_SETTINGS)).toEqual({ kind: 'none', reason: 'disabled' });
    expect(plan('2025-03-24 09:00', { ...state, remindersOff: true })).toEqual({ kind: 'none', reason: 'reminders-off' });
    expect(plan('2025-03-24 09:00', state, { ...workday, activeDays: [] })).toEqual({ kind: 'none', reason: 'no-active-time' });
  });

  test('active hours shorter than the interval leave no room for a pause', () => {
    const short = { ...workday, intervalSeconds: 4 * 3600, activeHours: { startMinute: 9 * 60, endMinute: 12 * 60 } };
    expect(plan('2025-03-24 08:00', anchored(at('2025-03-24 08:00')), short)).toEqual({ kind: 'none', reason: 'no-active-time' });
  });
});

describe('nextPause: a working week', () => {
  test('hourly inside 09:00–17:00, the lunch quiet period pushes 12:00 to 13:00, weekends skipped', () => {
    expect(chain(berlin, workday, '2025-03-28 08:00', 8)).toEqual([
      '2025-03-28 10:00',
      '2025-03-28 11:00',
      '2025-03-28 13:00',
      '2025-03-28 14:00',
      '2025-03-28 15:00',
      '2025-03-28 16:00',
      // Friday → Monday, across the spring DST change: still 10:00 local.
      '2025-03-31 10:00',
      '2025-03-31 11:00',
    ]);
  });

  test('the first pause of a day is one interval after the hours begin, not a leftover from last evening', () => {
    const next = plan('2025-03-25 07:00', anchored(at('2025-03-24 16:30')));
    expect(next).toEqual({ kind: 'pause', at: at('2025-03-25 10:00'), cause: 'interval' });
  });

  test('overdue means now, never earlier', () => {
    expect(plan('2025-03-24 10:20', anchored(at('2025-03-24 09:10')))).toEqual({
      kind: 'pause',
      at: at('2025-03-24 10:20'),
      cause: 'interval',
    });
  });

  test('an all-day, every-day window does not restart at midnight', () => {
    const always = {
      ...workday,
      activeDays: [0, 1, 2, 3, 4, 5, 6] as PauseSettings['activeDays'],
      activeHours: { startMinute: 0, endMinute: 1440 },
      quietPeriods: [],
    };
    expect(plan('2025-03-24 23:40', anchored(at('2025-03-24 23:30')), always)).toEqual({
      kind: 'pause',
      at: at('2025-03-25 00:30'),
      cause: 'interval',
    });
  });

  test('asked again just after midnight (the due check), an all-day window still does not restart', () => {
    const always = {
      ...workday,
      activeDays: [0, 1, 2, 3, 4, 5, 6] as PauseSettings['activeDays'],
      activeHours: { startMinute: 0, endMinute: 1440 },
      quietPeriods: [],
    };
    // Planned from the evening for 00:30, and the same answer at 00:10 and at 00:30 itself.
    const state = anchored(at('2025-03-24 23:30'));
    expect(plan('2025-03-25 00:10', state, always)).toEqual({ kind: 'pause', at: at('2025-03-25 00:30'), cause: 'interval' });
    expect(plan('2025-03-25 00:30', state, always)).toEqual({ kind: 'pause', at: at('2025-03-25 00:30'), cause: 'interval' });
    // A pause due at midnight exactly is due when the timer fires a moment later, not an hour after midnight.
    const atMidnight = anchored(at('2025-03-24 23:00'));
    const aMomentAfter = at('2025-03-25 00:00') + 8_000;
    expect(nextPause(aMomentAfter, always, atMidnight, { clock: berlin })).toEqual({ kind: 'pause', at: aMomentAfter, cause: 'interval' });
  });
});

describe('nextPause: nights that cross midnight and DST', () => {
  const nights: PauseSettings = {
    ...workday,
    activeDays: [0, 1, 2, 3, 4, 5, 6],
    activeHours: { startMinute: 22 * 60, endMinute: 6 * 60 },
    quietPeriods: [],
  };

  test('Berlin, spring forward: 02:00 does not exist, pauses stay one real hour apart', () => {
    expect(chain(berlin, nights, '2025-03-29 21:00', 7)).toEqual([
      '2025-03-29 23:00',
      '2025-03-30 00:00',
      '2025-03-30 01:00',
      '2025-03-30 03:00',
      '2025-03-30 04:00',
      '2025-03-30 05:00',
      '2025-03-30 23:00',
    ]);
  });

  test('New York, fall back: 01:00 happens twice, and each gets its pause', () => {
    const seen = chain(newYork, nights, '2025-11-01 21:00', 9);
    expect(seen).toEqual([
      '2025-11-01 23:00',
      '2025-11-02 00:00',
      '2025-11-02 01:00',
      '2025-11-02 01:00',
      '2025-11-02 02:00',
      '2025-11-02 03:00',
      '2025-11-02 04:00',
      '2025-11-02 05:00',
      '2025-11-02 23:00',
    ]);
  });

  test('a quiet period that crosses midnight holds pauses until it ends', () => {
    const quietNight = { ...nights, quietPeriods: [{ startMinute: 23 * 60 + 30, endMinute: 90 }] };
    expect(chain(berlin, quietNight, '2025-03-24 21:00', 3)).toEqual(['2025-03-24 23:00', '2025-03-25 01:30', '2025-03-25 02:30']);
  });
});

describe('nextPause: postponed pauses and quiet periods', () => {
  test('a snooze inside active hours comes at its time, before the regular one', () => {
    const state = anchored(at('2025-03-24 10:00'), { postponedUntil: at('2025-03-24 10:10'), postponedBy: 'snooze' });
    expect(plan('2025-03-24 10:00', state)).toEqual({ kind: 'pause', at: at('2025-03-24 10:10'), cause: 'snooze' });
  });

  test('a snooze past the end of the day is dropped; tomorrow starts fresh', () => {
    const state = anchored(at('2025-03-24 16:55'), {
      postponedUntil: at('2025-03-24 17:05'),
      postponedBy: 'snooze',
      lastShownAt: at('2025-03-24 16:55'),
    });
    expect(plan('2025-03-24 16:55', state)).toEqual({ kind: 'pause', at: at('2025-03-25 10:00'), cause: 'interval' });
  });

  test('a snooze into a quiet period waits for its end', () => {
    const state = anchored(at('2025-03-24 11:00'), { postponedUntil: at('2025-03-24 12:05'), postponedBy: 'snooze' });
    expect(plan('2025-03-24 11:55', state)).toEqual({ kind: 'pause', at: at('2025-03-24 13:00'), cause: 'snooze' });
  });

  test('back-to-back quiet periods are left together', () => {
    const settings = {
      ...workday,
      quietPeriods: [
        { startMinute: 12 * 60, endMinute: 13 * 60 },
        { startMinute: 13 * 60, endMinute: 13 * 60 + 30 },
      ],
    };
    expect(plan('2025-03-24 11:00', anchored(at('2025-03-24 11:00')), settings)).toEqual({
      kind: 'pause',
      at: at('2025-03-24 13:30'),
      cause: 'interval',
    });
  });

  test('"pause reminders" acts as a fresh start at its end', () => {
    const state = anchored(at('2025-03-24 10:00'), { remindersPausedUntil: at('2025-03-24 11:30') });
    expect(plan('2025-03-24 10:30', state)).toEqual({ kind: 'pause', at: at('2025-03-24 13:00'), cause: 'interval' });
    const late = anchored(at('2025-03-24 10:00'), { remindersPausedUntil: at('2025-03-24 14:30') });
    expect(plan('2025-03-24 10:30', late)).toEqual({ kind: 'pause', at: at('2025-03-24 15:30'), cause: 'interval' });
  });

  test('never sooner than MIN_GAP_MS after the last offered pause, whatever the state says', () => {
    const state = anchored(at('2025-03-24 10:00'), {
      lastShownAt: at('2025-03-24 10:00'),
      postponedUntil: at('2025-03-24 10:01'),
      postponedBy: 'snooze',
    });
    const next = plan('2025-03-24 10:01', state);
    expect(next).toEqual({ kind: 'pause', at: at('2025-03-24 10:00') + MIN_GAP_MS, cause: 'snooze' });
  });
});

describe('nextWakeUp', () => {
  test('a return check before the next pause wakes the driver first', () => {
    const state = anchored(at('2025-03-24 10:00'), { awaySince: at('2025-03-24 09:50'), returnCheckAt: at('2025-03-24 10:50') });
    expect(nextWakeUp(at('2025-03-24 10:00'), workday, state, { clock: berlin })).toEqual({
      kind: 'return-check',
      at: at('2025-03-24 10:50'),
    });
    expect(nextWakeUp(at('2025-03-24 10:00'), workday, { ...state, returnCheckAt: null }, { clock: berlin })).toEqual({
      kind: 'pause',
      at: at('2025-03-24 11:00'),
    });
    expect(nextWakeUp(at('2025-03-24 10:00'), DEFAULT_PAUSE_SETTINGS, state, { clock: berlin })).toBeNull();
  });

  test('intervals are real time: 45 minutes after 01:30 on the spring night is 03:15', () => {
    const nights = {
      ...workday,
      intervalSeconds: 45 * 60,
      activeDays: [0] as PauseSettings['activeDays'],
      activeHours: { startMinute: 0, endMinute: 6 * 60 },
      quietPeriods: [],
    };
    const next = plan('2025-03-30 01:30', anchored(at('2025-03-30 01:30')), nights);
    expect(next.kind === 'pause' && localText(berlin, next.at)).toBe('2025-03-30 03:15');
    expect(next.kind === 'pause' && next.at - at('2025-03-30 01:30')).toBe(45 * MIN);
  });
});
