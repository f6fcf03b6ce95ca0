import type { Page } from '@playwright/test';

import { listEntries, openAppView, openPrompt, PASSPHRASE, primaryButton } from './checkin-steps';
import { expect, test } from './fixtures';

/**
 * The first save sets the private history up inline and shows the recovery
 * key. The check-in is saved before the key is shown, so closing the key
 * screen never loses it; and a key counts (can open the history) only once
 * the person says they have written it down.
 */
const firstCheckInToRecoveryKey = async (page: Page, url: string) => {
  await openPrompt(page, url);
  await page.getByText('Freeze', { exact: true }).click();
  await primaryButton(page).click();
  await primaryButton(page).click();
  // The step screen shows once its suggestions are in; Save is only there then.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('One small step');
  await primaryButton(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keep your history private');
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type it again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Set up and save' }).click();
  // Setting up stretches the passphrase (scrypt), which takes a while on a busy machine.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your recovery key', { timeout: 20_000 });
};

const vaultStatus = async (page: Page) => {
  const result = await page.evaluate(() => window.attune.vault.status());
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
};

test.describe('recovery key after the first check-in', () => {
  for (const how of ['Esc', 'Close'] as const) {
    test(`${how} on the key screen keeps the check-in, and leaves no key the person did not confirm`, async ({ page, harness }) => {
      await firstCheckInToRecoveryKey(page, harness.url);
      // The key screen says the check-in is already safe.
      await expect(page.getByText('Your check-in is saved.')).toBeVisible();
      if (how === 'Esc') await page.keyboard.press('Escape');
      else await page.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => harness.uiActions).toContain('hidePopover');
      expect(await listEntries(page)).toMatchObject([{ kind: 'check-in', data: { states: ['freeze'] } }]);
      // Never confirmed: no recovery key opens this history, and Settings can say so plainly.
      expect((await vaultStatus(page)).methods).toEqual({ keychain: false, passphrase: true, recovery: false });
      // A fresh check-in starts next time, not the key screen.
      harness.emit('popover.shown', { reason: 'tray' });
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is here right now?');
      // Focus lands once the reopen has finished asking main (lock, follow-up): nothing is left in flight.
      await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    });
  }

  test('“I’ve written it down” keeps the key (it opens the history), then says “Noted.”', async ({ page, harness }) => {
    await firstCheckInToRecoveryKey(page, harness.url);
    const key = (await page.locator('.key').innerText()).trim();
    await page.getByRole('button', { name: 'I’ve written it down' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noted.');
    expect(await listEntries(page)).toHaveLength(1);
    expect((await vaultStatus(page)).methods.recovery).toBe(true);
    expect((await page.evaluate(() => window.attune.vault.lock())).ok).toBe(true);
    expect((await page.evaluate((k) => window.attune.vault.unlock({ method: 'recovery', recoveryKey: k }), key)).ok).toBe(true);
    expect(await listEntries(page)).toHaveLength(1);
  });

  test('a window that lost focus on the key screen shows the key again when it comes back', async ({ page, harness }) => {
    await firstCheckInToRecoveryKey(page, harness.url);
    const key = (await page.locator('.key').innerText()).trim();
    harness.emit('popover.shown', { reason: 'tray' });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your recovery key');
    await expect(page.locator('.key')).toHaveText(key);
    expect(await listEntries(page)).toHaveLength(1);
  });

  test('first run in the app window: leaving the key screen unconfirmed keeps no key, and Settings says so', async ({ page, harness }) => {
    await page.setViewportSize({ width: 880, height: 660 });
    await openAppView(page, harness.url, 'welcome');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Type it again').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Set up', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your recovery key', { timeout: 20_000 });
    await expect(page.getByText('If you close this first, no recovery key is made.', { exact: false })).toBeVisible();
    // The window is closed (or left for another section) without "I’ve written it down".
    await openAppView(page, harness.url, 'settings');
    await expect(page.getByText('There is no recovery key.')).toBeVisible();
    expect((await vaultStatus(page)).methods.recovery).toBe(false);
  });
});
