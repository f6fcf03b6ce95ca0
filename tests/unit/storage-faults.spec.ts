import { execFile } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { readdir, readFile, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { AttuneError } from '../../src/main/attune-error';
import { createMemoryLogger } from '../../src/main/log/logger';
import { openSettings } from '../../src/main/settings/open-settings';
import { openConfSettingsStore } from '../../src/main/settings/settings-store-options';
import { createFakeKeychain } from '../../src/main/vault/testing/fake-keychain';
import { bundleChild } from '../../src/main/vault/testing/kill-harness';
import { canMountTmpfs, fillToLastByte, remount, tryMountTmpfs, unmount } from '../../src/main/vault/testing/tmpfs';
import { checkIn, makeVault } from '../../src/main/vault/testing/vault-fixtures';
import type { VaultService } from '../../src/main/vault/vault-service';
import type { Entry } from '../../src/shared/entry-schema';
import type { Settings } from '../../src/shared/settings-schema';
import { useTempDirs } from '../support/temp-dir';
import { type OsUser, unreachableFor } from '../support/user-access';

/**
 * Storage faults (issue 9): the kernel's own ENOSPC and EROFS, from a real,
 * tiny tmpfs, during append, compaction (delete), export and the settings
 * write. Each time: the promise rejects with the calm typed error
 * (AttuneError 'disk-full' / 'read-only', never a raw Node error), every file
 * already saved is byte-identical, no temp file is left, what is in memory is
 * what is on disk, and once space or write access returns everything saved
 * is there and the next write goes through.
 */
const probeDir = mkdtempSync(join(tmpdir(), 'attune-faults-probe-'));
const mountable = canMountTmpfs(probeDir);
rmdirSync(probeDir);
if (!mountable.ok) console.info(`storage-faults: skipped, cannot mount a tmpfs here (${mountable.reason})`);

const execFileAsync = promisify(execFile);
const keychain = createFakeKeychain();
let root: string;
const mounts: string[] = [];
const services: VaultService[] = [];

// Before the afterEach below, so its folders go only once the vaults are closed and the volumes unmounted.
const tempDir = useTempDirs();
beforeEach(() => {
  root = tempDir('attune-faults-');
});
afterEach(async () => {
  for (const vault of services.splice(0)) await vault.close().catch(() => undefined);
  for (const dir of mounts.splice(0).reverse()) unmount(dir);
});

/** A fresh tmpfs of `sizeKb` at root/<name>. */
const volume = (name: string, sizeKb: number): string => {
  const dir = join(root, name);
  mkdirSync(dir);
  const failure = tryMountTmpfs(dir, sizeKb);
  if (failure !== undefined) throw new Error(failure);
  mounts.push(dir);
  return dir;
};

/** Give `bytes` back (whole pages on tmpfs). */
const release = async (filler: string, bytes: number): Promise<void> => {
  await truncate(filler, Math.max(0, (await stat(filler)).size - bytes));
};

/** Every file in a folder (dot files included, sub-folders skipped) with its bytes. */
const filesIn = (dir: string): Record<string, Buffer> => {
  const out: Record<string, Buffer> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isFile()) out[entry.name] = readFileSync(join(dir, entry.name));
  return out;
};

/** Rejects with the calm typed error: an AttuneError with this code, not a raw Node error. */
const expectCalm = async (
  work: Promise<unknown>,
  code: 'disk-full' | 'read-only' | 'export-disk-full' | 'export-not-writable',
): Promise<void> => {
  const outcome = await work.then(
    (value: unknown) => ({ resolved: value }),
    (error: unknown) => ({ error }),
  );
  expect(outcome).toHaveProperty('error');
  const { error } = outcome as { error: unknown };
  expect(error).toBeInstanceOf(AttuneError);
  expect(error).toMatchObject({ code });
};

const vaultIn = (dir: string): VaultService => {
  const vault = makeVault(dir, { keychain });
  services.push(vault);
  return vault;
};

const newVault = async (dir: string, count: number): Promise<{ vault: VaultService; saved: Entry[] }> => {
  const vault = vaultIn(dir);
  await vault.setup({ useKeychain: true, createRecoveryKey: false });
  const saved: Entry[] = [];
  for (let i = 0; i < count; i += 1) saved.push(await vault.append(checkIn(`saved before the fault, number ${i}`)));
  return { vault, saved };
};

const closeAll = async (): Promise<void> => {
  for (const vault of services.splice(0)) await vault.close();
};

const idsOf = async (vault: VaultService): Promise<string[]> =>
  (await vault.list({ limit: 100_000 })).entries.map((entry) => entry.id).sort();

const sortedIds = (entries: readonly Entry[]): string[] => entries.map((entry) => entry.id).sort();

describe.runIf(mountable.ok)('vault on a full tmpfs (ENOSPC)', () => {
  it('append and compaction fail calmly; a delete whose roll cannot run holds, is finished after a restart once space returns', async () => {
    const vol = volume('vol', 512);
    const vaultDir = join(vol, 'vault');
    // 60 entries: a snapshot of several pages, so a roll needs more room than a tombstone.
    const { vault, saved } = await newVault(vol, 60);
    const filler = await fillToLastByte(vol);

    // Append: the journal's last page may take a line or two more; the first that does not fit leaves no trace.
    let before = filesIn(vaultDir);
    let refusal: unknown;
    for (let i = 0; i < 40 && refusal === undefined; i += 1) {
      before = filesIn(vaultDir);
      await vault.append(checkIn(`while full ${i}`)).then(
        (entry) => saved.push(entry),
        (error: unknown) => (refusal = error),
      );
    }
    expect(refusal).toBeInstanceOf(AttuneError);
    expect(refusal).toMatchObject({ code: 'disk-full' });
    expect(filesIn(vaultDir)).toEqual(before);

    // Compaction: the new snapshot's temp file fills up and is removed; the live snapshot is untouched.
    await expectCalm(vault.compact(), 'disk-full');
    expect(filesIn(vaultDir)).toEqual(before);

    // One page back: room for a tombstone, not for a new snapshot. The delete holds (the tombstone is the decision) without compacting.
    await release(filler, 4096);
    const target = saved[7] as Entry;
    expect(await vault.delete(target.id)).toEqual({ deletedIds: [target.id], compacted: false });
    const after = filesIn(vaultDir);
    expect(after['snapshot.bin']).toEqual(before['snapshot.bin']);
    expect(after['vault.json']).toEqual(before['vault.json']);
    expect(Object.keys(after).sort()).toEqual(['journal.log', 'snapshot.bin', 'vault.json']);
    const live = saved.filter((entry) => entry.id !== target.id);
    expect(await idsOf(vault)).toEqual(sortedIds(live));

    // Restart while still full: opens readable, the roll waits (cleanup-deferred), the delete still holds.
    await closeAll();
    const restarted = vaultIn(vol);
    const status = await restarted.unlock({ method: 'keychain' });
    expect(status.problems.map((found) => found.kind)).toEqual(['cleanup-deferred']);
    expect(await idsOf(restarted)).toEqual(sortedIds(live));
    await expectCalm(restarted.append(checkIn('still full')), 'disk-full');

    // Space again: the next write first finishes the roll, so the deleted entry's bytes leave the journal.
    await rm(filler);
    const next = await restarted.append(checkIn('space again'));
    const journal = (await readFile(join(vaultDir, 'journal.log'), 'latin1')).split('\n').filter(Boolean);
    expect(journal).toHaveLength(1);
    await closeAll();
    const clean = vaultIn(vol);
    expect((await clean.unlock({ method: 'keychain' })).problems).toEqual([]);
    expect(await idsOf(clean)).toEqual(sortedIds([...live, next]));
  });

  it('a restart on a completely full disk: unlock says disk-full (the lock file cannot be written), leaves no stray file, and everything is there once space returns', async () => {
    const vol = volume('vol', 256);
    const { saved } = await newVault(vol, 10);
    await closeAll();
    const filler = await fillToLastByte(vol);

    for (let attempt = 0; attempt < 3; attempt += 1) await expectCalm(vaultIn(vol).unlock({ method: 'keychain' }), 'disk-full');
    await closeAll();
    // Each failed attempt used to leave its empty lock draft (vault.lock.new-<token>) beside the vault.
    // vault.mark (the high-water mark) was written by the earlier session, before the disk filled.
    expect((await readdir(vol)).sort()).toEqual(['filler', 'vault', 'vault.mark']);

    await rm(filler);
    const again = vaultIn(vol);
    expect((await again.unlock({ method: 'keychain' })).problems).toEqual([]);
    expect(await idsOf(again)).toEqual(sortedIds(saved));
  });

  it('export to a full disk fails with export-disk-full; an earlier export at that path stays byte-identical and no temp file is left', async () => {
    const { vault, saved } = await newVault(root, 40);
    const out = volume('out', 64);
    const earlier = join(out, 'history.json');
    await vault.export({ path: earlier, format: 'json', confirmPlaintext: true });
    const earlierBytes = await readFile(earlier);
    const vaultBefore = filesIn(join(root, 'vault'));
    await fillToLastByte(out);

    await expectCalm(vault.export({ path: earlier, format: 'json', confirmPlaintext: true }), 'export-disk-full');
    await expectCalm(vault.export({ path: join(out, 'new.csv'), format: 'csv', confirmPlaintext: true }), 'export-disk-full');
    expect(await readFile(earlier)).toEqual(earlierBytes);
    expect((await readdir(out)).sort()).toEqual(['filler', 'history.json']);
    expect(filesIn(join(root, 'vault'))).toEqual(vaultBefore);
    expect(await idsOf(vault)).toEqual(sortedIds(saved));

    await rm(join(out, 'filler'));
    expect(await vault.export({ path: join(out, 'new.csv'), format: 'csv', confirmPlaintext: true })).toMatchObject({ count: 40 });
  });
});

describe.runIf(mountable.ok)('vault on a read-only tmpfs (EROFS)', () => {
  it('append, delete (compaction), compact and change passphrase say read-only and touch nothing; all is there once writable', async () => {
    const vol = volume('vol', 1024);
    const { saved } = await newVault(vol, 12);
    await closeAll();
    remount(vol, 'ro');
    const before = filesIn(join(vol, 'vault'));

    const vault = vaultIn(vol);
    expect(await vault.unlock({ method: 'keychain' })).toMatchObject({ state: 'unlocked', entryCount: 12, problems: [] });
    await expectCalm(vault.append(checkIn('nope')), 'read-only');
    await expectCalm(vault.delete((saved[3] as Entry).id), 'read-only');
    await expectCalm(vault.compact(), 'read-only');
    await expectCalm(vault.changePassphrase({ method: 'keychain' }, 'a new passphrase'), 'read-only');
    expect(filesIn(join(vol, 'vault'))).toEqual(before);
    expect(await idsOf(vault)).toEqual(sortedIds(saved));

    await closeAll();
    remount(vol, 'rw');
    const again = vaultIn(vol);
    await again.unlock({ method: 'keychain' });
    expect(await again.delete((saved[3] as Entry).id)).toMatchObject({ compacted: true });
    expect(await idsOf(again)).toEqual(sortedIds(saved.filter((_, i) => i !== 3)));
  });

  it('export to a read-only folder fails with export-not-writable; an earlier export there stays byte-identical', async () => {
    const { vault } = await newVault(root, 10);
    const out = volume('out', 64);
    const earlier = join(out, 'history.csv');
    await vault.export({ path: earlier, format: 'csv', confirmPlaintext: true });
    const earlierBytes = await readFile(earlier);
    remount(out, 'ro');

    await expectCalm(vault.export({ path: earlier, format: 'csv', confirmPlaintext: true }), 'export-not-writable');
    await expectCalm(vault.export({ path: join(out, 'other.json'), format: 'json', confirmPlaintext: true }), 'export-not-writable');
    expect(await readFile(earlier)).toEqual(earlierBytes);
    expect(await readdir(out)).toEqual(['history.csv']);
  });
});

/** Settings as the app has them: conf (electron-store's engine) under SettingsService, opened by openSettings. */
const openSettingsIn = (dir: string) => openSettings(dir, openConfSettingsStore, createMemoryLogger());

/** An applier records the side effects a change makes (and their undo) the way the shortcut or autostart appliers do. */
const withApplier = (settings: ReturnType<typeof openSettingsIn>['settings']): string[] => {
  const calls: string[] = [];
  settings.addApplier((next: Settings, previous: Settings) => {
    calls.push(`${previous.appearance.theme}→${next.appearance.theme}`);
  });
  return calls;
};

describe.runIf(mountable.ok)('settings write on a tiny tmpfs', () => {
  it('a full disk: set() rejects with disk-full, settings.json stays byte-identical, the previous value stays in force', async () => {
    const data = volume('data', 64);
    const { settings } = openSettingsIn(data);
    await settings.set({
      shortcut: 'Alt+Shift+K',
      appearance: { theme: 'light', motion: 'system', discreet: true, zoomPercent: 100, language: 'system' },
    });
    const file = join(data, 'settings.json');
    const saved = await readFile(file);
    const previous = settings.get();
    const calls = withApplier(settings);
    const filler = await fillToLastByte(data);

    await expectCalm(
      settings.set({ appearance: { theme: 'dark', motion: 'reduce', discreet: false, zoomPercent: 100, language: 'system' } }),
      'disk-full',
    );
    expect(await readFile(file)).toEqual(saved);
    expect(settings.get()).toEqual(previous);
    // The side effect ran, then was undone with the previous settings.
    expect(calls).toEqual(['light→dark', 'dark→light']);
    expect((await readdir(data)).sort()).toEqual(['filler', 'settings.json']);
    expect(openSettingsIn(data).settings.get()).toEqual(previous);

    await rm(filler);
    await settings.set({ appearance: { theme: 'dark', motion: 'reduce', discreet: false, zoomPercent: 100, language: 'system' } });
    expect(openSettingsIn(data).settings.get().appearance.theme).toBe('dark');
  });

  it('a read-only folder: set() rejects with read-only, settings.json stays byte-identical, the previous value stays in force', async () => {
    const data = volume('data', 64);
    const { settings } = openSettingsIn(data);
    await settings.set({ shortcut: 'Alt+Shift+J' });
    const file = join(data, 'settings.json');
    const saved = await readFile(file);
    const previous = settings.get();
    remount(data, 'ro');

    await expectCalm(settings.set({ shortcut: 'Control+Alt+P' }), 'read-only');
    expect(await readFile(file)).toEqual(saved);
    expect(settings.get()).toEqual(previous);
    expect(await readdir(data)).toEqual(['settings.json']);
    // Opening settings from a read-only folder still works and gives what was saved.
    expect(openSettingsIn(data).settings.get()).toEqual(previous);

    remount(data, 'rw');
    await settings.set({ shortcut: 'Control+Alt+P' });
    expect(openSettingsIn(data).settings.get().shortcut).toBe('Control+Alt+P');
  });
});

/**
 * EACCES, which root never gets from file permissions: the same writes from
 * a child process running as an ordinary user (nobody) on folders it owns but
 * may not write (mode 0500, files 0400) — a folder restored read-only from a
 * backup, or whose permissions were changed.
 */
const runAsUser = (): OsUser | undefined => (process.getuid?.() === 0 ? { name: 'nobody', uid: 65534, gid: 65534 } : undefined);

// As nobody, the child needs this Node binary (often node_modules/node inside the checkout) and the temp
// folder it works in (the bundled child is written there). A clone under a private home (mode 700) or a
// private TMPDIR keeps nobody out: that is a fact of the machine, not a fault in Attune, so say so and skip.
const childUser = process.platform === 'win32' ? undefined : runAsUser();
const unreachable = childUser
  ? unreachableFor(childUser, [
      { path: process.execPath, as: 'execute' },
      { path: tmpdir(), as: 'enter' },
    ])
  : null;
if (unreachable !== null)
  console.info(`storage-faults: EACCES test skipped, ${unreachable}; clone where nobody can read it, or run the tests as an ordinary user`);

describe.runIf(process.platform !== 'win32' && unreachable === null)('no write permission (EACCES, a real kernel refusal)', () => {
  it(
    'every vault write and the settings write say read-only, the export export-not-writable; nothing changes',
    { timeout: 60_000 },
    async () => {
      chmodSync(root, 0o755);
      const { saved } = await newVault(join(root, 'v'), 8);
      await closeAll();
      const out = join(root, 'out');
      mkdirSync(out);
      const exported = join(out, 'history.json');
      const exporter = vaultIn(join(root, 'v'));
      await exporter.unlock({ method: 'keychain' });
      await exporter.export({ path: exported, format: 'json', confirmPlaintext: true });
      await closeAll();
      const data = join(root, 'data');
      mkdirSync(data);
      await openSettingsIn(data).settings.set({ shortcut: 'Alt+Shift+K' });
      const bin = join(root, 'bin');
      mkdirSync(bin, { mode: 0o755 });
      const command = await bundleChild('no-write-access-child.ts', bin);

      const user = childUser;
      const locked = [join(root, 'v'), join(root, 'v', 'vault'), out, data];
      for (const dir of locked) {
        for (const name of readdirSync(dir)) {
          const path = join(dir, name);
          if (user) chownSync(path, user.uid, user.gid);
          if (!statSync(path).isDirectory()) chmodSync(path, 0o400);
        }
        if (user) chownSync(dir, user.uid, user.gid);
        chmodSync(dir, 0o500);
      }
      const before = Object.fromEntries(locked.map((dir) => [dir, filesIn(dir)]));

      const { stdout } = await execFileAsync(
        process.execPath,
        [...command, join(root, 'v', 'vault'), exported, data, (saved[2] as Entry).id],
        { cwd: root, ...(user ?? {}) },
      );
      const report = JSON.parse(stdout) as {
        uid: number;
        unlocked: string;
        entryCount: number;
        results: Record<string, { ok: boolean; attune?: boolean; code?: string; errno?: string; ms: number }>;
        shortcutBefore: string;
        shortcutAfter: string;
      };
      // Reading needs no write access: the vault unlocks (without its lock file, which cannot be made) and lists everything.
      if (user) expect(report.uid).toBe(user.uid);
      expect(report).toMatchObject({ unlocked: 'unlocked', entryCount: 8, shortcutBefore: 'Alt+Shift+K', shortcutAfter: 'Alt+Shift+K' });
      for (const name of ['append', 'delete', 'compact', 'changePassphrase', 'export', 'settings']) {
        // The export's folder is the person's choice, not Attune's: its own code, so its message names that folder.
        const code = name === 'export' ? 'export-not-writable' : 'read-only';
        expect({ name, ...report.results[name] }).toMatchObject({ name, ok: false, attune: true, code, errno: 'EACCES' });
      }
      for (const dir of locked) expect(filesIn(dir)).toEqual(before[dir]);

      for (const dir of locked) chmodSync(dir, 0o700);
      for (const name of readdirSync(join(root, 'v', 'vault'))) chmodSync(join(root, 'v', 'vault', name), 0o600);
      const again = vaultIn(join(root, 'v'));
      expect((await again.unlock({ method: 'keychain' })).problems).toEqual([]);
      expect(await idsOf(again)).toEqual(sortedIds(saved));
    },
  );
});
