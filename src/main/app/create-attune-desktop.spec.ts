import { afterEach, describe, expect, test } from 'vitest';
import { useTempDirs } from '../../../tests/support/temp-dir';
import type { ScreenDisplay } from '../popover/pointer-display';
import type { Attune } from './create-attune';
import type { StandInOptions } from './testing/stand-in-platform';
import { startStandInAttune } from './testing/start-stand-in-attune';

const tempDir = useTempDirs();
const running: Attune[] = [];
afterEach(async () => {
  for (const attune of running.splice(0)) await attune.stop();
});

const start = async (options: Partial<StandInOptions> = {}) => {
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
