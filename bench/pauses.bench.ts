import type { LocalClock } from '../src/main/pauses/local-clock';
import { fixedOffsetClock, zoneClock } from '../src/main/pauses/local-clock';
import { nextPause } from '../src/main/pauses/next-pause';
import { PauseDriver } from '../src/main/pauses/pause-driver';
import { FakeAttention, FakeNotifier, FakePowerEvents, SwitchableClock } from '../src/main/pauses/testing/fakes';
import { localAt } from '../src/main/pauses/testing/local-time';
import { SimClock } from '../src/main/pauses/testing/sim-clock';
import type { PauseSettings } from '../src/shared/pauses/pause-settings';
import { DEFAULT_PAUSE_SETTINGS } from '../src/shared/pauses/pause-settings';
import type { PauseState } from '../src/shared/pauses/pause-state';
import { INITIAL_PAUSE_STATE } from '../src/shared/pauses/pause-state';
import type { BenchRow } from './bench-row';

/**
 * Scheduled pauses: how fast the pure scheduler decides, and how rarely the
 * driver wakes the process over four simulated weeks of a working life
 * (nightly sleep, locks, an idle absence a day). The driver and scheduler are
 * the real ones; only the platform is simulated.
 */

const settings: PauseSettings = {
  ...DEFAULT_PAUSE_SETTINGS,
  enabled: true,
  intervalSeconds: 45 * 60,
  activeDays: [1, 2, 3, 4, 5],
  activeHours: { startMinute: 9 * 60, endMinute: 17 * 60 + 30 },
  quietPeriods: [{ startMinute: 12 * 60, endMinute: 13 * 60 }],
};

const DAY_MS = 86_400_000;

/** nextPause calls per second over a week of "now"s and a few states (snoozed, paused, busy). */
const decisionsPerSecond = (clock: LocalClock): number => {
  const start = localAt(clock, '2025-03-24 00:00');
  const states: PauseState[] = [
    { ...INITIAL_PAUSE_STATE, anchorAt: start },
    { ...INITIAL_PAUSE_STATE, anchorAt: start, postponedUntil: start + 3_600_000, postponedBy: 'snooze' },
    { ...INITIAL_PAUSE_STATE, anchorAt: start, remindersPausedUntil: start + 2 * DAY_MS },
    { ...INITIAL_PAUSE_STATE, anchorAt: start, lastShownAt: start, busySince: start },
  ];
  let sink = 0;
  let calls = 0;
  const began = process.hrtime.bigint();
  const budgetNs = 700_000_000n;
  while (process.hrtime.bigint() - began < budgetNs) {
    for (let i = 0; i < 1000; i += 1) {
      const now = start + ((calls * 7_919_000) % (7 * DAY_MS));
      const next = nextPause(now, settings, states[calls % states.length] as PauseState, { clock });
      if (next.kind === 'pause') sink += next.at % 7;
      calls += 1;
    }
  }
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  if (sink < 0) console.error(sink);
  return calls / seconds;
};

interface WeekFigures {
  days: number;
  wakeUps: number;
  shown: number;
  scheduled: number;
  notDue: number;
  maxTimers: number;
}

const simulateWeeks = async (weeks: number): Promise<WeekFigures> => {
  const zone = new SwitchableClock('Europe/Berlin');
  const clock = new SimClock(localAt(zone, '2025-03-03 07:00'));
  const power = new FakePowerEvents();
  const attention = new FakeAttention(() => clock.now());
  const notifier = new FakeNotifier(() => clock.now());
  notifier.onShow = (record) => record.respond('start');
  const driver = new PauseDriver({
    settings,
    state: INITIAL_PAUSE_STATE,
    timer: clock,
    localClock: zone,
    power,
    attention,
    notifier,
    onStartPause: () => undefined,
  });
  await driver.start();
  const until = async (epochMs: number): Promise<void> => {
    await clock.runUntil(epochMs, () => driver.settled());
  };
  const days = weeks * 7;
  const first = localAt(zone, '2025-03-03 00:00');
  for (let day = 0; day < days; day += 1) {
    const at = (hour: number, minute = 0): number => first + day * DAY_MS + (hour * 60 + minute) * 60_000;
    // Local wall times drift by the DST hour across the month; the pattern only needs to be realistic.
    await until(at(10, 40));
    power.emit('lock-screen');
    await until(at(10, 52));
    power.emit('unlock-screen');
    await until(at(12, 5));
    power.emit('lock-screen');
    await until(at(13, 10));
    power.emit('unlock-screen');
    await until(at(15, 20));
    attention.lastInputAt = clock.now();
    await until(at(15, 50));
    attention.lastInputAt = 'now';
    await until(at(19, 0));
    power.emit('suspend');
    await driver.settled();
    clock.sleepUntil(at(31, 30));
    power.emit('resume');
    await driver.settled();
  }
  const stats = driver.stats();
  await driver.stop();
  const held = stats.held.away + stats.held['do-not-disturb'] + stats.held['full-screen'];
  return {
    days,
    wakeUps: clock.wakeUps,
    shown: stats.shown,
    scheduled: stats.shown + held + stats.returnChecks,
    notDue: stats.held['not-due'],
    maxTimers: clock.maxPendingTimers,
  };
};

export default async function (): Promise<BenchRow[]> {
  const berlin = zoneClock('Europe/Berlin');
  const zoned = decisionsPerSecond(berlin);
  const fixed = decisionsPerSecond(fixedOffsetClock(60));
  const began = process.hrtime.bigint();
  const month = await simulateWeeks(4);
  const simMs = Number(process.hrtime.bigint() - began) / 1e6;
  const perDay = (value: number): number => Math.round((value / month.days) * 100) / 100;
  const wakeUpsPerDay = perDay(month.wakeUps);
  const scheduledPerDay = perDay(month.scheduled);
  const onePerSecondPoll = 86_400;

  return [
    {
      group: 'pauses',
      name: 'nextPause decisions/s (Europe/Berlin via Intl, cached)',
      value: Math.round(zoned),
      unit: '/s',
      target: '≥ 100k/s',
      meets: zoned >= 100_000,
      ratio: { value: zoned / fixed, against: 'fixed-offset clock (no tz lookups)' },
    },
    { group: 'pauses', name: 'nextPause decisions/s (fixed offset)', value: Math.round(fixed), unit: '/s' },
    {
      group: 'pauses',
      name: 'timer wake-ups per simulated day (4 weeks)',
      value: wakeUpsPerDay,
      unit: 'wake-ups/day',
      target: `≤ scheduled events + 1 (${scheduledPerDay} + 1)`,
      meets: month.wakeUps <= month.scheduled + month.days,
      ratio: { value: onePerSecondPoll / Math.max(wakeUpsPerDay, 1e-9), against: 'a 1 s poll (86 400/day; higher = fewer wake-ups)' },
    },
    {
      group: 'pauses',
      name: 'scheduled events per simulated day (offered + held + return checks)',
      value: scheduledPerDay,
      unit: 'events/day',
    },
    { group: 'pauses', name: 'pauses offered per simulated day', value: perDay(month.shown), unit: 'pauses/day' },
    {
      group: 'pauses',
      name: 'wake-ups that found nothing due (whole month)',
      value: month.notDue,
      unit: 'wake-ups',
      target: `≤ ${month.days}`,
      meets: month.notDue <= month.days,
    },
    {
      group: 'pauses',
      name: 'timers pending at once (max)',
      value: month.maxTimers,
      unit: 'timers',
      target: '= 1',
      meets: month.maxTimers === 1,
    },
    { group: 'pauses', name: '4-week simulation through the real driver', value: Math.round(simMs), unit: 'ms' },
  ];
}
