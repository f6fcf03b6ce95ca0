import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { type Harness, startHarness } from '../harness/harness-server';
import { PASSPHRASE, tabTo, unlockFromHistory } from './checkin-steps';
import { expect, screenshot, seriousA11yViolations, test } from './fixtures';

/**
 * Issue #14: the vault folder put back from an older copy while Attune was
 * closed. History says so calmly and offers two choices; nothing of the
 * older history shows until the person opens it anyway, and a check-in
 * deleted since stays deleted.
 */
test.use({ viewport: { width: 880, height: 660 } });

const vaultDir = (dataDir: string) => join(dataDir, 'vault');
const note = (text: string) => ({ kind: 'check-in' as const, data: { states: ['freeze' as const], needs: [], note: text } });

/** "kept" and "deleted later" are copied aside; then "deleted later" is deleted and "newer" saved; then the copy is put back. */
const olderFolderPutBack = async (dataDir: string): Promise<void> => {
  const copy = join(dataDir, 'older-copy');
  const first = await startHarness({ dataDir });
  try {
    const vault = first.attune?.vault;
    if (!vault) throw new Error('Attune did not start');
    await vault.setup({ passphrase: PASSPHRASE, useKeychain: false, createRecoveryKey: false });
    await vault.append(note('kept'));
    const doomed = await vault.append(note('deleted later'));
    await vault.close();
    cpSync(vaultDir(dataDir), copy, { recursive: true });
    await vault.unlock({ method: 'passphrase', passphrase: PASSPHRASE });
    await vault.delete(doomed.id);
    await vault.append(note('newer'));
  } finally {
    await first.close();
  }
  rmSync(vaultDir(dataDir), { recursive: true });
  cpSync(copy, vaultDir(dataDir), { recursive: true });
  rmSync(copy, { recursive: true });
};

let harness: Harness | undefined;
test.afterEach(async ({ page }) => {
  // The page first: a window still open on a closed harness fails its late requests, and the test with them.
  await page.goto('about:blank');
  await harness?.close();
  harness = undefined;
});

test('an older copy of the history: History asks, shows nothing of it, and opens it without what was deleted', async ({
  page,
  dataDir,
}) => {
  await olderFolderPutBack(dataDir);
  harness = await startHarness({ dataDir });

  await unlockFromHistory(page, harness.url);

  const notice = page.getByRole('region', { name: 'This history looks older than the last one Attune saw' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Check-ins you deleted stay deleted, whichever you choose.');
  await expect(page.getByText('kept')).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, 'older-history-notice');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ forcedColors: 'active', colorScheme: scheme });
    // Buttons ease their colours: the picture waits for that to end.
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `older-history-notice-forced-${scheme}`);
  }
  await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });

  await page.getByRole('button', { name: 'Open it anyway' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByText('kept', { exact: true })).toBeVisible();
  await expect(page.getByText('deleted later')).toHaveCount(0);
  await expect(page.getByText('newer')).toHaveCount(0);
  expect(harness.calls.filter((channel) => channel === 'vault.acceptOlder')).toHaveLength(1);
  await screenshot(page, 'older-history-opened');
});

test.describe('at 200%', () => {
  test.use({ viewport: { width: 440, height: 330 }, deviceScaleFactor: 2 });
  test('the notice reads in order and both choices are in reach by keyboard', async ({ page, dataDir }) => {
    await olderFolderPutBack(dataDir);
    harness = await startHarness({ dataDir });
    await unlockFromHistory(page, harness.url);
    const notice = page.getByRole('region', { name: 'This history looks older than the last one Attune saw' });
    await expect(notice).toBeVisible();
    await notice.getByRole('heading').scrollIntoViewIfNeeded();
    await expect(notice.getByRole('heading')).toBeInViewport({ ratio: 1 });
    await screenshot(page, 'older-history-notice-200');
    for (const name of ['Keep looking', 'Open it anyway']) {
      await tabTo(page, name);
      await expect(page.getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 });
    }
    await screenshot(page, 'older-history-notice-200-choices');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
