import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from '@playwright/test';

import { listEntries, openAppView, openPrompt, PASSPHRASE, primaryButton, setUpVault } from './checkin-steps';
import { expect, screenshot, seriousA11yViolations, setColorScheme, test } from './fixtures';

/**
 * The first save sets the private history up inline and shows the recovery
 * key. The check-in is saved before the key is shown, so closing the key
 * screen never loses it; and a key counts (can open the history) only once
 * the person says they have written it down.
 */
const toSetUpForm = async (page: Page, url: string) => {
  await openPrompt(page, url);
  await page.getByText('Freeze', { exact: true }).click();
  await primaryButton(page).click();
  await primaryButton(page).click();
  // The step screen shows once its suggestions are in; Save is only there then.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('One small step');
  await primaryButton(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keep your history private');
};

const firstCheckInToRecoveryKey = async (page: Page, url: string) => {
  await toSetUpForm(page, url);
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
    // …and offers to make one, right there.
    await expect(page.getByRole('button', { name: 'Make a recovery key' })).toBeVisible();
    expect((await vaultStatus(page)).methods.recovery).toBe(false);
  });
});

/**
 * The control is on screen once scrolled to: a person can reach and press it. (At 200% the scroll
 * can stop a fraction of a CSS pixel short of the last button's edge, so "wholly" is 95%.)
 */
const expectReachable = async (page: Page, name: string) => {
  const button = page.getByRole('button', { name, exact: true });
  await button.scrollIntoViewIfNeeded();
  await expect(button).toBeInViewport({ ratio: 0.95 });
};

test.describe('recovery key: copy and save as file, through main', () => {
  test('Copy says so, and the clipboard holds the key (nothing kept by copying)', async ({ page, harness }) => {
    await firstCheckInToRecoveryKey(page, harness.url);
    const key = (await page.locator('.key').innerText()).trim();
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied.' })).toHaveText(
      'Copied. Attune clears it from the clipboard in a minute.',
    );
    expect(harness.standIns.clipboard.text).toBe(key);
    expect((await vaultStatus(page)).methods.recovery).toBe(false);
    await screenshot(page, 'recovery-key-copied-popover-light');
    // A minute on, main takes it off the clipboard again.
    harness.advanceClock(60_000);
    await expect.poll(() => harness.standIns.clipboard.text).toBe('');
    await page.getByRole('button', { name: 'I’ve written it down' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noted.');
    expect((await vaultStatus(page)).methods.recovery).toBe(true);
  });

  test('Save as file writes the key, owner-only, where the dialog answered, and the key then opens the history', async ({
    page,
    harness,
  }) => {
    const folder = mkdtempSync(join(tmpdir(), 'attune-key-'));
    try {
      await firstCheckInToRecoveryKey(page, harness.url);
      const key = (await page.locator('.key').innerText()).trim();
      const chosen = join(folder, 'my recovery key.txt');
      harness.nextSavePath = chosen;
      await page.getByRole('button', { name: 'Save as file…' }).click();
      await expect(page.getByText('Saved as my recovery key.txt. This key now opens your history.')).toBeVisible();
      expect(readFileSync(chosen, 'utf8')).toContain(key);
      expect(readFileSync(chosen, 'utf8').split('\n')[0]).toContain('Attune recovery key');
      expect(statSync(chosen).mode & 0o777).toBe(0o600);
      await screenshot(page, 'recovery-key-saved-popover-light');
      await expect(page.getByRole('button', { name: 'Done', exact: true })).toBeFocused();
      expect((await vaultStatus(page)).methods.recovery).toBe(true);
      await page.getByRole('button', { name: 'Done', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noted.');
      expect(await listEntries(page)).toHaveLength(1);
      expect((await page.evaluate(() => window.attune.vault.lock())).ok).toBe(true);
      expect((await page.evaluate((k) => window.attune.vault.unlock({ method: 'recovery', recoveryKey: k }), key)).ok).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('cancelling the save dialog says nothing was saved, and the key still waits', async ({ page, harness }) => {
    await firstCheckInToRecoveryKey(page, harness.url);
    harness.nextSavePath = null;
    await page.getByRole('button', { name: 'Save as file…' }).click();
    await expect(page.getByText('Nothing was saved.')).toBeVisible();
    expect((await vaultStatus(page)).methods.recovery).toBe(false);
    await expect(page.getByRole('button', { name: 'I’ve written it down' })).toBeVisible();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the key screen fits the popover, every button reachable (${scheme})`, async ({ page, harness }) => {
      await setColorScheme(page, scheme);
      await firstCheckInToRecoveryKey(page, harness.url);
      await screenshot(page, `recovery-key-popover-${scheme}`);
      for (const name of ['Copy', 'Save as file…', 'I’ve written it down']) await expectReachable(page, name);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  }
});

test.describe('setting up on a computer without a keychain', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`one sentence says so, and the passphrase rule is there before typing (${scheme})`, async ({ page, harness }) => {
      await setColorScheme(page, scheme);
      await toSetUpForm(page, harness.url);
      await expect(page.getByText('This computer has no keychain Attune can use, so a passphrase protects your history.')).toBeVisible();
      const field = page.getByLabel('Passphrase', { exact: true });
      await expect(field).toHaveAccessibleDescription('At least 8 characters.');
      await expect(page.getByText('At least 8 characters.')).toBeVisible();
      await screenshot(page, `setup-no-keychain-popover-${scheme}`);
      for (const name of ['Set up and save', 'Back']) await expectReachable(page, name);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  }
});

test('Settings offers a new recovery key when none was kept, and it can be copied and kept there', async ({ page, harness }) => {
  await page.setViewportSize({ width: 880, height: 660 });
  await page.goto(`${harness.url}/#popover`);
  await setUpVault(page);
  await openAppView(page, harness.url, 'settings');
  await expect(page.getByText('There is no recovery key.')).toBeVisible();
  await page.getByRole('button', { name: 'Make a recovery key' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeFocused();
  const key = (await page.locator('.key').innerText()).trim();
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  // The copy goes through main: the click returns before it lands (a busy CI machine showed it empty here once).
  await expect.poll(() => harness.standIns.clipboard.text).toBe(key);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'I’ve written it down' }).click();
  await expect(page.getByText('With your recovery key, if the passphrase is lost')).toBeVisible();
  await expect(page.getByText('There is no recovery key.')).toHaveCount(0);
  expect((await vaultStatus(page)).methods.recovery).toBe(true);
});

test.describe('the key screen at 200% and in forced colours', () => {
  test.use({ deviceScaleFactor: 2 });
  test.slow();

  test('at 200% (half the CSS pixels): the heading shows, and the key and every button can be scrolled to', async ({ page, harness }) => {
    await firstCheckInToRecoveryKey(page, harness.url);
    await page.setViewportSize({ width: 190, height: 290 });
    await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Get help now' })).toBeInViewport({ ratio: 1 });
    await screenshot(page, 'recovery-key-popover-light-200');
    await page.locator('.key').scrollIntoViewIfNeeded();
    await expect(page.locator('.key')).toBeInViewport({ ratio: 1 });
    await page.getByRole('button', { name: 'I’ve written it down' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'recovery-key-popover-light-200-end');
    for (const name of ['Copy', 'Save as file…', 'I’ve written it down']) await expectReachable(page, name);
  });

  test('in forced colours every button is drawn as one, and axe finds nothing serious', async ({ page, harness }) => {
    await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
    await firstCheckInToRecoveryKey(page, harness.url);
    await screenshot(page, 'recovery-key-popover-forced');
    for (const name of ['Copy', 'Save as file…', 'I’ve written it down']) await expectReachable(page, name);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
