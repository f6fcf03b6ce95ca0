import { cp, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Entry } from '../../shared/entry-schema';
import type { FsPort } from '../fs/fs-port';
import type { ScryptParams } from './kdf';
import { createFakeKeychain } from './testing/fake-keychain';
import { frozenFs } from './testing/frozen-fs';
import { checkIn, vaultDirIn } from './testing/vault-fixtures';
import { createVaultService, type VaultService } from './vault-service';

/**
 * Issue 14: a vault written in format version 1 (the fixture testing/v1-vault
 * was written by the code before padding) opens with every entry and is
 * rewritten as version 2 by a roll, the compaction path. Interrupted at any
 * point, it still opens with nothing lost. A journal that gains version-2
 * lines after version-1 ones (the version-1 snapshot is damaged and held, so
 * no roll may run) reads whole.
 */
const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'testing', 'v1-vault');
/** The fixture's passphrase wrap was made with N = 2^10; a service accepts what it is built with. */
const FIXTURE_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
const PASSPHRASE = 'version one passphrase';

let root: string;
const keychain = createFakeKeychain();
const services: VaultService[] = [];
const tempDir = useTempDirs();
beforeEach(async () => {
  root = tempDir();
  await cp(FIXTURE, vaultDirIn(root), { recursive: true, filter: (source) => !source.endsWith('entries.json') });
});
afterEach(async () => {
  for (const vault of services.splice(0)) await vault.close();
});

const expected = async (): Promise<Entry[]> =>
  (JSON.parse(await readFile(join(FIXTURE, 'entries.json'), 'utf8')) as Entry[]).sort((a, b) => a.id.localeCompare(b.id));
const service = (fs?: FsPort): VaultService => {
  const vault = createVaultService({ dir: vaultDirIn(root), keychain, scrypt: FIXTURE_SCRYPT, ...(fs ? { fs } : {}) });
  services.push(vault);
  return vault;
};
const entriesOf = async (vault: VaultService): Promise<Entry[]> => (await vault.entries()).sort((a, b) => a.id.localeCompare(b.id));
const snapshotMagic = async (): Promise<string> =>
  (await readFile(join(vaultDirIn(root), 'snapshot.bin'))).subarray(0, 8).toString('ascii');
const journalMarks = async (): Promise<string[]> =>
  (await readFile(join(vaultDirIn(root), 'journal.log'), 'latin1'))
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(0, 2));

describe('upgrading a version-1 vault', () => {
  it('opens with every entry, is rewritten as version 2, and opens cleanly again by any method', async () => {
    expect(await snapshotMagic()).toBe('ATSNAP01');
    expect(new Set(await journalMarks())).toEqual(new Set(['A1']));
    const first = service();
    const status = await first.unlock({ method: 'keychain' });
    expect(status.problems).toEqual([]);
    expect(await entriesOf(first)).toEqual(await expected());
    expect(await snapshotMagic()).toBe('ATSNAP02');
    expect(await journalMarks()).toEqual([]);
    const added = await first.append(checkIn('after the upgrade'));
    await first.close();

    const again = service();
    expect(await again.unlock({ method: 'passphrase', passphrase: PASSPHRASE })).toMatchObject({ problems: [] });
    expect(await entriesOf(again)).toEqual([...(await expected()), added].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await journalMarks()).toEqual(['A2']);
    expect(await readdir(vaultDirIn(root))).not.toContain('recovered');
  });

  it('interrupted at every step (a kill before each file call, or halfway through a write) still opens with nothing lost', async () => {
    const want = await expected();
    const seen = new Set<string>();
    let stopAt = 0;
    for (; stopAt < 200; stopAt += 1) {
      // A fresh copy each round, without the previous round's high-water mark (which would rightly call it older, §7.1).
      await rm(vaultDirIn(root), { recursive: true, force: true });
      await rm(`${vaultDirIn(root)}.mark`, { force: true });
      await cp(FIXTURE, vaultDirIn(root), { recursive: true, filter: (source) => !source.endsWith('entries.json') });
      const fs = frozenFs(stopAt);
      const killed = service(fs);
      await killed.unlock({ method: 'keychain' }).catch(() => undefined);
      services.splice(services.indexOf(killed), 1);
      if (!fs.frozen) break;
      // The dead process's lock is stale; a new process would take it over the same way.
      await rm(`${vaultDirIn(root)}.lock`, { force: true });
      const marks = await journalMarks();
      seen.add(`${await snapshotMagic()} journal ${marks.length > 0 ? marks[0] : 'empty'}`);

      const check = service();
      const status = await check.unlock({ method: 'keychain' });
      expect(status.problems, `killed at call ${stopAt}`).toEqual([]);
      expect(await entriesOf(check), `killed at call ${stopAt}`).toEqual(want);
      await check.close();
      services.splice(services.indexOf(check), 1);
      // And that open finished the upgrade.
      expect(await snapshotMagic()).toBe('ATSNAP02');
      expect(await journalMarks()).toEqual([]);
      expect((await readdir(vaultDirIn(root))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    }
    // Every state the roll passes through was met: before the rename, between rename and journal cut, and after.
    expect(seen).toEqual(new Set(['ATSNAP01 journal A1', 'ATSNAP02 journal A1', 'ATSNAP02 journal empty']));
    expect(stopAt).toBeGreaterThan(5);
  });

  it('a damaged version-1 snapshot is held; new version-2 lines follow the version-1 ones and all of them read', async () => {
    const path = join(vaultDirIn(root), 'snapshot.bin');
    const bytes = await readFile(path);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 40) ^ 0x01, bytes.length - 40); // inside the last chunk
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path, bytes);

    const first = service();
    const status = await first.unlock({ method: 'keychain' });
    expect(status.problems.map((found) => found.kind)).toEqual(['snapshot-damaged']);
    const readable = await entriesOf(first);
    const added = await first.append(checkIn('written while the old snapshot is held'));
    await first.close();
    expect(await snapshotMagic()).toBe('ATSNAP01');
    expect(await journalMarks()).toEqual([...Array.from({ length: (await journalMarks()).length - 1 }, () => 'A1'), 'A2']);

    const again = service();
    const reopened = await again.unlock({ method: 'keychain' });
    expect(reopened.problems.map((found) => found.kind)).toEqual(['snapshot-damaged']);
    expect(await entriesOf(again)).toEqual([...readable, added].sort((a, b) => a.id.localeCompare(b.id)));
    // Going on with what is left: the held roll runs, and it is the upgrade.
    await again.acceptSnapshotDamage();
    await again.close();
    expect(await snapshotMagic()).toBe('ATSNAP02');
    expect(await journalMarks()).toEqual([]);

    const last = service();
    expect(await last.unlock({ method: 'keychain' })).toMatchObject({ problems: [] });
    expect(await entriesOf(last)).toEqual([...readable, added].sort((a, b) => a.id.localeCompare(b.id)));
  });
});
