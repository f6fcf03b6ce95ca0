import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from '@playwright/test';

import { type Harness, startHarness } from '../harness/harness-server';
import { PASSPHRASE, unlockFromHistory } from './checkin-steps';
import { expect, screenshot, seriousA11yViolations, test } from './fixtures';

/**
 * A check-in taken out of the journal while Attune was closed: the unlock
 * that finds it repairs the files, and History keeps a note about it —
 * across a restart — until the person removes it. Keyboard only.
 */
test.use({ viewport: { width: 880, height: 660 } });

const journal = (dataDir: string) => join(dataDir, 'vault', 'journal.log');

/** Four check-ins in the journal, then Attune closed. */
const historyOfFour = async (dataDir: string): Promise<void> => {
  const first = await startHarness({ dataDir });
  try {
    const vault = first.attune?.vault;
    if (!vault) throw new Error('Attune did not start');
    await vault.setup({ passphrase: PASSPHRASE, useKeychain: false, createRecoveryKey: false });
    for (const note of ['one', 'two', 'three', 'four'])
      await vault.append({ kind: 'check-in', data: { states: ['freeze'], needs: [], note } });
  } finally {
    await first.close();
  }
};

const removeSecondLine = (dataDir: string): void => {
  const lines = readFileSync(journal(dataDir), 'latin1').split('\n');
  lines.splice(1, 1);
  writeFileSync(journal(dataDir), lines.join('\n'), 'latin1');
};

const unlockHistory = async (page: Page, harness: Harness): Promise<void> => {
  await unlockFromHistory(page, harness.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('History');
};

let harness: Harness | undefined;
test.afterEach(async ({ page }) => {
  // The page first: a window still open on a closed harness fails its late requests, and the test with them.
  await page.goto('about:blank');
  await harness?.close();
  harness = undefined;
});

test('a check-in gone from the file: History keeps a note across a restart until it is removed', async ({ page, dataDir }) => {
  await historyOfFour(dataDir);
  removeSecondLine(dataDir);

  // The unlock that finds it repairs the files; a restart later finds nothing new, yet the note is still there.
  harness = await startHarness({ dataDir });
  await unlockHistory(page, harness);
  await expect(page.getByRole('region', { name: /^Attune noticed a change in your history/ })).toBeVisible();
  // The window goes with the app that quits (a page left open on a closed harness fails its late requests).
  await page.goto('about:blank');
  await harness.close();
  harness = await startHarness({ dataDir });
  await unlockHistory(page, harness);

  const note = page.getByRole('region', { name: /^Attune noticed a change in your history/ });
  await expect(note).toBeVisible();
  await expect(note).toContainText(
    'Some entries saved earlier (check-ins or answers to them) were not in the file any more. The rest are all here.',
  );
  await expect(note).toContainText('Attune keeps this note until you remove it.');
  await expect(page.getByText('Part of your history could not be read')).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  for (const [scheme, media] of [
    ['light', { forcedColors: 'none', colorScheme: 'light' }],
    ['dark', { forcedColors: 'none', colorScheme: 'dark' }],
    ['forced', { forcedColors: 'active', colorScheme: 'light' }],
  ] as const) {
    await page.emulateMedia(media);
    // Buttons ease their colours: the picture waits for that to end.
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
    await screenshot(page, `integrity-incident-history-${scheme}`);
  }
  await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });

  const remove = page.getByRole('button', { name: /^Remove this note from / });
  for (let i = 0; i < 40 && !(await remove.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(remove).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(note).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeFocused();
  expect(harness.calls.filter((channel) => channel === 'vault.dismissIncident')).toHaveLength(1);
  await screenshot(page, 'integrity-incident-history-removed');

  // Gone for good: the next start shows no note.
  await page.goto('about:blank');
  await harness.close();
  harness = await startHarness({ dataDir });
  await unlockHistory(page, harness);
  await expect(page.locator('[data-entry-id]')).toHaveCount(3);
  await expect(page.getByRole('region', { name: /^Attune noticed a change in your history/ })).toHaveCount(0);
});
