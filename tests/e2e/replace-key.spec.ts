import { copyFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from '@playwright/test';

import { settingsCopy, vaultCopy } from '../../src/shared/copy';
import { type Harness, startHarness } from '../harness/harness-server';
import { listEntries, openAppView, PASSPHRASE, setUpWithRecoveryKey, tabTo } from './checkin-steps';
import { expect, screenshot, seriousA11yViolations, test } from './fixtures';

/**
 * Settings › Privacy › Replace the encryption key (issue 14): a new key for
 * the whole history, the passphrase staying. Keyboard only: Esc closes it
 * once, a second press while it runs does nothing, the new recovery key is
 * shown once, and afterwards the passphrase and the new recovery key open
 * everything while the old recovery key and an old vault.json open nothing.
 */
const t = settingsCopy.privacy;
const k = t.newKey;
const ENTRIES = 3;
const keyFile = (dataDir: string) => join(dataDir, 'vault', 'vault.json');
const replaceCalls = (harness: Harness) => harness.calls.filter((channel) => channel === 'vault.replaceKey').length;

let harness: Harness | undefined;
test.afterEach(async ({ page }) => {
  // The page first: a window still open on a closed harness fails its late requests, and the test with them.
  await page.goto('about:blank');
  await harness?.close();
  harness = undefined;
});

/** Settings, then the jump link to Privacy, then Tab to the option: the way a keyboard-only person gets there. */
const toReplaceKey = async (page: Page, url: string): Promise<void> => {
  await openAppView(page, url, 'settings');
  await expect(page.getByRole('heading', { level: 1, name: settingsCopy.heading })).toBeFocused();
  await tabTo(page, settingsCopy.sections.privacy);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: settingsCopy.sections.privacy })).toBeFocused();
  await tabTo(page, k.start);
};

/** A fresh history with a recovery key, and focus on the option in Settings › Privacy; answers the Privacy region. */
const atReplaceKey = async (page: Page, dataDir: string) => {
  harness = await startHarness({ dataDir });
  await setUpWithRecoveryKey(page, harness.url, ENTRIES);
  await toReplaceKey(page, harness.url);
  return page.getByRole('region', { name: settingsCopy.sections.privacy });
};

const unlock = (page: Page, credential: { method: 'passphrase'; passphrase: string } | { method: 'recovery'; recoveryKey: string }) =>
  page.evaluate((c) => window.attune.vault.unlock(c), credential);

test.describe('replace the encryption key', () => {
  test.use({ viewport: { width: 880, height: 660 } });

  test('keyboard only: Esc once, a double press runs it once, then only the passphrase and the new recovery key open it', async ({
    page,
    dataDir,
  }) => {
    harness = await startHarness({ dataDir });
    const oldRecoveryKey = await setUpWithRecoveryKey(page, harness.url, ENTRIES);
    const before = await listEntries(page);
    copyFileSync(keyFile(dataDir), join(dataDir, 'vault.json.old'));

    await toReplaceKey(page, harness.url);
    const privacy = page.getByRole('region', { name: settingsCopy.sections.privacy });
    await expect(privacy.getByRole('button', { name: k.start })).toHaveAccessibleDescription(k.hint);

    // Open, start typing, and change one's mind: Esc closes it, nothing is sent, focus is back on the button.
    await page.keyboard.press('Enter');
    const form = privacy.getByRole('form', { name: k.heading });
    await expect(form).toHaveAccessibleDescription(k.what);
    await expect(privacy.getByLabel(t.current, { exact: true })).toBeFocused();
    await page.keyboard.type('a long');
    await page.keyboard.press('Escape');
    await expect(form).toHaveCount(0);
    await expect(privacy.getByRole('button', { name: k.start })).toBeFocused();
    expect(replaceCalls(harness)).toBe(0);

    // Again, to the end: the confirm button pressed twice in a row runs it once.
    await page.keyboard.press('Enter');
    await expect(privacy.getByLabel(t.current, { exact: true })).toHaveValue('');
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Tab');
    await expect(privacy.getByRole('button', { name: k.confirm })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(privacy.getByRole('heading', { name: vaultCopy.recovery.heading })).toBeVisible({ timeout: 60_000 });
    await expect(privacy.getByRole('status').filter({ hasText: k.done(true) })).toBeVisible();
    expect(replaceCalls(harness)).toBe(1);
    // The new recovery key takes focus, as at set-up.
    await expect(privacy.getByRole('heading', { name: vaultCopy.recovery.heading })).toBeFocused();
    const newRecoveryKey = (await privacy.locator('.key').innerText()).trim();
    expect(newRecoveryKey).not.toBe(oldRecoveryKey);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The person has written it down.
    await tabTo(page, vaultCopy.recovery.done);
    await page.keyboard.press('Enter');
    await expect(privacy.getByRole('heading', { name: vaultCopy.recovery.heading })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 2, name: settingsCopy.sections.privacy })).toBeFocused();
    expect(await listEntries(page)).toEqual(before);

    expect((await page.evaluate(() => window.attune.vault.lock())).ok).toBe(true);
    expect(await unlock(page, { method: 'recovery', recoveryKey: oldRecoveryKey })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    expect(await unlock(page, { method: 'recovery', recoveryKey: newRecoveryKey })).toMatchObject({
      ok: true,
      value: { entryCount: ENTRIES },
    });
    expect((await page.evaluate(() => window.attune.vault.lock())).ok).toBe(true);
    expect(await unlock(page, { method: 'passphrase', passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
      value: { entryCount: ENTRIES },
    });
    expect(replaceCalls(harness)).toBe(1);

    // An old copy of vault.json (a backup from before) with the same passphrase: its key opens nothing saved now.
    // The page first: Settings follows every lock and unlock with requests, and a closed harness would refuse them.
    await page.goto('about:blank');
    await harness.close();
    copyFileSync(join(dataDir, 'vault.json.old'), keyFile(dataDir));
    harness = await startHarness({ dataDir });
    await page.goto(`${harness.url}/#app/history`);
    const withOldFile = await unlock(page, { method: 'passphrase', passphrase: PASSPHRASE });
    expect(withOldFile).toMatchObject({ ok: true, value: { entryCount: 0 } });
    expect(await listEntries(page)).toEqual([]);
  });

  test('forced colours, light and dark: the option, its form, and the new recovery key afterwards', async ({ page, dataDir }) => {
    const privacy = await atReplaceKey(page, dataDir);
    const looks = async (name: string): Promise<void> => {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ forcedColors: 'active', colorScheme: scheme });
        await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
        expect(await seriousA11yViolations(page)).toEqual([]);
        await screenshot(page, `${name}-forced-${scheme}`);
      }
      await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
    };
    await looks('replace-key-idle');

    await page.keyboard.press('Enter');
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Tab');
    await looks('replace-key-form');
    await page.keyboard.press('Enter');
    const heading = privacy.getByRole('heading', { name: vaultCopy.recovery.heading });
    await expect(heading).toBeVisible({ timeout: 60_000 });
    await heading.scrollIntoViewIfNeeded();
    await looks('replace-key-done');
  });
});

test.describe('replace the encryption key at 200%', () => {
  test.use({ viewport: { width: 440, height: 330 }, deviceScaleFactor: 2 });

  test('the option, the form and the new recovery key fit the width and are reached by keyboard', async ({ page, dataDir }) => {
    const privacy = await atReplaceKey(page, dataDir);
    const start = privacy.getByRole('button', { name: k.start });
    await expect(start).toBeFocused();
    // Reached by Tab: the button, its focus ring and the line that describes it are in view, with no scrolling by hand.
    await expect(start).toBeInViewport({ ratio: 1 });
    await expect(privacy.getByText(k.hint)).toBeInViewport({ ratio: 1 });
    const noSideways = () => page.evaluate(() => document.scrollingElement!.scrollWidth <= document.scrollingElement!.clientWidth);
    expect(await noSideways()).toBe(true);
    await screenshot(page, 'replace-key-idle-200');

    await page.keyboard.press('Enter');
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Tab');
    await expect(privacy.getByRole('button', { name: k.confirm })).toBeInViewport({ ratio: 1 });
    expect(await noSideways()).toBe(true);
    await screenshot(page, 'replace-key-form-200');

    await page.keyboard.press('Enter');
    const heading = privacy.getByRole('heading', { name: vaultCopy.recovery.heading });
    await expect(heading).toBeVisible({ timeout: 60_000 });
    await heading.scrollIntoViewIfNeeded();
    expect(await noSideways()).toBe(true);
    await screenshot(page, 'replace-key-done-200');
    await privacy
      .getByRole('status')
      .filter({ hasText: k.done(true) })
      .scrollIntoViewIfNeeded();
    await screenshot(page, 'replace-key-done-200-confirmation');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
