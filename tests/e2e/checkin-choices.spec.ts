import type { Locator, Page } from '@playwright/test';

import { listEntries, openMoreQuestions, openPrompt, primaryButton, setUpVault } from './checkin-steps';
import { expect, screenshot, seriousA11yViolations, test } from './fixtures';

/**
 * What the page shows as chosen is exactly what gets saved: for every radio
 * group in the check-in, whatever the person does to an option (click it,
 * click it again, double-click it, Space on it), the radio's own dot, the
 * highlighted card and the saved entry agree.
 */
const radio = (page: Page, name: string | RegExp): Locator => page.getByRole('radio', { name });
const card = (input: Locator): Locator => input.locator('xpath=ancestor::label[1]');

/** The dot and the card agree; returns whether the option shows as chosen. */
const shownChosen = async (input: Locator): Promise<boolean> => {
  const checked = await input.isChecked();
  await expect(card(input)).toHaveClass(checked ? /\bchosen\b/ : /^(?!.*\bchosen\b)/);
  return checked;
};

test.describe('check-in choices: shown is saved', () => {
  test('clicking an already-chosen radio again keeps it chosen, on screen and in the entry', async ({ page, harness }) => {
    await openPrompt(page, harness.url);
    await setUpVault(page);
    await openMoreQuestions(page);
    const driver = radio(page, /^Reacting first/);
    await driver.click();
    await driver.click();
    expect(await shownChosen(driver)).toBe(true);
    const capacity = radio(page, 'In between');
    await capacity.click();
    await capacity.click();
    expect(await shownChosen(capacity)).toBe(true);
    await primaryButton(page).click();
    await primaryButton(page).click();
    const step = page.getByRole('radio').first();
    await step.click();
    await step.click();
    expect(await shownChosen(step)).toBe(true);
    await primaryButton(page).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noted.');
    const [entry] = await listEntries(page);
    expect(entry).toMatchObject({ data: { driver: 'reacting', capacity: 3, step: { id: expect.any(String) } } });
  });

  test('a double-click chooses, and what shows is what is saved', async ({ page, harness }) => {
    await openPrompt(page, harness.url);
    await setUpVault(page);
    await openMoreQuestions(page);
    const driver = radio(page, /^Observing first/);
    await driver.dblclick();
    expect(await shownChosen(driver)).toBe(true);
    // On the label (where most people click), too.
    const capacity = radio(page, 'Manageable');
    await card(capacity).dblclick();
    expect(await shownChosen(capacity)).toBe(true);
    await primaryButton(page).click();
    await primaryButton(page).click();
    const step = page.getByRole('radio').nth(1);
    await card(step).dblclick();
    expect(await shownChosen(step)).toBe(true);
    // Ctrl+Enter saves from the radio itself (Enter alone only chooses).
    await step.focus();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noted.');
    const [entry] = await listEntries(page);
    expect(entry).toMatchObject({ data: { driver: 'observing', capacity: 4, step: { id: expect.any(String) } } });
  });

  test('Space on a chosen radio keeps it chosen; Ctrl+Enter then saves it', async ({ page, harness }) => {
    await openPrompt(page, harness.url);
    await setUpVault(page);
    await openMoreQuestions(page);
    const capacity = radio(page, 'Hard');
    await capacity.click();
    await capacity.focus();
    await page.keyboard.press('Space');
    expect(await shownChosen(capacity)).toBe(true);
    await page.keyboard.press('Control+Enter');
    await primaryButton(page).click();
    const step = page.getByRole('radio').first();
    await step.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Space');
    expect(await shownChosen(step)).toBe(true);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noted.');
    const [entry] = await listEntries(page);
    expect(entry).toMatchObject({ data: { capacity: 2, step: { id: expect.any(String) } } });
  });

  test('an optional answer is undone with "Clear" (by keyboard too): shown unchosen, saved without it', async ({ page, harness }) => {
    await openPrompt(page, harness.url);
    await setUpVault(page);
    await openMoreQuestions(page);
    const capacity = radio(page, 'Plenty of room');
    await capacity.click();
    await radio(page, /^Reacting first/).click();
    await screenshot(page, 'checkin-now-clear-choice');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const clear = page.getByRole('button', { name: 'Clear: How manageable does this feel? (optional)' });
    // Right after the question's options, and next in the Tab order.
    await capacity.focus();
    await page.keyboard.press('Tab');
    await expect(clear).toBeFocused();
    await expect(clear).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(clear).toHaveCount(0);
    expect(await shownChosen(capacity)).toBe(false);
    await expect(radio(page, 'Too much right now')).toBeFocused();
    await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
    await primaryButton(page).click();
    await primaryButton(page).click();
    const step = page.getByRole('radio').first();
    await step.click();
    await page.getByRole('button', { name: 'Clear: Small steps' }).click();
    expect(await shownChosen(step)).toBe(false);
    await expect(primaryButton(page)).toHaveText('Save');
    await primaryButton(page).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noted.');
    const [entry] = await listEntries(page);
    expect(entry).toMatchObject({ data: { driver: 'reacting' } });
    expect(entry?.kind === 'check-in' && entry.data.capacity).toBeFalsy();
    expect(entry?.kind === 'check-in' && entry.data.step).toBeFalsy();
  });
});
