import { afterEach, describe, expect, test } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import type { CallContext } from '../ipc/call-context';
import { createMemoryLogger, type Logger } from '../log/logger';
import type { ScreenDisplay } from '../popover/pointer-display';
import { type Attune, createAttune } from './create-attune';
import { type StandInOptions, standInPlatform } from './testing/stand-in-platform';
import { startStandInAttune } from './testing/start-stand-in-attune';

const tempDir = useTempDirs();
const running: Attune[] = [];
afterEach(async () => {
  for (const attune of running.splice(0)) await attune.stop();
});

const start = async (options: Partial<StandInOptions> & { log?: Logger } = {}) => {
  const started = await startStandInAttune({ dataDir: tempDir(), ...options });
  running.push(started.attune);
  return started;
};

const display = (id: number, x: number, y: number, width: number, height: number, primary = false): ScreenDisplay => ({
  id,
  primary,
  bounds: { x, y, width, height },
  workArea: { x, y, width, height },
});

describe('createAttune: the display the person is on', () => {
  test('the shortcut opens the check-in on the display under the pointer, left of the primary one too', async () => {
    const { standIns: s } = await start();
    s.screen.displayList = [display(1, 0, 0, 1920, 1080, true), display(2, -2560, -360, 2560, 1440)];
    s.screen.at = { x: -1200, y: 100 };
    s.shortcut.press();
    expect(s.windows().placedOn.popover).toBe(2);
    s.windows().hidePopover();
    s.screen.at = { x: 300, y: 300 };
    s.shortcut.press();
    expect(s.windows().placedOn.popover).toBe(1);
  });

  test('the pause window opens on the display under the pointer; the pointer off every display picks the nearest', async () => {
    const { standIns: s } = await start();
    s.screen.displayList = [display(1, 0, 0, 1920, 1080, true), display(2, 1920, -200, 1280, 1024)];
    s.screen.at = { x: 2500, y: 1500 };
    s.tray().click('pause-now');
    await expect.poll(() => s.windows().state.pause.open).toBe(true);
    expect(s.windows().placedOn.pause).toBe(2);
  });
});

const PASSPHRASE = 'a long enough passphrase';
const APP: CallContext = { window: 'app' };

describe('createAttune: command-line actions', () => {
  const setUpAndUnlock = async (attune: Attune) => {
    await attune.vault.setup({ passphrase: PASSPHRASE, useKeychain: false, createRecoveryKey: false });
    expect((await attune.vault.status()).state).toBe('unlocked');
  };

  test('a second launch with an action does it in the running Attune', async () => {
    const { attune, standIns: s } = await start();
    s.windows().closeWindow('app');
    const cases = [
      ['--history', 'openView:history'],
      ['--insights', 'openView:insights'],
      ['--settings', 'openView:settings'],
      ['--help-now', 'openView:help'],
      ['--check-in', 'showPopover:shortcut'],
    ] as const;
    for (const [flag, action] of cases) {
      const before = s.windows().actions.length;
      s.secondInstance([flag]);
      expect(s.windows().actions.slice(before)).toEqual([action]);
    }
    s.secondInstance(['--pause']);
    await expect.poll(() => s.windows().state.pause.open).toBe(true);
    await setUpAndUnlock(attune);
    s.secondInstance(['--lock']);
    await expect.poll(async () => (await attune.vault.status()).state).toBe('locked');
  });

  test('a plain second launch still opens the check-in; anything not allowed is ignored and logged by name', async () => {
    const log = createMemoryLogger();
    const { standIns: s } = await start({ log });
    const before = s.windows().actions.length;
    s.secondInstance(['--quit', '--user-data-dir=/somewhere/private']);
    expect(s.windows().actions.slice(before)).toEqual(['showPopover:second-instance']);
    expect(log.lines).toContainEqual({
      level: 'info',
      message: 'command line: ignored what is not an Attune action',
      detail: { ignored: ['--quit', '--user-data-dir'], launch: 'second-instance' },
    });
    expect(JSON.stringify(log.lines)).not.toContain('/somewhere/private');
    s.secondInstance();
    expect(s.windows().actions.at(-1)).toBe('showPopover:second-instance');
  });

  test('the first start does what its command line asks, after the start-up windows', async () => {
    const dataDir = tempDir();
    await (await start({ dataDir })).attune.stop();
    const { standIns: s } = await start({ dataDir, args: ['--settings', '--check-in'] });
    expect(s.windows().actions).toEqual(['openView:settings', 'showPopover:shortcut']);
    const plain = await start({ dataDir: tempDir(), args: [] });
    expect(plain.standIns.windows().actions).toEqual(['openView:welcome']);
  });

  test('at the first start, a section asked for while the welcome loads is what the window asks for once it listens', async () => {
    const { attune, standIns: s } = await start({ args: ['--history'] });
    expect(s.windows().actions).toEqual(['openView:welcome', 'openView:history']);
    // The window opened with the welcome; History came as a `view.show` a loading page never heard.
    expect(await attune.dispatch('ui.viewAsked', undefined, APP)).toEqual({ ok: true, value: 'history' });
    // A window opened afresh shows what it was opened with: nothing asked of it since.
    s.windows().closeWindow('app');
    expect(await attune.dispatch('ui.viewAsked', undefined, APP)).toEqual({ ok: true, value: null });
    s.secondInstance(['--settings']);
    expect(await attune.dispatch('ui.viewAsked', undefined, APP)).toEqual({ ok: true, value: null });
    s.secondInstance(['--help-now']);
    expect(await attune.dispatch('ui.viewAsked', undefined, APP)).toEqual({ ok: true, value: 'help' });
    // Answered while locked too: the lock screen stands in front of whichever section is wanted.
    await setUpAndUnlock(attune);
    expect((await attune.dispatch('vault.lock', undefined, APP)).ok).toBe(true);
    expect(await attune.dispatch('ui.viewAsked', undefined, APP)).toEqual({ ok: true, value: 'help' });
  });

  test('a launch handed over while Attune is still starting is acted on once it has started', async () => {
    let early: (() => void) | null = null;
    const platform = standInPlatform({ dataDir: tempDir() });
    const whenReady = platform.app.whenReady;
    platform.app.whenReady = async () => {
      early = () => platform.standIns.secondInstance(['--history']);
      early();
      return whenReady();
    };
    const outcome = await createAttune(platform);
    if (outcome.kind === 'started') running.push(outcome.attune);
    expect(early).not.toBeNull();
    expect(platform.standIns.windows().actions).toContain('openView:history');
  });
});

describe('createAttune: the Wayland shortcut portal', () => {
  test('Chromium’s global-shortcuts portal is turned on before ready on Linux under Wayland, and only there', async () => {
    const wayland = await start({ env: { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' } });
    expect(wayland.standIns.chromiumFeatures).toEqual(['GlobalShortcutsPortal']);
    const x11 = await start({ env: { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' } });
    expect(x11.standIns.chromiumFeatures).toEqual([]);
    const mac = await start({ os: 'darwin', env: { WAYLAND_DISPLAY: 'wayland-0' } });
    expect(mac.standIns.chromiumFeatures).toEqual([]);
  });
});
