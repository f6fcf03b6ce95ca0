import { describe, expect, test } from 'vitest';

import type { PauseSettings } from '../../shared/pauses/pause-settings';
import { DEFAULT_PAUSE_SETTINGS } from '../../shared/pauses/pause-settings';
import type { PauseRemindersCommand } from '../../shared/pauses/pause-state';
import { INITIAL_PAUSE_STATE } from '../../shared/pauses/pause-state';
import type { PauseResponse } from '../notify/notifier';
import { MIN_GAP_MS } from './next-pause';
import { PauseDriver } from './pause-driver';
import { FakeAttention, FakeNotifier, FakePowerEvents, SwitchableClock } from './testing/fakes';
import { localAt, localText } from './testing/local-time';
import { SimClock } from './testing/sim-clock';

/**
 * Two simulated weeks, each driven through the real PauseDriver and the real
 * scheduler on a simulated machine (wall + monotonic clocks, sleep, clock
 * changes, timezone changes). Only the Electron boundary is faked: power
 * events, attention, the notification. Every pause is asserted to the minute,
 * in the local time of wherever the person is.
 */

interface World {
  readonly clock: SimClock;
  readonly zone: SwitchableClock;
  readonly power: FakePowerEvents;
  readonly attention: FakeAttention;
  readonly notifier: FakeNotifier;
  readonly driver: PauseDriver;
  /** Local label of each offered pause: "Berlin 2025-03-24 10:00 +1". */
  readonly shows: string[];
  /** Real time (awake or asleep, whatever the wall clock says) of each offered pause, for the no-burst check. */
  readonly showInstants: number[];
  /** How the person answers a pause offered at a given local time (default: starts it). */
  readonly answers: Map<string, PauseResponse | 'none'>;
}

type Action = (world: World) => void | Promise<void>;

const label = (world: World, epochMs: number): string => {
  const offset = world.zone.offsetMinutesAt(epochMs) / 60;
  return `${world.zone.zoneId().split('/')[1]} ${localText(world.zone, epochMs)} ${offset >= 0 ? '+' : ''}${offset}`;
};

const makeWorld = (zone: string, start: string, settings: PauseSettings): World => {
  const local = new SwitchableClock(zone);
  const clock = new SimClock(localAt(local, start));
  const power = new FakePowerEvents();
  const attention = new FakeAttention(() => clock.now());
  const notifier = new FakeNotifier(() => clock.now());
  const driver = new PauseDriver({
    settings,
    state: INITIAL_PAUSE_STATE,
    timer: clock,
    localClock: local,
    power,
    attention,
    notifier,
    onStartPause: () => undefined,
  });
  const world: World = { clock, zone: local, power, attention, notifier, driver, shows: [], showInstants: [], answers: new Map() };
  notifier.onShow = (record) => {
    const text = localText(local, record.at);
    world.shows.push(label(world, record.at));
    world.showInstants.push(clock.realElapsed());
    const answer = world.answers.get(text) ?? 'start';
    if (answer !== 'none') record.respond(answer);
  };
  return world;
};

const run = async (world: World, script: readonly (readonly [string, Action])[], end: string): Promise<void> => {
  await world.driver.start();
  await world.driver.settled();
  for (const [time, action] of script) {
    await world.clock.runUntil(localAt(world.zone, time), () => world.driver.settled());
    await action(world);
    await world.driver.settled();
  }
  await world.clock.runUntil(localAt(world.zone, end), () => world.driver.settled());
};

// --- the person's actions ------------------------------------------------------

const sleepUntil =
  (wake: string): Action =>
  async (world) => {
    world.power.emit('suspend');
    await world.driver.settled();
    world.clock.sleepUntil(localAt(world.zone, wake));
    world.power.emit('resume');
  };
/** Close the lid, fly, open it somewhere else. */
const flyTo =
  (zone: string, wake: string): Action =>
  async (world) => {
    world.power.emit('suspend');
    await world.driver.settled();
    world.zone.moveTo(zone);
    world.clock.sleepUntil(localAt(world.zone, wake));
    world.power.emit('resume');
  };
const lock: Action = (world) => world.power.emit('lock-screen');
const unlock: Action = (world) => world.power.emit('unlock-screen');
const stopsTyping: Action = (world) => {
  world.attention.lastInputAt = world.clock.now();
};
const backAtDesk: Action = (world) => {
  world.attention.lastInputAt = 'now';
};
const doNotDisturb =
  (on: boolean): Action =>
  (world) => {
    world.attention.dnd = on ? 'yes' : 'no';
  };
const fullScreen =
  (on: boolean): Action =>
  (world) => {
    world.attention.full = on ? 'yes' : 'no';
  };
const setClock =
  (to: string): Action =>
  (world) => {
    world.clock.setWall(localAt(world.zone, to));
  };
const answerLast =
  (response: PauseResponse): Action =>
  (world) => {
    world.notifier.shown.at(-1)?.respond(response);
  };
const command =
  (name: PauseRemindersCommand): Action =>
  (world) =>
    world.driver.command(name);
const useSettings =
  (settings: PauseSettings): Action =>
  (world) =>
    world.driver.updateSettings(settings);

const everyDay: PauseSettings['activeDays'] = [0, 1, 2, 3, 4, 5, 6];

/** The checks every week must pass, besides the exact times. */
const expectCalm = (world: World, days: number, wakeUps: number): void => {
  const stats = world.driver.stats();
  const held = stats.held.away + stats.held['do-not-disturb'] + stats.held['full-screen'];
  // Scheduled events: pauses offered, pauses held back (and why), looks for a return.
  const scheduled = world.shows.length + held + stats.returnChecks;
  expect(world.clock.wakeUps).toBe(wakeUps);
  // One timer at a time, never a second one.
  expect(world.clock.maxPendingTimers).toBe(1);
  // Wake-ups: the events the scheduler planned, plus at most one per day that turned out not due.
  expect(stats.held['not-due']).toBeLessThanOrEqual(days);
  expect(world.clock.wakeUps).toBeLessThanOrEqual(scheduled + days);
  // No burst: offered pauses are never closer than the floor, in real time.
  const gaps = world.showInstants.slice(1).map((instant, index) => instant - (world.showInstants[index] ?? 0));
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(MIN_GAP_MS);
};

describe('a simulated week in Berlin, across the spring DST change', () => {
  const day: PauseSettings = {
    ...DEFAULT_PAUSE_SETTINGS,
    enabled: true,
    intervalSeconds: 3600,
    activeDays: [1, 2, 3, 4, 5, 6],
    activeHours: { startMinute: 9 * 60, endMinute: 17 * 60 },
    quietPeriods: [{ startMinute: 12 * 60, endMinute: 13 * 60 }],
    snoozeSeconds: 600,
  };
  const saturday = { ...day, intervalSeconds: 45 * 60 };
  const nights = { ...day, activeDays: everyDay, activeHours: { startMinute: 22 * 60, endMinute: 6 * 60 } };

  test('sleep, locks, idle, do-not-disturb, full-screen, snooze/skip, pause-all, clock set back and forward, DST', async () => {
    const world = makeWorld('Europe/Berlin', '2025-03-24 07:30', day);
    world.answers.set('2025-03-24 11:00', 'snooze');
    world.answers.set('2025-03-24 14:00', 'none');
    world.answers.set('2025-03-29 13:45', 'snooze');

    await run(
      world,
      [
        // Monday: snooze at 11:00, skip five minutes after the 14:00 one; sleep overnight.
        ['2025-03-24 14:05', answerLast('skip')],
        ['2025-03-24 18:00', sleepUntil('2025-03-25 08:30')],
        // Tuesday: a short lock with nothing due, a short lock across 14:00; locked overnight, machine awake.
        ['2025-03-25 10:30', lock],
        ['2025-03-25 10:45', unlock],
        ['2025-03-25 13:50', lock],
        ['2025-03-25 14:20', unlock],
        ['2025-03-25 17:30', lock],
        ['2025-03-26 08:45', unlock],
        // Wednesday: a long lock across 11:00 (fresh interval at 11:45); away from the desk 14:50–15:30 without locking.
        ['2025-03-26 10:20', lock],
        ['2025-03-26 11:45', unlock],
        ['2025-03-26 14:50', stopsTyping],
        ['2025-03-26 15:30', backAtDesk],
        ['2025-03-26 18:00', sleepUntil('2025-03-27 08:00')],
        // Thursday: do-not-disturb 09:55–10:15; a two-hour full-screen video 14:30–16:30.
        ['2025-03-27 09:55', doNotDisturb(true)],
        ['2025-03-27 10:15', doNotDisturb(false)],
        ['2025-03-27 14:30', fullScreen(true)],
        ['2025-03-27 16:30', fullScreen(false)],
        ['2025-03-27 19:00', sleepUntil('2025-03-28 07:00')],
        // Friday: reminders paused for an hour; the clock set back an hour, later forward 40 minutes.
        ['2025-03-28 10:30', command('for-1-hour')],
        ['2025-03-28 13:30', setClock('2025-03-28 12:30')],
        ['2025-03-28 15:20', setClock('2025-03-28 16:00')],
        ['2025-03-28 18:00', sleepUntil('2025-03-29 09:15')],
        // Saturday: a 45-minute interval; in the evening, a night window across the DST change.
        ['2025-03-29 09:30', useSettings(saturday)],
        ['2025-03-29 17:30', useSettings(nights)],
        ['2025-03-30 06:30', useSettings(day)],
        ['2025-03-30 07:00', sleepUntil('2025-03-31 08:00')],
        // Monday after the change (CEST): reminders off 14:30, on again 15:10.
        ['2025-03-31 14:30', command('off')],
        ['2025-03-31 15:10', command('on')],
      ],
      '2025-03-31 17:30',
    );

    expect(world.shows).toEqual([
      // Mon: 11:00 snoozed → 11:10; 12:10 falls in the quiet lunch → 13:00; skipped at 14:05 → 15:05.
      'Berlin 2025-03-24 10:00 +1',
      'Berlin 2025-03-24 11:00 +1',
      'Berlin 2025-03-24 11:10 +1',
      'Berlin 2025-03-24 13:00 +1',
      'Berlin 2025-03-24 14:00 +1',
      'Berlin 2025-03-24 15:05 +1',
      'Berlin 2025-03-24 16:05 +1',
      // Tue: woke 08:30 (nothing at wake-up); 14:00 fell in the lock and counted as the pause.
      'Berlin 2025-03-25 10:00 +1',
      'Berlin 2025-03-25 11:00 +1',
      'Berlin 2025-03-25 13:00 +1',
      'Berlin 2025-03-25 15:00 +1',
      'Berlin 2025-03-25 16:00 +1',
      // Wed: 11:00 held by the lock; back 11:45 after 85 min → fresh → 12:45 → quiet → 13:00;
      // 15:00 found idle (10 min), back at 15:30: a short absence, rhythm kept → 16:00.
      'Berlin 2025-03-26 10:00 +1',
      'Berlin 2025-03-26 13:00 +1',
      'Berlin 2025-03-26 14:00 +1',
      'Berlin 2025-03-26 16:00 +1',
      // Thu: do-not-disturb held 10:00 (looks at 10:05, 10:10) → 10:20; full-screen held 15:00 until
      // let go at 15:40 (rhythm kept: 16:00), held again 16:00 → 16:40 after the video ended.
      'Berlin 2025-03-27 10:20 +1',
      'Berlin 2025-03-27 11:20 +1',
      'Berlin 2025-03-27 13:00 +1',
      'Berlin 2025-03-27 14:00 +1',
      'Berlin 2025-03-27 16:40 +1',
      // Fri: paused 10:30–11:30 → 12:30 → quiet → 13:00; clock back an hour at 13:30: one real hour
      // after 13:00 the wall reads 13:00 again; forward 40 min at 15:20: 16:00 fell in the gap (no pause).
      'Berlin 2025-03-28 10:00 +1',
      'Berlin 2025-03-28 13:00 +1',
      'Berlin 2025-03-28 13:00 +1',
      'Berlin 2025-03-28 14:00 +1',
      'Berlin 2025-03-28 15:00 +1',
      // Sat: 45 minutes from 09:15; 12:15 → quiet → 13:00; 13:45 snoozed → 13:55.
      'Berlin 2025-03-29 10:00 +1',
      'Berlin 2025-03-29 10:45 +1',
      'Berlin 2025-03-29 11:30 +1',
      'Berlin 2025-03-29 13:00 +1',
      'Berlin 2025-03-29 13:45 +1',
      'Berlin 2025-03-29 13:55 +1',
      'Berlin 2025-03-29 14:40 +1',
      'Berlin 2025-03-29 15:25 +1',
      'Berlin 2025-03-29 16:10 +1',
      'Berlin 2025-03-29 16:55 +1',
      // The night of the change: 02:00 never happens; still one real hour apart.
      'Berlin 2025-03-29 23:00 +1',
      'Berlin 2025-03-30 00:00 +1',
      'Berlin 2025-03-30 01:00 +1',
      'Berlin 2025-03-30 03:00 +2',
      'Berlin 2025-03-30 04:00 +2',
      'Berlin 2025-03-30 05:00 +2',
      // Mon (CEST): the same local times as last week; off 14:30–15:10, fresh → 16:10.
      'Berlin 2025-03-31 10:00 +2',
      'Berlin 2025-03-31 11:00 +2',
      'Berlin 2025-03-31 13:00 +2',
      'Berlin 2025-03-31 14:00 +2',
      'Berlin 2025-03-31 16:10 +2',
    ]);

    const stats = world.driver.stats();
    expect(stats.held).toEqual({ 'not-due': 1, away: 3, 'do-not-disturb': 3, 'full-screen': 9 });
    expect(stats.returnChecks).toBe(1);
    expect(stats.clockJumps).toBeGreaterThanOrEqual(2);
    // 47 offered + 15 held + 1 return check + 1 not due (the wake right after the clock went forward).
    expectCalm(world, 8, 64);
  });
});

describe('a simulated week in New York and Berlin, across the autumn DST change', () => {
  const work: PauseSettings = {
    ...DEFAULT_PAUSE_SETTINGS,
    enabled: true,
    intervalSeconds: 90 * 60,
    activeDays: [1, 2, 3, 4, 5],
    activeHours: { startMinute: 8 * 60 + 30, endMinute: 18 * 60 },
    quietPeriods: [{ startMinute: 12 * 60 + 30, endMinute: 13 * 60 + 15 }],
    snoozeSeconds: 900,
  };
  const nights = { ...work, intervalSeconds: 3600, activeDays: everyDay, activeHours: { startMinute: 22 * 60, endMinute: 6 * 60 } };

  test('timezone changes both ways, a long idle absence, until-tomorrow, and the night 01:00 happens twice', async () => {
    const world = makeWorld('America/New_York', '2025-10-27 08:00', work);
    world.answers.set('2025-10-28 14:45', 'none');

    await run(
      world,
      [
        ['2025-10-27 19:00', sleepUntil('2025-10-28 07:30')],
        ['2025-10-28 14:50', answerLast('skip')],
        // Tuesday evening: fly to Berlin; the laptop opens there on Wednesday morning.
        ['2025-10-28 18:30', flyTo('Europe/Berlin', '2025-10-29 09:00')],
        // Wednesday (Berlin): away from the desk 13:40–15:30 without locking.
        ['2025-10-29 13:40', stopsTyping],
        ['2025-10-29 15:30', backAtDesk],
        ['2025-10-29 18:00', lock],
        ['2025-10-30 08:00', unlock],
        // Thursday evening: fly back; Friday morning in New York.
        ['2025-10-30 19:00', flyTo('America/New_York', '2025-10-31 08:00')],
        ['2025-10-31 12:00', command('until-tomorrow')],
        ['2025-10-31 18:30', lock],
        ['2025-11-01 09:00', unlock],
        ['2025-11-01 20:00', useSettings(nights)],
        ['2025-11-02 06:30', useSettings(work)],
        ['2025-11-02 07:00', sleepUntil('2025-11-03 07:00')],
      ],
      '2025-11-03 12:00',
    );

    expect(world.shows).toEqual([
      // Mon (EDT): 90 minutes from 08:30; 13:00 is in the quiet 12:30–13:15.
      'New_York 2025-10-27 10:00 -4',
      'New_York 2025-10-27 11:30 -4',
      'New_York 2025-10-27 13:15 -4',
      'New_York 2025-10-27 14:45 -4',
      'New_York 2025-10-27 16:15 -4',
      'New_York 2025-10-27 17:45 -4',
      // Tue: the 14:45 one skipped at 14:50 → 16:20.
      'New_York 2025-10-28 10:00 -4',
      'New_York 2025-10-28 11:30 -4',
      'New_York 2025-10-28 13:15 -4',
      'New_York 2025-10-28 14:45 -4',
      'New_York 2025-10-28 16:20 -4',
      'New_York 2025-10-28 17:50 -4',
      // Wed in Berlin (CET already): opened 09:00 → 10:30. 15:00 found idle; still away at the 15:20
      // look (100 min > 90), back by the 15:45 look → a fresh interval from 15:45 → 17:15.
      'Berlin 2025-10-29 10:30 +1',
      'Berlin 2025-10-29 12:00 +1',
      'Berlin 2025-10-29 13:30 +1',
      'Berlin 2025-10-29 17:15 +1',
      // Thu in Berlin.
      'Berlin 2025-10-30 10:00 +1',
      'Berlin 2025-10-30 11:30 +1',
      'Berlin 2025-10-30 13:15 +1',
      'Berlin 2025-10-30 14:45 +1',
      'Berlin 2025-10-30 16:15 +1',
      'Berlin 2025-10-30 17:45 +1',
      // Fri back in New York; reminders paused until tomorrow at noon.
      'New_York 2025-10-31 10:00 -4',
      'New_York 2025-10-31 11:30 -4',
      // The night of the change: 01:00 EDT and 01:00 EST each get their pause, one real hour apart.
      'New_York 2025-11-01 23:00 -4',
      'New_York 2025-11-02 00:00 -4',
      'New_York 2025-11-02 01:00 -4',
      'New_York 2025-11-02 01:00 -5',
      'New_York 2025-11-02 02:00 -5',
      'New_York 2025-11-02 03:00 -5',
      'New_York 2025-11-02 04:00 -5',
      'New_York 2025-11-02 05:00 -5',
      // Mon (EST): the same local times as the week before.
      'New_York 2025-11-03 10:00 -5',
      'New_York 2025-11-03 11:30 -5',
    ]);

    const stats = world.driver.stats();
    expect(stats.held).toEqual({ 'not-due': 0, away: 1, 'do-not-disturb': 0, 'full-screen': 0 });
    expect(stats.returnChecks).toBe(2);
    expect(stats.zoneChanges).toBe(2);
    // 34 offered + 1 held + 2 return checks: not a single wasted wake-up in the week.
    expectCalm(world, 8, 37);
  });
});
