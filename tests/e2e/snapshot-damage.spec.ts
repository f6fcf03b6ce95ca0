import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { type Harness, startHarness } from '../harness/harness-server';
import { PASSPHRASE, tabTo, unlockFromHistory } from './checkin-steps';
import { expect, screenshot, seriousA11yViolations, test } from './fixtures';

/**
 * A snapshot cut short while Attune was closed: History says so calmly and
 * offers to go on with what is left, behind a confirm; Settings › Privacy
 * then lists the set-aside copy and can delete it. Keyboard only.
 */
test.use({ viewport: { width: 880, height: 660 } });

const vaultDir = (dataDir: string) => join(dataDir, 'vault');

/** Three check-ins rolled into snapshot.bin, then Attune closed. */
const historyWithASnapshot = async (dataDir: string): Promise<void> => {
  const first = await startHarness({ dataDir });
  try {
    const vault = first.attune?.vault;
    if (!vault) throw new Error('Attune did not start');
    await vault.setup({ passphrase: PASSPHRASE, useKeychain: false, createRecoveryKey: false });
    for (const note of ['one', 'two', 'three']) await vault.append({ kind: 'check-in', data: { states: ['freeze'], needs: [], note } });
    await vault.compact();
  } finally {
    await first.close();
  }
};

/** Everything after the header frame cut off (24-byte preamble, then 4-byte-length frames). */
const cutAfterHeader = (dataDir: string): void => {
  const path = join(vaultDir(dataDir), 'snapshot.bin');
  const bytes = readFileSync(path);
  const headerEnd = 24 + 4 + bytes.readUInt32BE(24);
  expect(bytes.length).toBeGreaterThan(headerEnd);
  writeFileSync(path, bytes.subarray(0, headerEnd));
};

let harness: Harness | undefined;
test.afterEach(async ({ page }) => {
  // The page first: a window still open on a closed harness fails its late requests, and the test with them.
  await page.goto('about:blank');
  await harness?.close();
  harness = undefined;
});

test('a cut snapshot: History says so, the person chooses to go on, Privacy deletes the copy', async ({ page, dataDir }) => {
  await historyWithASnapshot(dataDir);
  cutAfterHeader(dataDir);
  harness = await startHarness({ dataDir });

  await unlockFromHistory(page, harness.url);

  const notice = page.getByRole('region', { name: 'Some earlier check-ins could not be read' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('A copy of it is kept, still encrypted, in the “recovered” folder.');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, 'snapshot-damage-history-notice');

  // Not now: nothing changes.
  await tabTo(page, 'Keep what’s left and go on…');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Keep what’s left and go on?' })).toBeFocused();
  await expect(notice).toContainText('cannot come back from this copy of your history');
  await screenshot(page, 'snapshot-damage-history-confirm');
  await tabTo(page, 'Not now');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Keep what’s left and go on…' })).toBeFocused();
  expect(harness.calls).not.toContain('vault.acceptDamage');

  // The choice, confirmed.
  await page.keyboard.press('Enter');
  await tabTo(page, 'Yes, go on with what’s left');
  await page.keyboard.press('Enter');
  await expect(notice).toContainText('Your history goes on from what could be read.');
  expect(harness.calls.filter((channel) => channel === 'vault.acceptDamage')).toHaveLength(1);
  await screenshot(page, 'snapshot-damage-history-accepted');
  const recovered = join(vaultDir(dataDir), 'recovered');
  expect(readdirSync(recovered).filter((name) => name.startsWith('incident-'))).toHaveLength(1);

  // Settings › Privacy: the copy is listed, and two steps delete it.
  await page.goto('about:blank');
  await page.goto(`${harness.url}/#app/settings`);
  const copies = page.getByRole('heading', { name: 'Set-aside copies' });
  await expect(copies).toBeVisible();
  await expect(page.getByText('1 file is in the “recovered” folder beside your history.', { exact: false })).toBeVisible();
  await tabTo(page, 'Delete the set-aside copies…');
  await copies.scrollIntoViewIfNeeded();
  await screenshot(page, 'snapshot-damage-privacy-copies');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Delete the set-aside copies?' })).toBeFocused();
  await tabTo(page, 'Continue');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Delete them for good?' })).toBeFocused();
  await tabTo(page, 'Delete for good');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'The set-aside copies are deleted.' })).toBeVisible();
  expect(readdirSync(recovered)).toEqual([]);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, 'snapshot-damage-privacy-deleted');
});
