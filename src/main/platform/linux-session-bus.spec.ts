import { EventEmitter } from 'node:events';

import { afterEach, describe, expect, test } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Weekday } from '../../shared/pauses/pause-settings';
import { type Attune, createAttune } from '../app/create-attune';
import { standInPlatform } from '../app/testing/stand-in-platform';
import type { WindowMessage } from '../app/testing/stand-in-windows';
import { FakeNotifier, type ShownRecord } from '../pauses/testing/fakes';
import { type LinuxSession, startLinuxSession } from '../system/dbus/linux-session';
import { type FakeDesktop, privateBusSkipReason, startFakeDesktop } from '../system/dbus/testing/private-buses';
import { type RunCommand, runCommand } from '../system/run-command';
import { createAttentionState, createPowerEvents } from './power-events';

/**
 * Screen lock and idle time on Linux, end to end over a real (private) D-Bus:
 * fake ScreenSaver, GNOME ScreenSaver, Mutter IdleMonitor and logind services
 * send the signals and answer the calls; Attune's real gdbus adapters listen;
 * the composition root locks the history and holds pauses. Only Electron's
 * powerMonitor is stood in for, answering as it does on Wayland (idle 0, no
 * lock events). Every wait is on an event, never on a delay.
 */
const skipReason = privateBusSkipReason();
if (skipReason) console.info(skipReason);

const tempDir = useTempDirs();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Electron's powerMonitor on Wayland: idle time 0 whatever happens, no lock events, idle state unknown. */
class WaylandPowerMonitor extends EventEmitter {
  getSystemIdleState(): 'unknown' {
    return 'unknown';
  }
  getSystemIdleTime(): number {
    return 0;
  }
}

const unknownProbes = { doNotDisturb: async () => 'unknown' as const, fullScreen: async () => 'unknown' as const };
const PASSPHRASE = 'a long enough passphrase';
const TWENTY_MINUTES = 20 * 60_000;

/**
 * The fake desktop (session id 2, so logind's object is …/session/_32), Attune's D-Bus adapters, and Attune on
 * them. XDG_SESSION_ID is removed from the environment when `sessionEnv` does not set it.
 */
const startOnBus = async (sessionEnv: Record<string, string> = { XDG_SESSION_ID: '2' }) => {
  const desktop: FakeDesktop = await startFakeDesktop('/org/freedesktop/login1/session/_32', {
    ...sessionEnv,
    XDG_SESSION_TYPE: 'wayland',
  });
  cleanups.push(() => desktop.stop());
  // The adapters as they ship, with room for gdbus to start on a machine busy with other work.
  const run: RunCommand = (file, args, options) => runCommand(file, args, { ...options, timeoutMs: 20_000 });
  const session: LinuxSession = startLinuxSession({ env: desktop.env, run });
  cleanups.push(() => session.stop());
  const powerMonitor = new WaylandPowerMonitor() as unknown as Parameters<typeof createPowerEvents>[0];
  const notifier = new FakeNotifier(() => platform.standIns.clock.now());
  const platform = standInPlatform({ dataDir: tempDir(), notifier });
  const attention = createAttentionState(powerMonitor, 'linux', unknownProbes, session);
  platform.pauseAdapters = () => ({ power: createPowerEvents(powerMonitor, session), attention, notifier });
  const outcome = await createAttune(platform);
  if (outcome.kind !== 'started') throw new Error(`did not start: ${outcome.kind}`);
  const attune: Attune = outcome.attune;
  cleanups.push(() => attune.stop());
  const messages: WindowMessage[] = [];
  const waiters: { match: (message: WindowMessage) => boolean; resolve: () => void }[] = [];
  platform.standIns.windows().deliver = (message) => {
    messages.push(message);
    for (const waiter of waiters.filter((w) => w.match(message))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  /** Resolves when every window is told the history is now in `state`. */
  const vaultBecomes = (state: 'locked' | 'unlocked') =>
    new Promise<void>((resolve) =>
      waiters.push({
        match: (m) => m.kind === 'popover' && m.event === 'vault.changed' && (m.payload as { state: string }).state === state,
        resolve,
      }),
    );
  await session.lock.ready();
  await attune.vault.setup({ passphrase: PASSPHRASE, useKeychain: false, createRecoveryKey: false });
  expect((await attune.vault.status()).state).toBe('unlocked');
  return { desktop, session, attention, attune, clock: platform.standIns.clock, notifier, vaultBecomes };
};

/** Pauses every 20 minutes, all day, every day, so one is due 20 minutes from now whatever the test's date. */
const enableEveryDayPauses = async (attune: Attune) => {
  const pauses = attune.settings.get().pauses;
  const everyDay = { activeDays: [0, 1, 2, 3, 4, 5, 6] as Weekday[], activeHours: { startMinute: 0, endMinute: 1440 }, quietPeriods: [] };
  await attune.settings.set({ pauses: { ...pauses, ...everyDay, enabled: true, intervalSeconds: 20 * 60 } });
  await attune.pauses.settled();
  expect(attune.pauses.nextPauseAt()).not.toBeNull();
};

describe.skipIf(skipReason !== null)('Linux screen lock and idle over a real session bus', () => {
  test('locking the screen locks Attune and holds a due pause; unlocking starts a fresh interval, no burst', async () => {
    const { desktop, session, attention, attune, clock, notifier, vaultBecomes } = await startOnBus();
    await enableEveryDayPauses(attune);

    const locked = vaultBecomes('locked');
    await desktop.send('screensaver freedesktop true');
    await locked;
    expect(await attention.screenLocked()).toBe('yes');
    await attune.pauses.settled();

    // The pause falls due while the screen is locked: held, not shown.
    clock.advance((attune.pauses.nextPauseAt() ?? 0) - clock.now() + 1000);
    await attune.pauses.settled();
    expect(attune.pauses.stats().held.away).toBe(1);
    expect(notifier.shown).toEqual([]);

    // logind's Unlock (another source) ends the same lock: the interval starts afresh from now.
    const unlocked = new Promise<void>((resolve) => session.lock.on('unlock-screen', resolve));
    await desktop.send('logind unlock');
    await unlocked;
    await attune.pauses.settled();
    expect(await attention.screenLocked()).toBe('no');
    const next = attune.pauses.nextPauseAt() ?? 0;
    expect(next - clock.now()).toBeGreaterThan(TWENTY_MINUTES - 5_000);
    expect(next - clock.now()).toBeLessThanOrEqual(TWENTY_MINUTES);
    expect(notifier.shown).toEqual([]);

    // And pauses go on as before.
    const shown = new Promise<ShownRecord>((resolve) => (notifier.onShow = resolve));
    clock.advance(next - clock.now() + 1000);
    await shown;
    expect(notifier.shown).toHaveLength(1);
  });

  test('logind Lock locks Attune; GNOME’s ScreenSaver says when it is over; one lock seen twice is one event', async () => {
    const { desktop, session, attention, attune, vaultBecomes } = await startOnBus();
    const events: string[] = [];
    session.lock.on('lock-screen', () => events.push('lock'));
    session.lock.on('unlock-screen', () => events.push('unlock'));
    expect(await attention.screenLocked()).toBe('no');

    const locked = vaultBecomes('locked');
    await desktop.send('logind lock');
    await locked;
    expect((await attune.vault.status()).state).toBe('locked');

    const unlocked = new Promise<void>((resolve) => session.lock.on('unlock-screen', resolve));
    // GNOME's shield comes up after logind's request: the same lock, so no second event.
    await desktop.send('screensaver gnome true');
    await desktop.send('screensaver gnome false');
    await unlocked;
    expect(events).toEqual(['lock', 'unlock']);
    expect(await attention.screenLocked()).toBe('no');
  });

  test('started outside the login session (no XDG_SESSION_ID), logind still tells which session locks', async () => {
    const { desktop, attune, vaultBecomes } = await startOnBus({});
    const locked = vaultBecomes('locked');
    await desktop.send('logind lock');
    await locked;
    expect((await attune.vault.status()).state).toBe('locked');
  });

  test('with the lock setting off, the screen lock still holds a due pause but leaves the history open', async () => {
    const { desktop, session, attune, clock, notifier } = await startOnBus();
    await attune.settings.set({ privacy: { ...attune.settings.get().privacy, lockWithScreen: false } });
    await enableEveryDayPauses(attune);
    const seen = new Promise<void>((resolve) => session.lock.on('lock-screen', resolve));
    await desktop.send('screensaver freedesktop true');
    await seen;
    await attune.pauses.settled();
    clock.advance((attune.pauses.nextPauseAt() ?? 0) - clock.now() + 1000);
    await attune.pauses.settled();
    expect(attune.pauses.stats().held.away).toBe(1);
    expect(notifier.shown).toEqual([]);
    expect((await attune.vault.status()).state).toBe('unlocked');
  });

  test('idle time comes from Mutter, else the ScreenSaver, else "cannot tell"; idle past the setting locks Attune', async () => {
    const { desktop, attention, attune, clock, vaultBecomes } = await startOnBus();
    expect(await attention.idleSeconds()).toBeNull();
    await desktop.send('idle screensaver 4200');
    expect(await attention.idleSeconds()).toBe(4.2);
    await desktop.send('idle mutter 123456');
    expect(await attention.idleSeconds()).toBe(123.456);

    // Ten minutes without input, as Mutter says; Electron says 0. Auto-lock after 5 minutes does lock.
    await desktop.send('idle mutter 600000');
    const locked = vaultBecomes('locked');
    await attune.settings.set({ privacy: { ...attune.settings.get().privacy, lockAfterIdleMinutes: 5 } });
    clock.advance(5 * 60_000);
    await locked;

    await desktop.send('idle mutter off');
    await desktop.send('idle screensaver off');
    expect(await attention.idleSeconds()).toBeNull();
  });
});
