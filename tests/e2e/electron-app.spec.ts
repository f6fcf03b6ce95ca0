import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { ELECTRON_SKIP_REASON, electronBinary } from './electron-skip-reason';

/**
 * The real app under Electron: tray, popover, shortcut. These machines have no
 * Electron binary (it cannot be downloaded here), so this is skipped — and
 * reported as skipped, never as passed — with one line saying why.
 */
const binary = electronBinary;

test.describe('Electron app', () => {
  test.skip(binary === null, ELECTRON_SKIP_REASON);

  test('starts with a tray icon, and the shortcut opens the popover centred and focused', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'attune-electron-'));
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [resolve('out/main/index.js'), `--user-data-dir=${userData}`],
      env: { ...process.env, ATTUNE_E2E: '1' },
    });
    try {
      await expect.poll(() => app.evaluate(() => (globalThis as { __attuneE2E?: { hasTray(): boolean } }).__attuneE2E?.hasTray() ?? false)).toBe(true);
      await app.evaluate(() => (globalThis as unknown as { __attuneE2E: { pressShortcut(): void } }).__attuneE2E.pressShortcut());
      await expect
        .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().some((w) => w.isVisible() && w.isFocused())))
        .toBe(true);
      const popover = await app.firstWindow();
      await expect(popover.getByRole('heading', { level: 1 })).toBeVisible();
      await popover.keyboard.press('Escape');
      await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().some((w) => w.isVisible()))).toBe(false);
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
