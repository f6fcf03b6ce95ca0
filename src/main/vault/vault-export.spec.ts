import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Entry } from '../../shared/entry-schema';
import { checkIn, makeVault, manualClock } from './testing/vault-fixtures';
import type { VaultService } from './vault-service';

let root: string;
let out: string;
let vault: VaultService;
let saved: Entry[];
const clock = manualClock(Date.UTC(2026, 10, 1, 8, 0));

const tempDir = useTempDirs();
beforeEach(async () => {
  root = tempDir();
  out = tempDir('attune-out-');
  clock.set(Date.UTC(2026, 10, 1, 8, 0));
  vault = makeVault(root, { clock });
  await vault.setup({ useKeychain: true, createRecoveryKey: false });
  saved = [];
  for (let day = 0; day < 5; day += 1) {
    saved.push(await vault.append(checkIn(`day ${day}`)));
    clock.advance(24 * 3600_000);
  }
});
afterEach(async () => {
  await vault.close();
});

describe('export', () => {
  it('writes the chosen range as JSON, oldest first, replacing an older file whole', async () => {
    const path = join(out, 'history.json');
    await writeFile(path, 'an older export');
    const from = (saved[1] as Entry).at;
    const to = (saved[4] as Entry).at;
    expect(await vault.export({ path, format: 'json', range: { from, to }, confirmPlaintext: true })).toEqual({
      path,
      count: 3,
      bytes: (await stat(path)).size,
    });
    const parsed = JSON.parse(await readFile(path, 'utf8')) as { format: string; version: number; range: unknown; entries: Entry[] };
    expect(parsed).toMatchObject({ format: 'attune-export', version: 1, range: { from, to } });
    expect(parsed.entries).toEqual(saved.slice(1, 4));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(out)).toEqual(['history.json']);
  });

  it('writes CSV with a header and one row per entry', async () => {
    const path = join(out, 'history.csv');
    await vault.export({ path, format: 'csv', confirmPlaintext: true });
    const rows = (await readFile(path, 'utf8')).trimEnd().split('\r\n');
    expect(rows).toHaveLength(6);
    expect(rows[1]).toContain('day 0');
  });

  it('says what is wrong with a missing folder, a locked vault, or no confirm', async () => {
    await expect(vault.export({ path: join(out, 'nope', 'x.json'), format: 'json', confirmPlaintext: true })).rejects.toMatchObject({
      code: 'export-folder-missing',
    });
    await expect(vault.export({ path: join(out, 'x.json'), format: 'json' })).rejects.toMatchObject({ code: 'confirm-required' });
    await vault.lock();
    await expect(vault.export({ path: join(out, 'x.json'), format: 'json', confirmPlaintext: true })).rejects.toMatchObject({
      code: 'vault-locked',
    });
    expect(await readdir(out)).toEqual([]);
  });
});
