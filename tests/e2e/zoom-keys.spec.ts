import type { Page } from '@playwright/test';

import type { Harness } from '../harness/harness-server';
import { lockVault, openAppView, openPrompt, setUpVault } from './checkin-steps';
import { expect, test } from './fixtures';

/**
 * Ctrl + `=`/`-`/`0` in any window: the zoom is saved in settings and main zooms every
 * window to it (the harness's stand-in windows record what Electron's setZoomFactor would get).
 */
const savedZoom = (harness: Harness) => harness.attune?.settings.get().appearance.zoomPercent;
const zoomIs = async (harness: Harness, percent: number) => {
  await expect.poll(() => savedZoom(harness)).toBe(percent);
  expect(harness.windows().zoom.popover).toBe(percent);
};
const heading = (page: Page) => page.getByRole('heading', { level: 1 });

test.describe('zoom keys', () => {
  test('on the lock screen, with focus in the passphrase field: zooms without typing into it', async ({ page, harness }) => {
    await openPrompt(page, harness.url);
    await setUpVault(page);
    await lockVault(page);
    await expect(heading(page)).toHaveText('Attune is locked');
    const passphrase = page.getByLabel('Passphrase');
    await passphrase.fill('ab');
    await passphrase.focus();
    await page.keyboard.press('Control+Equal');
    await zoomIs(harness, 110);
    await page.keyboard.press('Control+Equal');
    await zoomIs(harness, 125);
    await page.keyboard.press('Control+Minus');
    await zoomIs(harness, 110);
    await expect(passphrase).toHaveValue('ab');
    await expect(passphrase).toBeFocused();
  });

  test('in the app and pause windows, with + and the number pad; Ctrl+0 goes back to 100%', async ({ page, context, harness }) => {
    await openAppView(page, harness.url, 'settings');
    await expect(heading(page)).toHaveText('Settings');
    await page.keyboard.press('Control+Shift+Equal');
    await zoomIs(harness, 110);
    await page.keyboard.press('Control+NumpadAdd');
    await zoomIs(harness, 125);
    expect(harness.windows().zoom.app).toBe(125);

    const pause = await context.newPage();
    await pause.goto(`${harness.url}/#pause`);
    await expect(heading(pause)).toBeVisible();
    // A window that opens gets the zoom already chosen.
    expect(harness.windows().zoom.pause).toBe(125);
    await pause.keyboard.press('Control+NumpadSubtract');
    await zoomIs(harness, 110);
    await pause.keyboard.press('Control+0');
    await zoomIs(harness, 100);
    expect(harness.windows().zoom).toEqual({ popover: 100, app: 100, pause: 100 });
    // The rest of the appearance section is as it was.
    expect(harness.attune?.settings.get().appearance).toEqual({
      theme: 'system',
      motion: 'system',
      discreet: true,
      zoomPercent: 100,
      language: 'system',
    });
  });
});
