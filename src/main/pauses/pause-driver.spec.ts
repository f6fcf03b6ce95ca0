import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import type { PauseSettings } from '../../shared/pauses/pause-settings';
import { DEFAULT_PAUSE_SETTINGS } from '../../shared/pauses/pause-settings';
import type { PauseScheduleView } from '../../shared/pauses/pause-state';
import { INITIAL_PAUSE_STATE } from '../../shared/pauses/pause-state';
import { PauseDriver } from './pause-driver';
import { systemTimerClock } from './ports';
import { FakeAttention, FakeNotifier, FakePowerEvents, SwitchableClock } from './testing/fakes';
import { localAt, localText } from './testing/local-time';

const settings: PauseSettings = {
  ...DEFAULT_PAUSE_SETTINGS,
  enabled: true,
  intervalSeconds: 3600,
  activeDays: [1, 2, 3, 4, 5],
  activeHours: { startMinute: 9 * 60, endMinute: 17 * 60 },
  quietPeriods: [],
  snoozeSeconds: 600,
};

let zone: SwitchableClock;
let power: FakePowerEvents;
let attention: FakeAttention;
let notifier: FakeNotifier;
let views: PauseScheduleView[];
let started: string[];
let driver: PauseDriver;

const at = (text: string): number => localAt(zone, text);
const local = (epochMs: number | null): string | null => (epochMs === null ? null : localText(zone, epochMs));
const shownAt = (): string[] => notifier.shown.map((record) => localText(zone, record.at));

/** Run the fake clock awake until a local time, letting the driver finish each step. */
const runUntil = async (text: string): Promise<void> => {
  await vi.advanceTimersByTimeAsync(at(text) - Date.now());
  await driver.settled();
};

/** Jump the wall clock without running timers or moving monotonic time: a suspend as the machine sees it. */
const sleepUntil = (text: string): void => {
  vi.setSystemTime(at(text));
};

const makeDriver = (overrides: Partial<ConstructorParameters<typeof PauseDriver>[0]> = {}): PauseDriver =>
  new PauseDriver({
    settings,
    state: INITIAL_PAUSE_STATE,
    timer: systemTimerClock,
    localClock: zone,
    power,
    attention,
    notifier,
    onStartPause: (source) => started.push(source),
    onStateChanged: (view) => views.push(view),
    ...overrides,
  });

beforeEach(async () => {
  vi.resetAllMocks();
  zone = new SwitchableClock('Europe/Berlin');
  vi.useFakeTimers({ now: localAt(zone, '2025-03-24 08:00') });
  power = new FakePowerEvents();
  attention = new FakeAttention(() => Date.now());
  notifier = new FakeNotifier(() => Date.now());
  views = [];
  started = [];
  driver = makeDriver();
  await driver.start();
});

afterEach(async () => {
  await driver.stop();
  vi.useRealTimers();
});

describe('PauseDriver: one timer, to the next event', () => {
  test('plans the first pause one interval after the hours begin and keeps exactly one timer', async () => {
    expect(local(driver.nextPauseAt())).toBe('2025-03-24 10:00');
    expect(vi.getTimerCount()).toBe(1);
    await runUntil('2025-03-24 12:30');
    expect(shownAt()).toEqual(['2025-03-24 10:00', '2025-03-24 11:00', '2025-03-24 12:00']);
    expect(vi.getTimerCount()).toBe(1);
    expect(driver.stats().wakeUps).toBe(3);
    expect(views.at(-1)?.next).toEqual({ kind: 'pause', at: at('2025-03-24 13:00'), cause: 'interval' });
  });

  test('re-plans on a settings change, and turning pauses off leaves no timer', async () => {
    await driver.updateSettings({ ...settings, intervalSeconds: 30 * 60 });
    expect(local(driver.nextPauseAt())).toBe('2025-03-24 09:30');
    await driver.updateSettings({ ...settings, enabled: false });
    expect(driver.nextPauseAt()).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    await runUntil('2025-03-24 11:00');
    await driver.updateSettings(settings);
    expect(local(driver.nextPauseAt())).toBe('2025-03-24 12:00');
    expect(vi.getTimerCount()).toBe(1);
  });
});

describe('PauseDriver: sleep, lock, clock', () => {
  test('a long sleep: nothing at wake-up, a fresh interval from the return, never a burst', async () => {
    await runUntil('2025-03-24 09:50');
    power.emit('suspend');
    sleepUntil('2025-03-24 13:20');
    power.emit('resume');
    await driver.settled();
    expect(shownAt()).toEqual([]);
    expect(local(driver.nextPauseAt())).toBe('2025-03-24 14:20');
    await runUntil('2025-03-24 14:30');
    expect(shownAt()).toEqual(['2025-03-24 14:20']);
  });

  test('a sleep the system never announced is caught by the gap between wall and monotonic time', async () => {
    await runUntil('2025-03-24 09:50');
    sleepUntil('2025-03-24 12:00');
    await runUntil('2025-03-24 12:30');
    // The old timer had 10 min of monotonic time left; at 12:10 the gap shows, and a fresh interval starts at 12:10.
    expect(shownAt()).toEqual([]);
    expect(local(driver.nextPauseAt())).toBe('2025-03-24 13:10');
    expect(driver.stats().clockJumps).toBe(1);
  });

  test('a short lock across a due time: held while locked, nothing at unlock, rhythm kept', async () => {
    await runUntil('2025-03-24 09:50');
    power.emit('lock-screen');
    await runUntil('2025-03-24 10:15');
    power.emit('unlock-screen');
    await driver.settled();
    expect(shownAt()).toEqual([]);
    expect(driver.stats().held.away).toBe(1);
    expect(local(driver.nextPauseAt())).toBe('2025-03-24 11:00');
  });

  test('a lock whose unlock was missed does not swallow pauses once the system says it is unlocked', async () => {
    power.emit('lock-screen');
    attention.locked = 'no';
    await runUntil('2025-03-24 10:01');
    expect(shownAt()).toEqual(['2025-03-24 10:00']);
  });

  test('idle found at a due time, a long absence: fresh interval from the return', async () => {
    attention.lastInputAt = at('2025-03-24 09:40');
    await runUntil('2025-03-24 10:00');
    expect(driver.stats().held.away).toBe(1);
    // Return check at 09:40 + 60 min = 10:40 finds them still idle; the next look is 15 min later.
    await runUntil('2025-03-24 10:50');
    attention.lastInputAt = 'now';
    await runUntil('2025-03-24 11:00');
    expect(driver.stats().returnChecks).toBe(2);
    // Back by the 10:55 look after 75 min away: the fresh interval starts there.
    expect(local(driver.nextPauseAt())).toBe('2025-03-24 11:55');
    expect(shownAt()).toEqual([]);
  });

  test('the clock set back 50 minutes: the next pause is still one real hour after the last', async () => {
    await runUntil('2025-03-24 10:00');
    vi.setSystemTime(at('2025-03-24 09:10'));
    await runUntil('2025-03-24 10:11');
    // One real hour after the 10:00 pause the wall reads 10:10; the remembered instants moved back with the clock.
    expect(shownAt()).toEqual(['2025-03-24 10:00', '2025-03-24 10:10']);
    expect(driver.stats().clockJumps).toBe(1);
    expect(local(driver.nextPauseAt())).toBe('2025-03-24 11:10');
  });

  test('a timezone change re-plans to the new local hours at the next event', async () => {
    await runUntil('2025-03-24 10:00');
    zone.moveTo('America/New_York');
    await driver.timezoneChanged();
    // 10:00 Berlin was 05:00 in New York: the day there begins at 09:00, first pause 10:00 New York.
    expect(local(driver.nextPauseAt())).toBe('2025-03-24 10:00');
    expect(driver.nextPauseAt()).toBe(localAt(zone, '2025-03-24 10:00'));
    expect(driver.stats().zoneChanges).toBe(1);
  });
});

describe('PauseDriver: answers, failures, busy screens, commands', () => {
  test('start opens the pause; snooze comes back after the snooze length; stale answers are ignored', async () => {
    await runUntil('2025-03-24 10:00');
    const first = notifier.shown[0]!;
    first.respond('snooze');
    await driver.settled();
    expect(local(driver.nextPauseAt())).toBe('2025-03-24 10:10');
    await runUntil('2025-03-24 10:10');
    first.respond('start');
    await driver.settled();
    expect(started).toEqual([]);
    notifier.shown[1]!.respond('start');
    await driver.settled();
    expect(started).toEqual(['notification']);
    expect(driver.view().pending).toBeNull();
  });

  test('a failed notification is reported and kept pending for the tray', async () => {
    const dues: unknown[] = [];
    await driver.stop();
    driver = makeDriver({ onPauseDue: (due) => dues.push(due) });
    await driver.start();
    notifier.failWith = { ok: false, error: { code: 'failed', message: 'no daemon' } };
    await runUntil('2025-03-24 10:00');
    expect(dues).toEqual([{ at: at('2025-03-24 10:00'), delivered: false, error: { code: 'failed', message: 'no daemon' } }]);
    expect(driver.view().pending).toEqual({ shownAt: at('2025-03-24 10:00'), delivered: false });
    await driver.respond('start');
    expect(started).toEqual(['tray']);
    expect(driver.view().pending).toBeNull();
  });

  test('full-screen holds a pause back and it comes once the screen is free', async () => {
    attention.full = 'yes';
    await runUntil('2025-03-24 10:07');
    expect(driver.stats().held['full-screen']).toBe(2);
    attention.full = 'no';
    await runUntil('2025-03-24 10:11');
    expect(shownAt()).toEqual(['2025-03-24 10:10']);
  });

  test('pause reminders off: the notification is closed and no timer is left; on starts fresh', async () => {
    await runUntil('2025-03-24 10:00');
    await driver.command('off');
    expect(notifier.closed).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    expect(driver.view()).toMatchObject({ next: { kind: 'none', reason: 'reminders-off' }, remindersOff: true });
    await runUntil('2025-03-24 13:30');
    await driver.command('on');
    expect(local(driver.nextPauseAt())).toBe('2025-03-24 14:30');
  });

  test('"A short pause now?" starts the pause and restarts the interval', async () => {
    await runUntil('2025-03-24 09:40');
    await driver.startNow();
    expect(started).toEqual(['tray']);
    expect(local(driver.nextPauseAt())).toBe('2025-03-24 10:40');
  });

  test('a failing probe is logged and the driver still keeps its one timer', async () => {
    const log = vi.fn();
    await driver.stop();
    attention.doNotDisturb = () => {
      throw new Error('probe broke');
    };
    driver = makeDriver({ warn: log });
    await driver.start();
    await runUntil('2025-03-24 10:00');
    expect(log).toHaveBeenCalledWith('pause driver task failed', expect.any(Error));
    expect(vi.getTimerCount()).toBe(1);
  });

  test('stop unsubscribes from power events and leaves no timer', async () => {
    expect(power.listenerCount()).toBe(6);
    await driver.stop();
    expect(power.listenerCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('PauseDriver: persisted state', () => {
  test('restarting from saved state continues the interval', async () => {
    await runUntil('2025-03-24 10:30');
    const saved = driver.state();
    await driver.stop();
    driver = makeDriver({ state: saved });
    await driver.start();
    expect(local(driver.nextPauseAt())).toBe('2025-03-24 11:00');
  });
});
