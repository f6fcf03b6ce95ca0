import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { nodeFs } from '../fs/fs-port';
import { sweepRecovered } from './recovered-sweep';
import { createFakeKeychain } from './testing/fake-keychain';
import { checkIn, makeVault, vaultDirIn } from './testing/vault-fixtures';
import type { VaultService } from './vault-service';

/**
 * Deleting what recovered/ holds, on real folders: only regular files
 * directly inside it go; links are never followed and nothing outside the
 * folder is touched.
 */
const tempDir = useTempDirs();
let root: string;
let dir: string;
let recovered: string;
beforeEach(() => {
  root = tempDir('attune-sweep-');
  dir = vaultDirIn(root);
  recovered = join(dir, 'recovered');
});

const put = (path: string, text = 'ciphertext'): void => writeFileSync(path, text);

describe('sweepRecovered', () => {
  it('no recovered/ folder: nothing to delete', async () => {
    mkdirSync(dir);
    expect(await sweepRecovered(nodeFs, dir)).toEqual({ deleted: 0, left: 0 });
  });

  it('deletes the regular files directly inside, a temp file left by a crash included, and keeps the folder', async () => {
    mkdirSync(recovered, { recursive: true });
    put(join(recovered, 'incident-1-aaaaaa.json'));
    put(join(recovered, 'incident-2-bbbbbb.json'));
    put(join(recovered, '.incident-3-cccccc.json.0123456789ab.tmp'));
    expect(await sweepRecovered(nodeFs, dir)).toEqual({ deleted: 2, left: 0 });
    expect(readdirSync(recovered)).toEqual([]);
  });

  it('a link inside is left, and the file it points to (outside) is untouched', async () => {
    mkdirSync(recovered, { recursive: true });
    const outside = join(root, 'precious.txt');
    put(outside, 'not Attune’s');
    symlinkSync(outside, join(recovered, 'incident-link.json'));
    put(join(recovered, 'incident-1-aaaaaa.json'));
    expect(await sweepRecovered(nodeFs, dir)).toEqual({ deleted: 1, left: 1 });
    expect(readFileSync(outside, 'utf8')).toBe('not Attune’s');
    expect(lstatSync(join(recovered, 'incident-link.json')).isSymbolicLink()).toBe(true);
  });

  it('recovered/ itself a link to another folder: nothing there is deleted', async () => {
    mkdirSync(dir, { recursive: true });
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    put(join(elsewhere, 'someone-else.json'));
    symlinkSync(elsewhere, recovered);
    expect(await sweepRecovered(nodeFs, dir)).toEqual({ deleted: 0, left: 0 });
    expect(readdirSync(elsewhere)).toEqual(['someone-else.json']);
  });

  it('a folder inside is left with everything in it (nothing below the top level)', async () => {
    mkdirSync(join(recovered, 'not-a-file-1-snapshot.bin'), { recursive: true });
    put(join(recovered, 'not-a-file-1-snapshot.bin', 'inner.json'));
    expect(await sweepRecovered(nodeFs, dir)).toEqual({ deleted: 0, left: 1 });
    expect(existsSync(join(recovered, 'not-a-file-1-snapshot.bin', 'inner.json'))).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('a FIFO moved aside is left, and the sweep does not wait on it', async () => {
    mkdirSync(recovered, { recursive: true });
    execFileSync('mkfifo', [join(recovered, 'not-a-file-1-journal.log')]);
    put(join(recovered, 'incident-1-aaaaaa.json'));
    expect(await sweepRecovered(nodeFs, dir)).toEqual({ deleted: 1, left: 1 });
    expect(readdirSync(recovered)).toEqual(['not-a-file-1-journal.log']);
  });

  it('names asked to be kept stay', async () => {
    mkdirSync(recovered, { recursive: true });
    put(join(recovered, 'incident-1-aaaaaa.json'));
    put(join(recovered, 'incident-2-bbbbbb.json'));
    expect(await sweepRecovered(nodeFs, dir, new Set(['incident-2-bbbbbb.json']))).toEqual({ deleted: 1, left: 1 });
    expect(readdirSync(recovered)).toEqual(['incident-2-bbbbbb.json']);
  });
});

describe('VaultService.deleteRecoveredFiles', () => {
  const keychain = createFakeKeychain();
  const services: VaultService[] = [];
  afterEach(async () => {
    for (const vault of services.splice(0)) await vault.close();
  });
  const open = (): VaultService => {
    const vault = makeVault(root, { keychain });
    services.push(vault);
    return vault;
  };

  it('refused while locked, and the files stay; once unlocked they go and the status counts none', async () => {
    const vault = open();
    await vault.setup({ useKeychain: true, createRecoveryKey: false });
    await vault.append(checkIn('kept'));
    mkdirSync(recovered, { recursive: true });
    put(join(recovered, 'incident-1-aaaaaa.json'));
    await vault.lock();
    await expect(vault.deleteRecoveredFiles()).rejects.toMatchObject({ code: 'vault-locked' });
    expect(readdirSync(recovered)).toEqual(['incident-1-aaaaaa.json']);

    const unlocked = await vault.unlock({ method: 'keychain' });
    expect(unlocked.recoveredFiles).toBe(1);
    const result = await vault.deleteRecoveredFiles();
    expect(result).toMatchObject({ deleted: 1, left: 0, status: { state: 'unlocked', recoveredFiles: 0, entryCount: 1 } });
    expect(readdirSync(recovered)).toEqual([]);
    expect((await vault.status()).recoveredFiles).toBe(0);
  });

  it('keeps the copy of a damaged snapshot while it waits for the person’s choice; after the choice it can go', async () => {
    const first = open();
    await first.setup({ useKeychain: true, createRecoveryKey: false });
    for (let i = 0; i < 5; i += 1) await first.append(checkIn(`entry ${i}`));
    await first.compact();
    await first.close();
    // Cut snapshot.bin right after its header frame (24-byte preamble, then length-prefixed frames).
    const snapshot = join(dir, 'snapshot.bin');
    const bytes = await readFile(snapshot);
    await writeFile(snapshot, bytes.subarray(0, 24 + 4 + bytes.readUInt32BE(24)));
    mkdirSync(recovered, { recursive: true });
    put(join(recovered, 'incident-0-older0.json'));

    const vault = open();
    const status = await vault.unlock({ method: 'keychain' });
    const held = status.problems.find((found) => found.kind === 'snapshot-damaged')?.setAside;
    expect(held).toMatch(/^incident-/);
    const result = await vault.deleteRecoveredFiles();
    expect(result).toMatchObject({ deleted: 1, left: 1, status: { recoveredFiles: 1 } });
    expect(readdirSync(recovered)).toEqual([held]);

    await vault.acceptSnapshotDamage();
    expect(await vault.deleteRecoveredFiles()).toMatchObject({ deleted: 1, left: 0, status: { recoveredFiles: 0 } });
  });
});
