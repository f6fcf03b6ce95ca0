import { settingsCopy, vaultCopy } from '../../src/shared/copy';
import { listEntries, openAppView, PASSPHRASE, setUpWithRecoveryKey } from './checkin-steps';
import { expect, screenshot, seriousA11yViolations, test } from './fixtures';

/**
 * Settings › Privacy › Change passphrase with "Also replace the encryption
 * key" (issue 14): the whole history gets a new key, every entry stays, the
 * old passphrase and recovery key open nothing, and the new recovery key is
 * shown once, like at set-up.
 */
const APP_WINDOW = { width: 880, height: 660 };
const t = settingsCopy.privacy;
const NEXT = 'a passphrase nobody else knows';

test('change passphrase with a new encryption key: the new recovery key is shown once, the old credentials open nothing', async ({
  page,
  harness,
}) => {
  const oldKey = await setUpWithRecoveryKey(page, harness.url);
  const before = await listEntries(page);
  await page.setViewportSize(APP_WINDOW);
  await openAppView(page, harness.url, 'settings');
  const privacy = page.getByRole('region', { name: settingsCopy.sections.privacy });
  await privacy.getByRole('button', { name: t.changePassphrase }).click();
  await privacy.getByLabel(t.current).fill(PASSPHRASE);
  await privacy.getByLabel(t.next, { exact: true }).fill(NEXT);
  await privacy.getByLabel(t.again).fill(NEXT);
  const option = privacy.getByRole('checkbox', { name: t.replaceKey });
  // The person says the old passphrase may be known: the new key is then on by default.
  await privacy.getByRole('checkbox', { name: t.mayBeKnown }).check();
  await expect(option).toBeChecked();
  await expect(option).toHaveAccessibleDescription(t.replaceKeyHint);
  await option.scrollIntoViewIfNeeded();
  await screenshot(page, 'rekey-option');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await privacy.getByRole('button', { name: t.savePassphrase }).click();
  await expect(privacy.getByRole('heading', { name: vaultCopy.recovery.heading })).toBeVisible({ timeout: 30_000 });
  await expect(privacy.getByText(t.passphraseChangedNewKey(true))).toBeVisible();
  const newKey = (await privacy.locator('.key').innerText()).trim();
  expect(newKey).not.toBe(oldKey);
  await screenshot(page, 'rekey-new-recovery-key');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await privacy.getByRole('button', { name: vaultCopy.recovery.done }).click();

  expect(await listEntries(page)).toEqual(before);
  expect((await page.evaluate(() => window.attune.vault.lock())).ok).toBe(true);
  const withOld = await page.evaluate((k) => window.attune.vault.unlock({ method: 'recovery', recoveryKey: k }), oldKey);
  expect(withOld).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
  const withOldPassphrase = await page.evaluate((p) => window.attune.vault.unlock({ method: 'passphrase', passphrase: p }), PASSPHRASE);
  expect(withOldPassphrase).toMatchObject({ ok: false });
  const withNew = await page.evaluate((k) => window.attune.vault.unlock({ method: 'recovery', recoveryKey: k }), newKey);
  expect(withNew).toMatchObject({ ok: true, value: { entryCount: 3 } });
});
