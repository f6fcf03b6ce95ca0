import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { markPath, stagedMarkPath } from './history-mark-file';
import { frozenFs } from './testing/frozen-fs';
import { checkIn, makeVault, vaultDirIn } from './testing/vault-fixtures';
import type { VaultService } from './vault-service';

/**
 * Issue #14: the mark after a re-key. Everything after a re-key is sealed
 * with the new key, so a folder from before it (opened with the old
 * passphrase) could not be judged by a mark sealed with the new one, and
 * opened silently with entries deleted before the re-key back. The mark
 * now keeps a retired part sealed with the old key, and the new mark is
 * staged before the key file is committed, so a crash in between cannot
 * lose it. Real folders, the real vault service.
 */
const OLD = 'old words on a card';
const NEW = 'new words nobody has seen';

let root: string;
let dir: string;
const tempDir = useTempDirs();
beforeEach(() => {
  root = tempDir('attune-rekey-mark-');
  dir = vaultDirIn(root);
});

const open = async (passphrase: string, fs?: ReturnType<typeof frozenFs>): Promise<VaultService> => {
  const vault = makeVault(root, fs ? { fs } : {});
  await vault.unlock({ method: 'passphrase', passphrase });
  return vault;
};
const notes = async (vault: VaultService): Promise<string[]> =>
  (await vault.entries()).map((entry) => (entry.kind === 'check-in' ? (entry.data.note ?? '') : 'follow-up'));
const kinds = async (vault: VaultService): Promise<string[]> => (await vault.status()).problems.map((found) => found.kind);
const keyIdOnDisk = async (): Promise<string> => (JSON.parse(await readFile(join(dir, 'vault.json'), 'utf8')) as { keyId: string }).keyId;
const putBack = (copy: string): void => {
  rmSync(dir, { recursive: true, force: true });
  cpSync(copy, dir, { recursive: true });
};

/** "kept" and "deleted later"; a copy of the folder is taken; then "deleted later" is deleted and "newer" added. */
const historyWithCopy = async (): Promise<{ copy: string; deletedId: string; vault: VaultService }> => {
  const vault = makeVault(root);
  await vault.setup({ passphrase: OLD, useKeychain: false, createRecoveryKey: false });
  await vault.append(checkIn('kept'));
  const doomed = await vault.append(checkIn('deleted later'));
  await vault.close();
  const copy = join(root, 'before-the-re-key');
  cpSync(dir, copy, { recursive: true });
  const later = await open(OLD);
  await later.delete(doomed.id);
  await later.append(checkIn('newer'));
  return { copy, deletedId: doomed.id, vault: later };
};

describe('a folder from before a re-key, opened with the old passphrase', () => {
  it('is reported as older, and what was deleted before the re-key stays deleted if opened anyway', async () => {
    const { copy, deletedId, vault } = await historyWithCopy();
    await vault.rekey({ method: 'passphrase', passphrase: OLD }, { passphrase: NEW });
    await vault.close();

    putBack(copy);
    const old = await open(OLD);
    expect(await kinds(old)).toEqual(['older-history']);
    expect(await old.entries()).toEqual([]);
    await old.acceptOlderHistory();
    expect(await notes(old)).toEqual(['kept']);
    expect(await old.get(deletedId)).toBeUndefined();
    await old.close();
  });

  it('a second re-key still remembers the first key', async () => {
    const { copy, vault } = await historyWithCopy();
    await vault.rekey({ method: 'passphrase', passphrase: OLD }, { passphrase: NEW });
    await vault.rekey({ method: 'passphrase', passphrase: NEW }, { passphrase: 'a third set of words' });
    await vault.close();

    putBack(copy);
    const old = await open(OLD);
    expect(await kinds(old)).toEqual(['older-history']);
    await old.close();
  });

  it('the re-keyed history itself opens quietly, and leaves nothing staged beside the folder', async () => {
    const { vault } = await historyWithCopy();
    await vault.rekey({ method: 'passphrase', passphrase: OLD }, { passphrase: NEW });
    await vault.close();
    const again = await open(NEW);
    expect(await kinds(again)).toEqual([]);
    expect(await notes(again)).toEqual(['kept', 'newer']);
    await again.close();
    expect(readdirSync(dirname(dir)).filter((name) => name.includes(`${basename(dir)}.mark`))).toEqual([basename(markPath(dir))]);
  });
});

describe('a crash during a re-key', () => {
  it('right after the new key file is committed: the staged mark is put in place at the next unlock', async () => {
    const { copy, vault } = await historyWithCopy();
    await vault.close();
    const fixture = join(root, 'fixture');
    cpSync(dir, fixture, { recursive: true });
    cpSync(markPath(dir), `${fixture}.mark`);
    const oldKeyId = await keyIdOnDisk();

    const restore = (): void => {
      putBack(fixture);
      cpSync(`${fixture}.mark`, markPath(dir));
      rmSync(`${dir}.lock`, { force: true });
    };
    const probe = frozenFs(1e9);
    await (await open(OLD, probe)).close();
    const unlockCalls = probe.calls;

    // The first stop that leaves the new key file committed: everything after the commit point is cut off.
    let committedAt: number | undefined;
    for (let stop = 0; stop < 200 && committedAt === undefined; stop += 1) {
      restore();
      const fs = frozenFs(unlockCalls + stop);
      const crashing = await open(OLD, fs);
      await crashing.rekey({ method: 'passphrase', passphrase: OLD }, { passphrase: NEW }).catch(() => undefined);
      if (!fs.frozen) break;
      // The dead process's lock is stale; a new process would take it over the same way.
      rmSync(`${dir}.lock`, { force: true });
      if ((await keyIdOnDisk()) !== oldKeyId) committedAt = stop;
    }
    expect(committedAt).toBeDefined();
    const newKeyId = await keyIdOnDisk();
    // The old key's mark is still in place and the new one waits beside it.
    expect(readFileSync(stagedMarkPath(dir, newKeyId)).length).toBeGreaterThan(0);

    const after = await open(NEW);
    expect(await kinds(after)).toEqual([]);
    expect(await notes(after)).toEqual(['kept', 'newer']);
    await after.close();

    putBack(copy);
    const old = await open(OLD);
    expect(await kinds(old)).toEqual(['older-history']);
    await old.close();
  });
});
