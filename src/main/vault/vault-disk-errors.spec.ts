import { mkdtempSync, rmdirSync } from 'node:fs';
import { open, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Entry } from '../../shared/entry-schema';
import { type FsPort, nodeFs } from '../fs/fs-port';
import { createFakeKeychain } from './testing/fake-keychain';
import { canMountTmpfs, fillToLastByte, remount, tryMountTmpfs, unmount } from './testing/tmpfs';
import { checkIn, makeVault, vaultDirIn } from './testing/vault-fixtures';
import type { VaultService } from './vault-service';

/**
 * Full disk and read-only folder: a typed error, the files exactly as they
 * were, nothing already saved lost. Two ways in:
 * - a real tmpfs of a few hundred KiB (kernel ENOSPC, short writes, EROFS),
 *   where this process may mount (root here; tests run as root, so chmod
 *   would not stop writes);
 * - everywhere: the real fs behind a thin adapter that makes one write stop
 *   halfway and fail, the way a disk filling mid-write does.
 */
const probeDir = mkdtempSync(join(tmpdir(), 'attune-mount-probe-'));
const mountable = canMountTmpfs(probeDir);
rmdirSync(probeDir);
if (!mountable.ok) console.info(`vault-disk-errors: tmpfs tests skipped, cannot mount here (${mountable.reason}); adapter tests still run`);

const keychain = createFakeKeychain();
let root: string;
let mounted = false;
const services: VaultService[] = [];

const tempDir = useTempDirs();
beforeEach(() => {
  root = tempDir('attune-disk-');
});
afterEach(async () => {
  for (const vault of services.splice(0)) await vault.close().catch(() => undefined);
  if (mounted) unmount(root);
  mounted = false;
});

const mountRoot = (sizeKb: number): void => {
  const failure = tryMountTmpfs(root, sizeKb);
  if (failure !== undefined) throw new Error(failure);
  mounted = true;
};

const vaultWith = async (count: number, fs?: FsPort): Promise<{ vault: VaultService; saved: Entry[] }> => {
  const vault = makeVault(root, { keychain, ...(fs ? { fs } : {}) });
  services.push(vault);
  await vault.setup({ useKeychain: true, createRecoveryKey: false });
  const saved: Entry[] = [];
  for (let i = 0; i < count; i += 1) saved.push(await vault.append(checkIn(`saved ${i}`)));
  return { vault, saved };
};

const reopenIds = async (): Promise<{ ids: string[]; problems: unknown[] }> => {
  for (const vault of services.splice(0)) await vault.close();
  const vault = makeVault(root, { keychain });
  services.push(vault);
  const status = await vault.unlock({ method: 'keychain' });
  return { ids: (await vault.list({ limit: 10_000 })).entries.map((e) => e.id).reverse(), problems: status.problems };
};

const vaultFiles = async (): Promise<Record<string, Buffer>> => {
  const dir = vaultDirIn(root);
  const out: Record<string, Buffer> = {};
  for (const name of await readdir(dir)) if (name !== 'recovered') out[name] = await readFile(join(dir, name));
  return out;
};

describe.runIf(mountable.ok)('on a real, tiny tmpfs', () => {
  it('a full disk fails appends, deletes, compaction (disk-full) and export (export-disk-full), leaving every file as it was', async () => {
    mountRoot(512);
    const { vault, saved } = await vaultWith(20);
    await fillToLastByte(root);

    // The journal's last page may still have room for a line or two; the first append that does not fit must leave no trace.
    let failure: unknown;
    let before: Record<string, Buffer> = {};
    for (let i = 0; i < 40 && failure === undefined; i += 1) {
      before = await vaultFiles();
      await vault.append(checkIn(`while full ${i}`)).then(
        (entry) => saved.push(entry),
        (error: unknown) => (failure = error),
      );
    }
    expect(failure).toMatchObject({ code: 'disk-full' });
    expect(await vaultFiles()).toEqual(before);

    // A tombstone is shorter than an entry and may still fit: then the delete holds (hidden at once) but cannot compact yet.
    let deleteFailure: unknown;
    const deleted: string[] = [];
    for (const entry of [...saved]) {
      before = await vaultFiles();
      const outcome = await vault.delete(entry.id).catch((error: unknown) => (deleteFailure = error));
      if (deleteFailure !== undefined) break;
      expect(outcome).toEqual({ deletedIds: [entry.id], compacted: false });
      deleted.push(entry.id);
    }
    expect(deleteFailure).toMatchObject({ code: 'disk-full' });
    expect(await vaultFiles()).toEqual(before);
    saved.splice(0, deleted.length);
    await expect(vault.compact()).rejects.toMatchObject({ code: 'disk-full' });
    await expect(vault.export({ path: join(root, 'out.csv'), format: 'csv', confirmPlaintext: true })).rejects.toMatchObject({
      code: 'export-disk-full',
    });
    expect(await vaultFiles()).toEqual(before);
    // The mark beside the folder was written at unlock, before the disk filled (history-mark-file.ts).
    expect((await readdir(root)).sort()).toEqual(['filler', 'vault', 'vault.lock', 'vault.mark']);
    expect((await vault.list({ limit: 10_000 })).entries).toHaveLength(saved.length);

    await rm(join(root, 'filler'));
    const after = await vault.append(checkIn('space again'));
    const { ids, problems } = await reopenIds();
    expect(problems).toEqual([]);
    expect(ids).toEqual([...saved.map((e) => e.id), after.id]);
  });

  it('a read-only folder opens and reads, and every write says read-only without touching anything', async () => {
    mountRoot(1024);
    const { saved } = await vaultWith(5);
    for (const vault of services.splice(0)) await vault.close();
    remount(root, 'ro');
    const before = await vaultFiles();

    const vault = makeVault(root, { keychain });
    services.push(vault);
    expect(await vault.unlock({ method: 'keychain' })).toMatchObject({ state: 'unlocked', entryCount: 5, problems: [] });
    await expect(vault.append(checkIn('nope'))).rejects.toMatchObject({ code: 'read-only' });
    await expect(vault.delete((saved[0] as Entry).id)).rejects.toMatchObject({ code: 'read-only' });
    await expect(vault.changePassphrase({ method: 'keychain' }, 'a new passphrase')).rejects.toMatchObject({ code: 'read-only' });
    await expect(vault.erase()).rejects.toMatchObject({ code: 'read-only' });
    expect(await vaultFiles()).toEqual(before);

    await vault.close();
    remount(root, 'rw');
    expect((await reopenIds()).ids).toEqual(saved.map((e) => e.id));
  });

  it('a torn tail on a read-only folder is reported, the rest is readable, and it is set aside once writable', async () => {
    mountRoot(1024);
    const { saved } = await vaultWith(3);
    for (const vault of services.splice(0)) await vault.close();
    const handle = await open(join(vaultDirIn(root), 'journal.log'), 'a');
    await handle.write('A1.4.half-a-line');
    await handle.close();
    remount(root, 'ro');

    const vault = makeVault(root, { keychain });
    services.push(vault);
    const status = await vault.unlock({ method: 'keychain' });
    expect(status.problems.map((p) => p.kind)).toEqual(['torn-tail', 'cleanup-deferred']);
    expect(status.entryCount).toBe(3);
    await expect(vault.append(checkIn('nope'))).rejects.toMatchObject({ code: 'read-only' });
    await vault.close();

    remount(root, 'rw');
    const again = await reopenIds();
    expect(again.problems).toMatchObject([{ kind: 'torn-tail', setAside: expect.any(String) }]);
    expect(again.ids).toEqual(saved.map((e) => e.id));
  });
});

/**
 * The real fs, except that the write `writesBeforeFailure` calls from now
 * writes half its bytes and then fails with `code`, the way a disk filling
 * mid-write does; likewise for ftruncate.
 */
interface FailPlan {
  writesBeforeFailure: number | undefined;
  truncatesBeforeFailure: number | undefined;
  code: string;
}
const injected = (code: string): Error => Object.assign(new Error(`injected ${code}`), { code });
const due = (plan: FailPlan, key: 'writesBeforeFailure' | 'truncatesBeforeFailure'): boolean => {
  const left = plan[key];
  if (left === undefined) return false;
  plan[key] = left === 0 ? undefined : left - 1;
  return left === 0;
};
const failingFs = (plan: FailPlan): FsPort => ({
  ...nodeFs,
  write: async (fd, buffer, offset, length, position) => {
    if (length > 1 && due(plan, 'writesBeforeFailure')) {
      await nodeFs.write(fd, buffer, offset, Math.floor(length / 2), position);
      throw injected(plan.code);
    }
    return nodeFs.write(fd, buffer, offset, length, position);
  },
  writeSync: (fd, buffer, offset, length, position) => {
    if (length > 1 && due(plan, 'writesBeforeFailure')) {
      nodeFs.writeSync(fd, buffer, offset, Math.floor(length / 2), position);
      throw injected(plan.code);
    }
    return nodeFs.writeSync(fd, buffer, offset, length, position);
  },
  ftruncate: async (fd, length) => {
    if (due(plan, 'truncatesBeforeFailure')) throw injected(plan.code);
    return nodeFs.ftruncate(fd, length);
  },
});
const newPlan = (code = 'ENOSPC'): FailPlan => ({ writesBeforeFailure: undefined, truncatesBeforeFailure: undefined, code });

describe('through the fs adapter (real files, one injected failure)', () => {
  it.each([
    ['ENOSPC', 'disk-full'],
    ['EDQUOT', 'disk-full'],
    ['EROFS', 'read-only'],
    ['EACCES', 'read-only'],
  ])('a half-written append failing with %s gives %s and the journal is cut back byte for byte', async (errno, code) => {
    const plan = newPlan(errno);
    const { vault, saved } = await vaultWith(4, failingFs(plan));
    const before = await vaultFiles();
    plan.writesBeforeFailure = 0;
    await expect(vault.append(checkIn('lost in the write'))).rejects.toMatchObject({ code });
    expect(await vaultFiles()).toEqual(before);
    const next = await vault.append(checkIn('next one'));
    const { ids, problems } = await reopenIds();
    expect(problems).toEqual([]);
    expect(ids).toEqual([...saved.map((e) => e.id), next.id]);
  });

  it('when even the cut-back fails, the next write cuts back first, so no stray bytes reach the journal', async () => {
    const plan = newPlan();
    const { vault, saved } = await vaultWith(3, failingFs(plan));
    plan.writesBeforeFailure = 0;
    plan.truncatesBeforeFailure = 0;
    await expect(vault.append(checkIn('half of me stays'))).rejects.toMatchObject({ code: 'disk-full' });
    const next = await vault.append(checkIn('after'));
    const { ids, problems } = await reopenIds();
    expect(problems).toEqual([]);
    expect(ids).toEqual([...saved.map((e) => e.id), next.id]);
  });

  it('a failed snapshot write during delete keeps the delete (its tombstone) and reports compacted: false', async () => {
    const plan = newPlan();
    const { vault, saved } = await vaultWith(3, failingFs(plan));
    const snapshot = await readFile(join(vaultDirIn(root), 'snapshot.bin'));
    const target = saved[1] as Entry;
    plan.writesBeforeFailure = 1; // the tombstone line goes through; the new snapshot's write fails
    expect(await vault.delete(target.id)).toEqual({ deletedIds: [target.id], compacted: false });
    expect(await readFile(join(vaultDirIn(root), 'snapshot.bin'))).toEqual(snapshot);
    expect(await readdir(vaultDirIn(root))).toEqual(expect.not.arrayContaining([expect.stringMatching(/\.tmp$/)]));
    const { ids, problems } = await reopenIds();
    expect(problems).toEqual([]);
    expect(ids).toEqual([saved[0], saved[2]].map((e) => (e as Entry).id));
  });

  it('a failed setup leaves no vault behind', async () => {
    const plan = newPlan();
    plan.writesBeforeFailure = 1; // the empty snapshot is written, the key file is not
    const vault = makeVault(root, { keychain, fs: failingFs(plan) });
    services.push(vault);
    await expect(vault.setup({ useKeychain: true, createRecoveryKey: false })).rejects.toMatchObject({ code: 'disk-full' });
    expect((await vault.status()).state).toBe('not-set-up');
    expect(await readdir(vaultDirIn(root))).toEqual([]);
  });
});
