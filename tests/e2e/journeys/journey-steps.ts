import type { Page } from '@playwright/test';

import { listEntries, PASSPHRASE } from '../checkin-steps';
import { expect } from '../fixtures';
import type { AttuneDriver } from './attune-driver';

/** Steps shared by the whole-app journeys: what a person does, through the windows Attune opens. */

export const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/**
 * The popover has come up and put focus on its first question (keys go there from now on):
 * on the heading, so it is read out — or, from the shortcut, on the first choice.
 */
export const popoverIsAsking = async (page: Page, from: 'shortcut' | 'elsewhere' = 'elsewhere') => {
  await expect(heading(page)).toHaveText('What is here right now?');
  // Attune focuses the popover when it shows it; with several pages open, the page is brought to the front
  // here too, so the check below is about where focus sits in the page, not which page the browser fronts.
  await page.bringToFront();
  if (from === 'shortcut') await expect(page.getByRole('checkbox').first()).toBeFocused();
  else await expect(heading(page)).toBeFocused();
};

/**
 * A quick check-in by keyboard alone: the first state, the first need, the
 * first suggested step (Space chooses, Ctrl+Enter moves on); returns the step's words. Sets up the history inline
 * with a passphrase when it is not set up yet.
 */
export const checkInByKeyboard = async (page: Page, from: 'shortcut' | 'elsewhere' = 'elsewhere'): Promise<string> => {
  await popoverIsAsking(page, from);
  if (from !== 'shortcut') await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Control+Enter');
  await expect(heading(page)).toHaveText('What do I need right now to feel safe — or to get safe?');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Control+Enter');
  await expect(heading(page)).toHaveText('One small step');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  const chosen = page.getByRole('radio', { checked: true });
  await expect(chosen).toHaveCount(1);
  const step = (await chosen.locator('xpath=..').innerText()).trim();
  await page.keyboard.press('Control+Enter');
  return step;
};

/** Sets up the history through main's handler, as a window would (so the tray and pages hear of it). */
export const setUpHistory = async (attune: AttuneDriver) => {
  const result = await attune.dispatch('vault.setup', { passphrase: PASSPHRASE, useKeychain: false, createRecoveryKey: false }, 'app');
  expect(result.ok).toBe(true);
};

export const unlockWithPassphrase = async (page: Page) => {
  await expect(heading(page)).toHaveText('Attune is locked');
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
};

export const savedEntries = (page: Page) => listEntries(page);
