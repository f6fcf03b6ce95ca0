import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { readAllFiles, useTempDirs } from '../../../tests/support/temp-dir';
import { MARK_DELAY_MS, markPath } from './history-mark-file';
import { createFakeKeychain } from './testing/fake-keychain';
import { checkIn, followUp, makeVault, vaultDirIn } from './testing/vault-fixtures';
import type { VaultService } from './vault-service';

/**
 * Issue #14: a vault folder put back from an older copy, or an older
 * snapshot beside a newer journal, was opened silently and brought back
 * what the person had deleted. Real temp folders, the real vault service;
 * only the keychain is the stand-in.
 */
let root: string;
let dir: string;
const tempDir = useTempDirs();
beforeEach(() => {
  root = tempDir('attune-rollback-');
  dir = vaultDirIn(root);
});

const keychain = createFakeKeychain();
const open = async (): Promise<VaultService> => {
  const vault = makeVault(root, { keychain });
  await vault.unlock({ method: 'keychain' });
  return vault;
};
const notes = async (vault: VaultService): Promise<string[]> =>
  (await vault.entries()).map((entry) => (entry.kind === 'check-in' ? (entry.data.note ?? '') : `answer to ${entry.data.checkInId}`));
const kinds = (vault: VaultService) => vault.status().then((status) => status.problems.map((found) => found.kind));
/** Every byte of the vault folder and of the mark beside it. */
const filesNow = () => [
  ...readAllFiles(dir),
  ...(existsSync(markPath(dir)) ? [{ path: markPath(dir), bytes: readFileSync(markPath(dir)) }] : []),
];

/** A history with "kept" and "deleted later"; a copy of its folder is taken; then "deleted later" is deleted and "newer" added. */
const historyWithOlderCopy = async (): Promise<{ copy: string; deletedId: string }> => {
  const vault = makeVault(root, { keychain });
  await vault.setup({ useKeychain: true, createRecoveryKey: false });
  await vault.append(checkIn('kept'));
  const doomed = await vault.append(checkIn('deleted later'));
  await vault.append(followUp(doomed.id));
  await vault.close();
  const copy = join(root, 'older-copy');
  cpSync(dir, copy, { recursive: true });

  const later = await open();
  await later.delete(doomed.id);
  await later.append(checkIn('newer'));
  await later.close();
  return { copy, deletedId: doomed.id };
};

const putBack = (copy: string): void => {
  rmSync(dir, { recursive: true, force: true });
  cpSync(copy, dir, { recursive: true });
};

describe('an older copy of the vault folder put back over a newer one', () => {
  it('is reported, opens nothing, writes nothing, and the deleted entry does not come back', async () => {
    const { copy } = await historyWithOlderCopy();
    putBack(copy);
    const before = filesNow();

    const vault = await open();
    const status = await vault.status();
    expect(status.problems.map((found) => found.kind)).toEqual(['older-history']);
    expect(status.entryCount).toBe(0);
    expect(await vault.list({ limit: 50 })).toEqual({ entries: [], nextCursor: null });
    expect(await vault.entries()).toEqual([]);
    await expect(vault.append(checkIn('not into an older history'))).rejects.toMatchObject({ code: 'history-older' });
    await expect(vault.compact()).rejects.toMatchObject({ code: 'history-older' });

    // "Keep looking": locking leaves every file as it was, and the next unlock asks again.
    await vault.lock();
    expect(filesNow()).toEqual(before);
    await vault.unlock({ method: 'keychain' });
    expect(await kinds(vault)).toEqual(['older-history']);
    await vault.close();
    expect(filesNow()).toEqual(before);
  });

  it('opened anyway: the older history opens without what was deleted since, and the mark moves to it', async () => {
    const { copy, deletedId } = await historyWithOlderCopy();
    putBack(copy);

    const vault = await open();
    const accepted = await vault.acceptOlderHistory();
    expect(accepted.problems).toEqual([]);
    // "newer" was never in the older copy; "deleted later" and its follow-up were deleted and stay so.
    expect(await notes(vault)).toEqual(['kept']);
    expect(await vault.get(deletedId)).toBeUndefined();
    await vault.append(checkIn('after choosing'));
    await vault.close();

    // The mark moved: the next unlock is quiet. Without the mark the entry is still gone: its bytes left the files.
    const again = await open();
    expect(await kinds(again)).toEqual([]);
    expect(await notes(again)).toEqual(['kept', 'after choosing']);
    await again.close();
    rmSync(markPath(dir));
    const withoutMark = await open();
    expect(await notes(withoutMark)).toEqual(['kept', 'after choosing']);
    await withoutMark.close();
  });
});

describe('an older copy with a torn line added to its journal', () => {
  it('is not passed off as a crash: what it lacks is named, and the mark does not move back', async () => {
    const first = makeVault(root, { keychain });
    await first.setup({ useKeychain: true, createRecoveryKey: false });
    await first.append(checkIn('one'));
    await first.close();
    const copy = join(root, 'older-copy');
    cpSync(dir, copy, { recursive: true });
    const later = await open();
    await later.append(checkIn('two'));
    await later.append(checkIn('three'));
    await later.close();

    // Half a line after the copy's last record, claiming a seq far ahead, as a crash mid-append would leave (but with a made-up seq).
    putBack(copy);
    writeFileSync(join(dir, 'journal.log'), Buffer.concat([readFileSync(join(dir, 'journal.log')), Buffer.from('v2.900.AAAA')]));
    const vault = await open();
    const status = await vault.status();
    expect(status.problems.map((found) => found.kind)).toEqual(['torn-tail', 'missing']);
    expect(status.problems[1]?.affected).toEqual([{ from: 2, to: 3 }]);
    expect(await notes(vault)).toEqual(['one']);
    expect((await vault.incidents()).map((incident) => incident.problems.map((found) => found.kind))).toEqual([['missing']]);
    await vault.close();

    // The mark still knows seq 3: the clean copy put back again is caught as older, not opened as the newest.
    putBack(copy);
    const again = await open();
    expect(await kinds(again)).toEqual(['older-history']);
    await again.close();
  });
});

describe('a copy that went its own way', () => {
  it('taken earlier, then written past the mark elsewhere: reported as older, nothing of it opened', async () => {
    const first = makeVault(root, { keychain });
    await first.setup({ useKeychain: true, createRecoveryKey: false });
    await first.append(checkIn('one'));
    await first.close();
    // Another data folder takes the vault folder and goes on there, with its own mark.
    const elsewhere = tempDir('attune-elsewhere-');
    cpSync(dir, vaultDirIn(elsewhere), { recursive: true });
    const here = await open();
    await here.append(checkIn('two here'));
    await here.append(checkIn('three here'));
    await here.close();
    const there = makeVault(elsewhere, { keychain });
    await there.unlock({ method: 'keychain' });
    for (const note of ['two there', 'three there', 'four there', 'five there']) await there.append(checkIn(note));
    await there.close();

    // Its last seq is past this mark's, but the record at the mark's seq is another one: "two here" and "three here" are not in it.
    putBack(vaultDirIn(elsewhere));
    const vault = await open();
    expect(await kinds(vault)).toEqual(['older-history']);
    expect(await vault.entries()).toEqual([]);
    await vault.close();
  });
});

describe('an older snapshot beside a newer journal', () => {
  it('is reported, and the entry deleted in between stays deleted, through compaction and without the mark', async () => {
    const vault = makeVault(root, { keychain });
    await vault.setup({ useKeychain: true, createRecoveryKey: false });
    await vault.append(checkIn('kept'));
    const doomed = await vault.append(checkIn('deleted later'));
    await vault.compact();
    await vault.close();
    const olderSnapshot = readFileSync(join(dir, 'snapshot.bin'));

    // The delete rolls a new snapshot; "newer" then goes to a journal that links to it.
    const later = await open();
    await later.delete(doomed.id);
    await later.append(checkIn('newer'));
    await later.close();
    writeFileSync(join(dir, 'snapshot.bin'), olderSnapshot);

    const reopened = await open();
    expect(await kinds(reopened)).toContain('older-history');
    expect(await reopened.entries()).toEqual([]);
    await reopened.acceptOlderHistory();
    expect(await notes(reopened)).toEqual(['kept', 'newer']);
    await reopened.compact();
    await reopened.close();

    rmSync(markPath(dir));
    const withoutMark = await open();
    expect(await kinds(withoutMark)).toEqual([]);
    expect(await notes(withoutMark)).toEqual(['kept', 'newer']);
    await withoutMark.close();
  });
});

describe('no mark', () => {
  it('a fresh install or a lost data folder is not a problem, and the mark is made again', async () => {
    const vault = makeVault(root, { keychain });
    await vault.setup({ useKeychain: true, createRecoveryKey: false });
    await vault.append(checkIn('kept'));
    await vault.close();
    expect(existsSync(markPath(dir))).toBe(true);
    rmSync(markPath(dir));

    const reopened = await open();
    expect(await kinds(reopened)).toEqual([]);
    expect(await notes(reopened)).toEqual(['kept']);
    await reopened.close();
    expect(existsSync(markPath(dir))).toBe(true);
  });

  it("another vault's mark, or an unreadable one, counts as none", async () => {
    const vault = makeVault(root, { keychain });
    await vault.setup({ useKeychain: true, createRecoveryKey: false });
    await vault.append(checkIn('kept'));
    await vault.close();
    writeFileSync(markPath(dir), Buffer.alloc(300, 7));

    const reopened = await open();
    expect(await kinds(reopened)).toEqual([]);
    expect(await notes(reopened)).toEqual(['kept']);
    await reopened.close();
  });

  it('erase takes the mark with the history', async () => {
    const vault = makeVault(root, { keychain });
    await vault.setup({ useKeychain: true, createRecoveryKey: false });
    await vault.append(checkIn('kept'));
    await vault.erase();
    expect(existsSync(markPath(dir))).toBe(false);
    await vault.close();
  });
});

describe('the mark after an append', () => {
  it('is written a moment later without a lock or a close: a copy from before the append is caught after a crash', async () => {
    const vault = makeVault(root, { keychain });
    await vault.setup({ useKeychain: true, createRecoveryKey: false });
    await vault.append(checkIn('one'));
    await vault.close();
    const copy = join(root, 'older-copy');
    cpSync(dir, copy, { recursive: true });

    const running = await open();
    await running.append(checkIn('two'));
    // Never closed or locked: the process dies here, after the mark's short delay.
    await new Promise((resolve) => setTimeout(resolve, MARK_DELAY_MS + 300));
    putBack(copy);

    const afterCrash = makeVault(root, { keychain, lockEnvironment: { now: () => Date.now(), isAlive: () => false, bootTime: () => 0 } });
    await afterCrash.unlock({ method: 'keychain' });
    expect(await kinds(afterCrash)).toEqual(['older-history']);
    await afterCrash.close();
  });
});

describe('a newer history than the mark', () => {
  it('is not a problem: a mark left behind (its write lost in a crash) never raises one', async () => {
    const vault = makeVault(root, { keychain });
    await vault.setup({ useKeychain: true, createRecoveryKey: false });
    await vault.append(checkIn('one'));
    await vault.close();
    const olderMark = readFileSync(markPath(dir));
    const later = await open();
    await later.append(checkIn('two'));
    await later.compact();
    await later.append(checkIn('three'));
    await later.close();
    writeFileSync(markPath(dir), olderMark);

    const reopened = await open();
    expect(await kinds(reopened)).toEqual([]);
    expect(await notes(reopened)).toEqual(['one', 'two', 'three']);
    await reopened.close();
  });
});
