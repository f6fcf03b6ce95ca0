import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, test } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { appCopy } from '../../shared/copy';
import type { CallContext } from '../ipc/call-context';
import { createMemoryLogger } from '../log/logger';
import { FakeNotifier } from '../pauses/testing/fakes';
import { type Attune, createAttune } from './create-attune';
import { type StandInOptions, standInPlatform } from './testing/stand-in-platform';
import type { WindowMessage } from './testing/stand-in-windows';

const tempDir = useTempDirs();
const running: Attune[] = [];
afterEach(async () => {
  for (const attune of running.splice(0)) await attune.stop();
});

const POPOVER: CallContext = { window: 'popover' };
const PASSPHRASE = 'a long enough passphrase';

/** Starts the real composition root on stand-in ports, on a real temp data dir. */
const startAttune = async (options: Partial<StandInOptions> = {}, hook?: (platform: ReturnType<typeof standInPlatform>) => void) => {
  const platform = standInPlatform({ dataDir: options.dataDir ?? tempDir(), ...options });
  hook?.(platform);
  const outcome = await createAttune(platform);
  if (outcome.kind !== 'started') throw new Error(`did not start: ${outcome.kind}`);
  running.push(outcome.attune);
  const messages: WindowMessage[] = [];
  platform.standIns.windows().deliver = (message) => messages.push(message);
  const call = async (channel: string, payload?: unknown, context: CallContext = POPOVER) => {
    const result = (await outcome.attune.dispatch(channel, payload, context)) as { ok: boolean; value?: unknown; error?: { code: string } };
    return result;
  };
  return { platform, attune: outcome.attune, s: platform.standIns, call, messages };
};

const setUp = async (call: Awaited<ReturnType<typeof startAttune>>['call']) =>
  expect((await call('vault.setup', { passphrase: PASSPHRASE, useKeychain: false, createRecoveryKey: false })).ok).toBe(true);

describe('createAttune: start-up', () => {
  test('keeps the order start-up needs: one instance, scheme before ready, IPC before the tray', async () => {
    const { s } = await startAttune();
    expect(s.startup).toEqual(['single-instance', 'app-scheme', 'security', 'ready', 'serve-renderer', 'windows', 'ipc', 'tray']);
  });

  test('a call the popover makes as soon as IPC exists waits for the services instead of finding no handler', async () => {
    let early: Promise<unknown> | null = null;
    await startAttune({}, (platform) => {
      const register = platform.registerIpc;
      platform.registerIpc = (channels, dispatch, known, origins) => {
        register(channels, dispatch, known, origins);
        early = dispatch('vault.status', undefined, POPOVER);
      };
    });
    expect(early).not.toBeNull();
    await expect(early).resolves.toMatchObject({ ok: true, value: { state: 'not-set-up' } });
  });

  test('IPC trusts only the app origin and the windows that exist', async () => {
    const { s } = await startAttune();
    expect(s.ipc().origins).toEqual(['app://attune']);
    // The first run's welcome is open in the app window; once it closes, only the popover may call.
    expect([...s.ipc().known.values()]).toEqual(['popover', 'app']);
    s.windows().closeWindow('app');
    expect([...s.ipc().known.values()]).toEqual(['popover']);
  });

  test('a dev-server URL in the environment is trusted only when not packaged', async () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
    expect((await startAttune({ env })).s.ipc().origins).toEqual(['app://attune', 'http://localhost:5173']);
    expect((await startAttune({ env, packaged: true })).s.ipc().origins).toEqual(['app://attune']);
  });

  test('the first run opens the welcome; the next start opens nothing', async () => {
    const dataDir = tempDir();
    const first = await startAttune({ dataDir });
    expect(first.s.windows().actions).toEqual(['openView:welcome']);
    await first.attune.stop();
    const second = await startAttune({ dataDir });
    expect(second.s.windows().actions).toEqual([]);
  });

  test('where the desktop shows no tray icons, the app window opens at every start and app.info says why', async () => {
    const dataDir = tempDir();
    await (await startAttune({ dataDir, trayAvailable: false })).attune.stop();
    const { s, call } = await startAttune({ dataDir, trayAvailable: false });
    expect(s.windows().actions).toEqual(['openView:history']);
    expect((await call('app.info')).value).toMatchObject({ trayAvailable: false });
  });

  test('app.info says whether this desktop tells idle time, asking afresh each time', async () => {
    const { s, call } = await startAttune();
    expect((await call('app.info')).value).toMatchObject({ idleTime: 'known' });
    // A Wayland desktop with no idle service: nothing can tell.
    s.attention.lastInputAt = null;
    expect((await call('app.info')).value).toMatchObject({ idleTime: 'unknown' });
  });

  test('a start-up that cannot finish shows one calm dialog and says it failed — no stack trace', async () => {
    const notADir = join(tempDir(), 'data');
    writeFileSync(notADir, 'a file where the data folder should be');
    const platform = standInPlatform({ dataDir: notADir });
    const outcome = await createAttune(platform);
    expect(outcome.kind).toBe('failed');
    expect(platform.standIns.fatalDialogs).toEqual([appCopy.cannotStart.fatal]);
  });

  test('a second launch hands over to the running Attune and quits without opening anything', async () => {
    const platform = standInPlatform({ dataDir: tempDir(), primaryInstance: false });
    expect((await createAttune(platform)).kind).toBe('second-instance');
    expect(platform.standIns.quits).toBe(1);
    expect(platform.standIns.startup).toEqual(['single-instance']);
  });

  test('the running Attune opens the check-in when a second launch happens', async () => {
    const { s } = await startAttune();
    s.secondInstance();
    expect(s.windows().state.popover).toMatchObject({ visible: true, reason: 'second-instance' });
  });
});

describe('createAttune: deletes made while locked', () => {
  test('are kept by main across a quit, carried out at the next unlock, and said to be deferred', async () => {
    const dataDir = tempDir();
    const first = await startAttune({ dataDir });
    await setUp(first.call);
    const appended = (await first.call('vault.append', { kind: 'check-in', data: { states: ['freeze'], needs: [] } })).value as {
      id: string;
    };
    await first.call('vault.lock');
    expect((await first.call('vault.delete', { id: appended.id })).value).toEqual({ deletedIds: [], compacted: false, deferred: true });
    await first.attune.stop();
    // A new start: the delete is still meant, and done as soon as the history opens.
    const second = await startAttune({ dataDir });
    expect((await second.call('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE })).value).toMatchObject({
      state: 'unlocked',
      entryCount: 0,
    });
    expect(((await second.call('vault.list', { limit: 10 })).value as { entries: unknown[] }).entries).toEqual([]);
  });
});

describe('createAttune: shortcut and tray', () => {
  test('the shortcut opens the check-in; a shortcut another app holds shows a way to fix it in the tray', async () => {
    const { s, messages } = await startAttune();
    expect(s.shortcut.press()).toBe(true);
    expect(s.windows().state.popover).toMatchObject({ visible: true, reason: 'shortcut' });
    expect(messages).toContainEqual({ kind: 'popover', event: 'popover.shown', payload: { reason: 'shortcut' } });

    const taken = standInPlatform({ dataDir: tempDir() });
    taken.standIns.shortcut.taken.add('CommandOrControl+Alt+Space');
    const outcome = await createAttune(taken);
    if (outcome.kind === 'started') running.push(outcome.attune);
    await expect.poll(() => taken.standIns.tray().menu.map((item) => item.id)).toContain('fix-shortcut');
    taken.standIns.tray().click('fix-shortcut');
    expect(taken.standIns.windows().actions).toContain('openView:settings');
  });

  test('each tray item does what it says', async () => {
    const { s, call, attune } = await startAttune();
    const tray = s.tray();
    tray.click('check-in');
    expect(s.windows().state.popover).toMatchObject({ visible: true, reason: 'tray' });
    for (const [id, view] of [
      ['history', 'history'],
      ['settings', 'settings'],
      ['help', 'help'],
    ] as const) {
      tray.click(id);
      expect(s.windows().state.app).toEqual({ open: true, view });
    }
    // Lock appears once there is something to lock, and locks every window.
    expect(tray.menu.find((item) => item.id === 'lock')?.enabled ?? false).toBe(false);
    await setUp(call);
    await expect.poll(() => tray.menu.find((item) => item.id === 'lock')?.enabled).toBe(true);
    tray.click('lock');
    await expect.poll(async () => (await attune.vault.status()).state).toBe('locked');
    // Reminders: turning them on from the tray turns scheduled pauses on.
    tray.click('reminders-on');
    await expect.poll(() => attune.settings.get().pauses.enabled).toBe(true);
    tray.click('pause-now');
    await expect.poll(() => s.windows().state.pause.open).toBe(true);
    tray.click('quit');
    expect(s.quits).toBe(1);
    await expect.poll(() => tray.destroyed).toBe(true);
  });

  test('a tray click on the icon opens the popover, and a second click closes it', async () => {
    const { s } = await startAttune();
    s.tray().clickIcon();
    expect(s.windows().state.popover.visible).toBe(true);
    s.tray().clickIcon();
    expect(s.windows().state.popover.visible).toBe(false);
  });
});

describe('createAttune: locking and pauses', () => {
  test('sleep locks the history and every window is told', async () => {
    const { s, call, messages } = await startAttune();
    await setUp(call);
    s.windows().openView('history');
    s.power.emit('suspend');
    await expect.poll(async () => ((await call('vault.status')).value as { state: string }).state).toBe('locked');
    expect(messages).toContainEqual({ kind: 'app', event: 'vault.changed', payload: { state: 'locked' } });
    expect(messages).toContainEqual({ kind: 'popover', event: 'vault.changed', payload: { state: 'locked' } });
  });

  test('a due pause is offered as a notification, and answering it opens the pause window', async () => {
    const notifier = new FakeNotifier(() => Date.now());
    const { s, call } = await startAttune({ notifier });
    const { pauses } = (await call('settings.get')).value as { pauses: object };
    expect((await call('settings.set', { pauses: { ...pauses, enabled: true, intervalSeconds: 30 * 60 } }, { window: 'app' })).ok).toBe(
      true,
    );
    // Pauses come on weekdays within active hours: let time pass, five minutes at a time, until one is offered.
    for (let steps = 0; steps < 7 * 24 * 12 && notifier.shown.length === 0; steps += 1) {
      s.clock.advance(5 * 60_000);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(notifier.shown.length).toBeGreaterThan(0);
    notifier.shown.at(-1)?.respond('start');
    await expect.poll(() => s.windows().state.pause.open).toBe(true);
  });

  test('a notification that cannot be shown reaches the log as a warning with its cause, and the tray offers the pause', async () => {
    const notifier = new FakeNotifier(() => Date.now());
    notifier.failWith = { ok: false, error: { code: 'failed', message: 'no notification daemon' } };
    const log = createMemoryLogger();
    const { s, call } = await startAttune({ notifier }, (platform) => (platform.createLogger = () => log));
    const { pauses } = (await call('settings.get')).value as { pauses: object };
    await call('settings.set', { pauses: { ...pauses, enabled: true, intervalSeconds: 30 * 60 } }, { window: 'app' });
    for (let steps = 0; steps < 7 * 24 * 12 && !log.lines.some((line) => line.level === 'warn'); steps += 1) {
      s.clock.advance(5 * 60_000);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(log.lines).toContainEqual({
      level: 'warn',
      message: 'pauses: pause notification failed',
      detail: { cause: 'failed: no notification daemon' },
    });
    await expect.poll(() => s.tray().menu.map((item) => item.id)).toContain('start-pending-pause');
  });

  test('stop stops every service once, however often it is asked', async () => {
    const { attune, s } = await startAttune();
    await Promise.all([attune.stop(), attune.stop()]);
    expect(s.tray().destroyed).toBe(true);
    expect(s.shortcut.registered.size).toBe(0);
  });
});
