import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, test } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { DEFAULT_SETTINGS } from '../../shared/settings-schema';
import type { CallContext } from '../ipc/call-context';
import { createMemoryLogger } from '../log/logger';
import type { Attune } from './create-attune';
import type { StandIns } from './testing/stand-in-platform';
import { startStandInAttune } from './testing/start-stand-in-attune';

/**
 * Zoom through the real composition root on stand-in windows: a window saves
 * appearance.zoomPercent (Ctrl+=/-/0), and main zooms every window, open now or later.
 */
const tempDir = useTempDirs();
const running: Attune[] = [];
afterEach(async () => {
  for (const attune of running.splice(0)) await attune.stop();
});
const POPOVER: CallContext = { window: 'popover' };
const start = async (dataDir = tempDir()): Promise<{ attune: Attune; standIns: StandIns; dataDir: string }> => {
  const started = await startStandInAttune({ dataDir, log: createMemoryLogger() });
  running.push(started.attune);
  return { ...started, dataDir };
};
const zoomTo = (attune: Attune, zoomPercent: number, context: CallContext = POPOVER) =>
  attune.dispatch('settings.set', { appearance: { ...attune.settings.get().appearance, zoomPercent } }, context);

describe('createAttune: zoom', () => {
  test('a saved zoom zooms every open window, and a window opened later opens at it', async () => {
    const { attune, standIns } = await start();
    const windows = standIns.windows();
    windows.closeWindow('app'); // the first run's welcome
    expect(windows.zoom).toEqual({ popover: 100, app: null, pause: null });
    windows.openPause();
    expect(await zoomTo(attune, 150)).toMatchObject({ ok: true, value: { appearance: { zoomPercent: 150 } } });
    expect(windows.zoom).toEqual({ popover: 150, app: null, pause: 150 });
    windows.openView('history');
    expect(windows.zoom.app).toBe(150);
    await zoomTo(attune, 100, { window: 'app' });
    expect(windows.zoom).toEqual({ popover: 100, app: 100, pause: 100 });
  });

  test('the zoom is remembered: the next start opens every window at it', async () => {
    const dataDir = tempDir();
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ ...DEFAULT_SETTINGS, appearance: { ...DEFAULT_SETTINGS.appearance, zoomPercent: 200 } }),
    );
    const { standIns } = await start(dataDir);
    expect(standIns.windows().zoom.popover).toBe(200);
    standIns.windows().openPause();
    expect(standIns.windows().zoom.pause).toBe(200);
  });

  test('a zoom that is not one of the steps is refused and changes nothing', async () => {
    const { attune, standIns } = await start();
    expect(await zoomTo(attune, 133)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(standIns.windows().zoom.popover).toBe(100);
  });

  test('while locked, a window may change the zoom, and only the zoom of the appearance section', async () => {
    const { attune, standIns } = await start();
    await attune.vault.setup({ passphrase: 'the passphrase', useKeychain: false, createRecoveryKey: false });
    await attune.dispatch('vault.lock', undefined, POPOVER);
    expect(await zoomTo(attune, 200)).toMatchObject({ ok: true });
    expect(standIns.windows().zoom.popover).toBe(200);
    const outOfDiscreet = { appearance: { ...attune.settings.get().appearance, discreet: false, zoomPercent: 100 } };
    expect(await attune.dispatch('settings.set', outOfDiscreet, POPOVER)).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(attune.settings.get().appearance).toMatchObject({ discreet: true, zoomPercent: 200 });
    expect(await attune.dispatch('settings.set', { appearance: { theme: 'dark' } }, POPOVER)).toMatchObject({ ok: false });
  });
});
