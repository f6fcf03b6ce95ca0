import type { Page } from '@playwright/test';

import { generateHistory } from '../../src/main/insights/testing/history-generator';
import type { Harness } from '../harness/harness-server';
import { setUpVault } from './checkin-steps';
import { expect } from './fixtures';

/** Steps for the insights specs: a realistic history in the real vault, then the view as a person opens it. */
const DAY_MS = 86_400_000;

/** The generator's days run to a UTC midnight; today's, so the history ends yesterday and nothing lies in the future. */
export const historyEnd = (now = Date.now()): number => Math.floor(now / DAY_MS) * DAY_MS;

/**
 * Sets the vault up through the bridge (the page must be on the harness), then appends a seeded
 * history through the harness's real VaultService.append — one entry at a time, each at its own
 * time (through the bridge every entry would be stamped "now"). Resolves to the entries appended.
 */
export const seedHistory = async (
  page: Page,
  harness: Harness,
  options: { days?: number; entries?: number; seed?: number } = {},
): Promise<number> => {
  await setUpVault(page);
  const { days = 90, seed = 11 } = options;
  const entries = generateHistory({
    seed,
    end: historyEnd(),
    ...(options.entries === undefined ? { days } : { entries: options.entries }),
  });
  return harness.seedHistory(entries);
};

/** The view has drawn its charts (not the loading line, not an empty period). */
export const chartsVisible = (page: Page) => expect(page.getByRole('img', { name: /^When: / })).toBeVisible({ timeout: 20_000 });

export const chooseReadablePeriod = async (page: Page, label: string) => {
  const radio = page.getByRole('radio', { name: label, exact: true });
  await radio.check();
  await expect(radio).toBeChecked();
};
