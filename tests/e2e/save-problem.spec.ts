import type { Locator, Page } from '@playwright/test';

import { listEntries, lockVault, openAppView, openPrompt, PASSPHRASE, primaryButton, setUpVault } from './checkin-steps';
import { expect, screenshot, seriousA11yViolations, test } from './fixtures';

/**
 * A save that does not work (a full disk) says so where the person can see it,
 * inside the 380×580 popover and clear of its footer, and leaves focus
 * somewhere useful (never on the page body), so Enter can try again.
 */
const focusIsOnBody = (page: Page) => page.evaluate(() => document.activeElement === null || document.activeElement === document.body);

/** The message box sits inside the window and above the footer (not under it). */
const expectFullyShown = async (page: Page, message: Locator) => {
  await expect(message).toBeInViewport({ ratio: 1 });
  const box = await message.boundingBox();
  const footer = await page.locator('footer').boundingBox();
  expect(box && footer && box.y + box.height <= footer.y + 0.5, 'the message ends above the footer').toBe(true);
};

const toStepWithAFullPage = async (page: Page, url: string) => {
  await openPrompt(page, url);
  await setUpVault(page);
  // Enough chosen and written that the last screen scrolls.
  await page.getByText('Freeze', { exact: true }).click();
  await primaryButton(page).click();
  await page.getByText('Rest', { exact: true }).click();
  await primaryButton(page).click();
  await page.getByRole('radio').last().click();
  await page.getByRole('textbox', { name: 'My own step' }).fill('sit by the window');
  await page.getByLabel('A note for yourself (optional)').fill('a longer note\nover\nseveral\nlines');
};

test.describe('a save that does not work', () => {
  test('Enter on Save: focus goes to Try again (not the body), and the message shows above the footer', async ({ page, harness }) => {
    await toStepWithAFullPage(page, harness.url);
    harness.failNextVaultWrite();
    await primaryButton(page).focus();
    await page.keyboard.press('Enter');
    const message = page.getByRole('status').filter({ hasText: 'Couldn’t save just now' });
    await expect(message).toContainText('your entry is kept in this window');
    await expect(primaryButton(page)).toHaveText('Try again');
    expect(await focusIsOnBody(page)).toBe(false);
    await expect(primaryButton(page)).toBeFocused();
    await expectFullyShown(page, message);
    await screenshot(page, 'checkin-save-problem');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Enter again tries again, from where focus is.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noted.');
    expect(await listEntries(page)).toHaveLength(1);
  });

  test('Ctrl+Enter in the own-step field (Enter alone does not save): the message shows, and focus is not lost', async ({
    page,
    harness,
  }) => {
    await toStepWithAFullPage(page, harness.url);
    harness.failNextVaultWrite();
    await page.getByRole('textbox', { name: 'My own step' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'My own step' })).toBeFocused();
    expect(harness.calls).not.toContain('vault.append');
    await page.keyboard.press('Control+Enter');
    const message = page.getByRole('status').filter({ hasText: 'Couldn’t save just now' });
    await expect(message).toBeVisible();
    expect(await focusIsOnBody(page)).toBe(false);
    await expect(primaryButton(page)).toBeFocused();
    await expectFullyShown(page, message);
  });

  test('a click on Save: the same', async ({ page, harness }) => {
    await toStepWithAFullPage(page, harness.url);
    harness.failNextVaultWrite();
    await primaryButton(page).click();
    const message = page.getByRole('status').filter({ hasText: 'Couldn’t save just now' });
    await expect(message).toBeVisible();
    expect(await focusIsOnBody(page)).toBe(false);
    await expectFullyShown(page, message);
  });

  test('the lock screen: a wrong passphrase by click leaves focus in the passphrase field, ready to type again', async ({
    page,
    harness,
  }) => {
    await openPrompt(page, harness.url);
    await setUpVault(page);
    await lockVault(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Attune is locked');
    const field = page.getByLabel('Passphrase');
    await field.fill('not the passphrase');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('did not unlock');
    expect(await focusIsOnBody(page)).toBe(false);
    await expect(field).toBeFocused();
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is here right now?');
  });

  test('the follow-up: a save that does not work keeps focus on Save, with the message in view', async ({ page, harness }) => {
    await openPrompt(page, harness.url);
    await setUpVault(page);
    const checkIn = await page.evaluate(() =>
      window.attune.vault.append({
        kind: 'check-in',
        data: { states: ['freeze'], needs: ['rest'], step: { id: 'drink-water', text: 'Get a glass of water' } },
      }),
    );
    expect(checkIn.ok).toBe(true);
    harness.advanceClock(25 * 60_000);
    harness.emit('popover.shown', { reason: 'tray' });
    await page.getByRole('button', { name: /^Did that help\?/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Did that help?');
    await page.getByRole('radio', { name: 'A bit' }).click();
    harness.failNextVaultWrite();
    await page.getByRole('button', { name: 'Save' }).click();
    const message = page.getByRole('status').filter({ hasText: 'Couldn’t save just now' });
    await expect(message).toBeInViewport({ ratio: 1 });
    expect(await focusIsOnBody(page)).toBe(false);
    await expect(page.getByRole('button', { name: 'Save' })).toBeFocused();
  });

  test('Settings, change passphrase: a wrong current passphrase by click leaves focus in that field', async ({ page, harness }) => {
    await openPrompt(page, harness.url);
    await setUpVault(page);
    await page.setViewportSize({ width: 880, height: 660 });
    await openAppView(page, harness.url, 'settings');
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    const current = page.getByLabel('Current passphrase');
    await current.fill('not the passphrase');
    await page.getByLabel('New passphrase').fill('a brand new passphrase');
    await page.getByLabel('Type it again').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Save new passphrase' }).click();
    await expect(page.getByText(/did not unlock/)).toBeVisible();
    expect(await focusIsOnBody(page)).toBe(false);
    await expect(current).toBeFocused();
  });
});
