import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { listEntries, openAppView, openPrompt, PASSPHRASE, primaryButton, setUpVault } from './checkin-steps';
import { expect, test } from './fixtures';

/**
 * Privacy review: a unique marker goes in through every path a person can write
 * (check-in need words, own step, note, a follow-up, an export), then every file
 * Attune wrote — data dir, logs, settings, pause state, recovered files, temp
 * files, and the browser profile — is searched for it in plain text. Only the
 * export the person chose may contain it.
 */
const filesChangedSince = (dir: string, since: number, depth = 6): string[] => {
  if (depth === 0 || !existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      return [];
    }
    if (stat.isDirectory()) return filesChangedSince(full, since, depth - 1);
    return stat.isFile() && stat.mtimeMs >= since && stat.size < 64 * 1024 * 1024 ? [full] : [];
  });
};

const contains = (file: string, marker: string): boolean => {
  try {
    const bytes = readFileSync(file);
    return bytes.includes(Buffer.from(marker, 'utf8')) || bytes.includes(Buffer.from(marker, 'utf16le'));
  } catch {
    return false;
  }
};

test('a unique marker written through every path appears in plain text only in the chosen export', async ({ page, harness, dataDir }) => {
  const started = Date.now() - 1000;
  const marker = `MARKER${randomBytes(8).toString('hex')}`;
  const exportDir = mkdtempSync(join(tmpdir(), 'attune-chosen-export-'));
  try {
    await openPrompt(page, harness.url);
    await setUpVault(page);
    await page.getByText('Withdrawal', { exact: true }).click();
    await primaryButton(page).click();
    await page.getByLabel('In my own words (optional)').fill(`need ${marker}`);
    await primaryButton(page).click();
    await page.getByText('My own step').click();
    await page.getByRole('textbox', { name: 'My own step' }).fill(`step ${marker}`);
    await page.getByLabel('A note for yourself (optional)').fill(`note ${marker}`);
    await primaryButton(page).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noted.');
    const [checkIn] = await listEntries(page);
    const followUp = await page.evaluate(
      ({ id, text }) => window.attune.vault.append({ kind: 'follow-up', data: { checkInId: id, outcome: 'not-really', instead: text } }),
      { id: checkIn!.id, text: `instead ${marker}` },
    );
    expect(followUp.ok).toBe(true);
    // Lock and unlock (key handling), look at history (rendering), then export to a chosen file.
    await page.evaluate(() => window.attune.vault.lock());
    expect((await page.evaluate((p) => window.attune.vault.unlock({ method: 'passphrase', passphrase: p }), PASSPHRASE)).ok).toBe(true);
    await openAppView(page, harness.url, 'history');
    await expect(page.getByText(`note ${marker}`)).toBeVisible();
    const chosen = join(exportDir, 'my-export.json');
    harness.nextSavePath = chosen;
    const saved = await page.evaluate(() => window.attune.vault.saveExport({ format: 'json', confirmPlaintext: true }));
    expect(saved.ok && saved.value.saved).toBe(true);
    expect(contains(chosen, marker)).toBe(true);

    const dataFiles = filesChangedSince(dataDir, 0);
    expect(dataFiles.some((f) => f.includes(`${join('vault', '')}`))).toBe(true);
    expect(dataFiles.filter((f) => contains(f, marker))).toEqual([]);
    // Temp files and the browser's own profile (where a browser could keep typed text) as well.
    const tempFiles = filesChangedSince(tmpdir(), started, 5).filter((f) => !f.startsWith(exportDir));
    expect(tempFiles.filter((f) => contains(f, marker))).toEqual([]);
  } finally {
    rmSync(exportDir, { recursive: true, force: true });
  }
});
