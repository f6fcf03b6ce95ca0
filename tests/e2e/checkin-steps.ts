import type { Page } from '@playwright/test';

import { expect } from './fixtures';

/** Small, readable steps for the check-in specs. They drive the UI the way a person would. */
export const PASSPHRASE = 'a long quiet river';

export const openPrompt = async (page: Page, url: string) => {
  await page.goto(`${url}/#popover`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is here right now?');
  // Focus lands on the heading once the popover has checked the lock and any follow-up; keys go there.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
};

/** Sets the vault up through the real bridge (as the first-run screen would), so a spec can start from "unlocked". */
export const setUpVault = async (page: Page) => {
  const result = await page.evaluate(
    (passphrase) => window.attune.vault.setup({ useKeychain: false, passphrase, createRecoveryKey: false }),
    PASSPHRASE,
  );
  expect(result.ok).toBe(true);
};

export const lockVault = async (page: Page) => {
  expect((await page.evaluate(() => window.attune.vault.lock())).ok).toBe(true);
};

export const listEntries = async (page: Page) => {
  const result = await page.evaluate(() => window.attune.vault.list({ limit: 50 }));
  if (!result.ok) throw new Error(result.error.code);
  return result.value.entries;
};

export const primaryButton = (page: Page) => page.locator('footer .button.primary');

/** Opens the first screen's two optional questions (closed until the person opens them once). */
export const openMoreQuestions = async (page: Page) => {
  const more = page.getByRole('button', { name: 'Two more questions (optional)' });
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
};

/** A fresh page load of an app-window view (a hash-only change would not reload the page). */
export const openAppView = async (page: Page, url: string, view: string) => {
  await page.goto('about:blank');
  await page.goto(`${url}/#app/${view}`);
};

/** History on a fresh page load, locked; the passphrase typed and sent with Enter, keyboard only, as a person would. */
export const unlockFromHistory = async (page: Page, url: string, passphrase = PASSPHRASE) => {
  await page.goto(`${url}/#app/history`);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Attune is locked');
  // The lock screen focuses its heading once it has the vault's status: wait for that, so it cannot take focus mid-typing.
  await expect(heading).toBeFocused();
  const field = page.getByLabel('Passphrase');
  await field.focus();
  await page.keyboard.type(passphrase);
  // Named here rather than as a lock screen that never opens, if the words went anywhere else.
  await expect(field).toHaveValue(passphrase);
  await page.keyboard.press('Enter');
};

/** Tab (forwards) until the named button has focus: what a keyboard-only person does to reach it. */
export const tabTo = async (page: Page, name: string | RegExp) => {
  const target = page.getByRole('button', { name, exact: typeof name === 'string' });
  for (let i = 0; i < 40; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
};

/** Set up through the real bridge with a recovery key kept, and `count` check-ins saved; answers that recovery key. */
export const setUpWithRecoveryKey = async (page: Page, url: string, count = 3): Promise<string> => {
  await page.goto(`${url}/#app/history`);
  const setup = await page.evaluate(
    (passphrase) => window.attune.vault.setup({ useKeychain: false, passphrase, createRecoveryKey: true }),
    PASSPHRASE,
  );
  if (!setup.ok || setup.value.recoveryKey === null) throw new Error('setup');
  const key = setup.value.recoveryKey;
  expect((await page.evaluate((recoveryKey) => window.attune.vault.keepRecoveryKey({ recoveryKey }), key)).ok).toBe(true);
  for (let i = 0; i < count; i++) {
    const saved = await page.evaluate(() =>
      window.attune.vault.append({ kind: 'check-in', data: { states: ['freeze'], needs: ['rest'] } }),
    );
    expect(saved.ok).toBe(true);
  }
  return key;
};
