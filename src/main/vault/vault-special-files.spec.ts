import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Entry } from '../../shared/entry-schema';
import { createFakeKeychain } from './testing/fake-keychain';
import { useSpecialFiles } from './testing/special-files';
import { checkIn, makeVault, vaultDirIn } from './testing/vault-fixtures';
import type { VaultService } from './vault-service';

/**
 * Only regular files are read: a FIFO or an endless device in place of a
 * vault file or the lock must never hang the start — it is set aside or
 * reported, and what can be read is kept.
 */
let root: string;
const keychain = createFakeKeychain();
const services: VaultService[] = [];
const tempDir = useTempDirs();
const special = useSpecialFiles();
beforeEach(() => {
  root = tempDir();
});
afterEach(async () => {
  for (const vault of services.splice(0)) await vault.close();
});

const vaultFile = (name: string): string => join(vaultDirIn(root), name);
const open = (): VaultService => {
  const vault = makeVault(root, { keychain });
  services.push(vault);
  return vault;
};
const build = async (count: number, options: { compact?: boolean } = {}): Promise<Entry[]> => {
  const vault = makeVault(root, { keychain });
  await vault.setup({ useKeychain: true, createRecoveryKey: false });
  const saved: Entry[] = [];
  for (let i = 1; i <= count; i += 1) saved.push(await vault.append(checkIn(`entry ${i}`)));
  if (options.compact) await vault.compact();
  await vault.close();
  return saved;
};
const ids = async (vault: VaultService): Promise<string[]> => (await vault.list({ limit: 100 })).entries.map((entry) => entry.id).reverse();

describe('a special file in place of a vault file', () => {
  it('snapshot.bin as a FIFO: reported, moved to recovered/, the journal’s entries kept; the next open is clean', async () => {
    const saved = await build(3);
    await rm(vaultFile('snapshot.bin'));
    special.fifo(vaultFile('snapshot.bin'));

    const status = await open().unlock({ method: 'keychain' });
    expect(status.problems).toEqual([{ kind: 'snapshot-damaged', affected: [], setAside: expect.any(String) }]);
    expect(await ids(services[0] as VaultService)).toEqual(saved.map((entry) => entry.id));
    const aside = (await readdir(vaultFile('recovered'))).filter((name) => /^not-a-file-\d+-snapshot\.bin$/.test(name));
    expect(aside).toHaveLength(1);
    expect((await lstat(join(vaultFile('recovered'), aside[0] as string))).isFIFO()).toBe(true);
    expect((await lstat(vaultFile('snapshot.bin'))).isFile()).toBe(true);

    await (services.pop() as VaultService).close();
    const again = await open().unlock({ method: 'keychain' });
    expect(again.problems).toEqual([]);
    expect(await ids(services[0] as VaultService)).toEqual(saved.map((entry) => entry.id));
  });

  it('journal.log as a FIFO: reported, moved aside, the snapshot’s entries kept, and appends go on', async () => {
    const saved = await build(3, { compact: true });
    await rm(vaultFile('journal.log'));
    special.fifo(vaultFile('journal.log'));

    const vault = open();
    const status = await vault.unlock({ method: 'keychain' });
    expect(status.problems).toEqual([{ kind: 'damaged', affected: [], setAside: expect.stringMatching(/^not-a-file-\d+-journal\.log$/) }]);
    expect(await ids(vault)).toEqual(saved.map((entry) => entry.id));
    const next = await vault.append(checkIn('after'));
    await (services.pop() as VaultService).close();

    const again = open();
    expect((await again.unlock({ method: 'keychain' })).problems).toEqual([]);
    expect(await ids(again)).toEqual([...saved.map((entry) => entry.id), next.id]);
  });

  it.each([
    ['a FIFO', 'fifo'],
    ['a link to /dev/zero', 'endless'],
  ] as const)('vault.json as %s: reported as damaged, and erasing still works', async (_label, kind) => {
    await build(1);
    await rm(vaultFile('vault.json'));
    special[kind](vaultFile('vault.json'));

    const vault = open();
    await expect(vault.open()).rejects.toMatchObject({ code: 'vault-damaged' });
    expect(await vault.erase()).toMatchObject({ state: 'not-set-up' });
  });
});

describe('a special file in place of the lock', () => {
  it.each([
    ['a FIFO', 'fifo'],
    ['a link to /dev/zero', 'endless'],
  ] as const)('%s is set aside and the vault opens', async (_label, kind) => {
    await build(2);
    special[kind](join(root, 'vault.lock'));
    const status = await open().unlock({ method: 'keychain' });
    expect(status).toMatchObject({ state: 'unlocked', entryCount: 2 });
    expect((await lstat(join(root, 'vault.lock'))).isFile()).toBe(true);
  });
});
