import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { judgeLock, type LockEnvironment, parseProcStat } from './file-lock';
import { createFakeKeychain } from './testing/fake-keychain';
import { bundleChild, spawnChild } from './testing/kill-harness';
import { checkIn, makeVault, vaultDirIn } from './testing/vault-fixtures';

const keychain = createFakeKeychain();
let root: string;
const tempDir = useTempDirs();
beforeEach(() => {
  root = tempDir('attune-lock-');
});

describe('second instance', () => {
  it('cannot open a vault another live process holds, and takes it over once that process is killed', async () => {
    const setup = makeVault(root, { keychain });
    await setup.setup({ useKeychain: true, createRecoveryKey: false });
    await setup.close();

    const child = spawnChild(await bundleChild('append-child.ts', root), [vaultDirIn(root), '64']);
    try {
      await child.ready;
      child.proc.stdin.write('go\n');
      await child.opened;

      const second = makeVault(root, { keychain });
      await expect(second.unlock({ method: 'keychain' })).rejects.toMatchObject({
        code: 'vault-busy',
        message: expect.stringContaining(String(child.proc.pid)),
      });
      await expect(second.status()).rejects.toMatchObject({ code: 'vault-busy' });

      child.proc.kill('SIGKILL');
      await child.exited;
      const status = await second.unlock({ method: 'keychain' });
      expect(status.state).toBe('unlocked');
      expect(status.problems.filter((found) => found.kind !== 'torn-tail')).toEqual([]);
      await second.append(checkIn('after the take-over'));
      await second.close();
    } finally {
      child.proc.kill('SIGKILL');
    }
  });

  it('refuses a second service in the same process until the first closes', async () => {
    const first = makeVault(root, { keychain });
    await first.setup({ useKeychain: true, createRecoveryKey: false });
    const second = makeVault(root, { keychain });
    await expect(second.status()).rejects.toMatchObject({ code: 'vault-busy' });
    await first.close();
    expect((await second.unlock({ method: 'keychain' })).state).toBe('unlocked');
    await second.close();
  });

  it.skipIf(process.platform !== 'linux')('takes over a lock naming pid 1: alive, but not Attune', async () => {
    await writeFile(join(root, 'vault.lock'), JSON.stringify({ pid: 1, token: 'not ours', createdAt: Date.now() }));
    const vault = makeVault(root, { keychain });
    expect((await vault.status()).state).toBe('not-set-up');
    await vault.close();
  });

  it.skipIf(process.platform !== 'linux')('takes over a lock naming a live process of another program', async () => {
    const other = spawn('sleep', ['120'], { stdio: 'ignore' });
    try {
      await writeFile(join(root, 'vault.lock'), JSON.stringify({ pid: other.pid, token: 'not ours', createdAt: Date.now() }));
      const vault = makeVault(root, { keychain });
      expect((await vault.status()).state).toBe('not-set-up');
      await vault.close();
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('treats a lock left by a pid from before this boot as stale', async () => {
    await writeFile(join(root, 'vault.lock'), JSON.stringify({ pid: process.pid, token: 'old', createdAt: 0 }));
    const vault = makeVault(root, { keychain });
    expect((await vault.status()).state).toBe('not-set-up');
    await vault.close();
  });
});

describe('judgeLock', () => {
  const env = (alive: boolean, bootTime = 1_000_000): LockEnvironment => ({
    now: () => 2_000_000,
    isAlive: () => alive,
    bootTime: () => bootTime,
  });
  const owner = { pid: 42, token: 't', createdAt: 1_500_000 };

  it('holds while the owner lives, is stale once it is gone', () => {
    expect(judgeLock(owner, 10, env(true))).toEqual({ kind: 'held', owner });
    expect(judgeLock(owner, 10, env(false))).toEqual({ kind: 'stale', owner });
  });
  it('is stale when written before the last boot, whoever has that pid now', () => {
    expect(judgeLock({ ...owner, createdAt: 100 }, 10, env(true))).toEqual({ kind: 'stale', owner: { ...owner, createdAt: 100 } });
  });
  it('is stale when the live pid now runs another process than the one that wrote the lock', () => {
    const running = (identity: { start: string; name: string }): LockEnvironment => ({
      ...env(true),
      processIdentity: (pid) => (pid === process.pid ? { start: '1', name: 'attune' } : identity),
    });
    const written = { ...owner, start: '500', name: 'attune' };
    expect(judgeLock(written, 10, running({ start: '500', name: 'attune' })).kind).toBe('held');
    expect(judgeLock(written, 10, running({ start: '900', name: 'attune' })).kind).toBe('stale');
    // A lock that names no start time (an older one, or one written by hand) must at least name a process like this one.
    expect(judgeLock(owner, 10, running({ start: '900', name: 'attune' })).kind).toBe('held');
    expect(judgeLock(owner, 10, running({ start: '1', name: 'systemd' })).kind).toBe('stale');
  });
  it('reads a process name and start time from /proc/<pid>/stat, names with spaces and parentheses included', () => {
    const fields = Array.from({ length: 50 }, (_, i) => String(i + 3));
    expect(parseProcStat(`77 (Web (Content) x) ${fields.join(' ')}`)).toEqual({ name: 'Web (Content) x', start: '22' });
    expect(parseProcStat('garbage')).toBeUndefined();
  });
  it('gives an unreadable lock a grace period (its writer may be between create and write)', () => {
    expect(judgeLock(undefined, 500, env(false)).kind).toBe('held');
    expect(judgeLock(undefined, 60_000, env(false)).kind).toBe('stale');
  });
});

describe('lock drafts left by a kill', () => {
  it('are removed once they are older than the grace period; a fresh one is left for its contender', async () => {
    const { writeFileSync, utimesSync, readdirSync } = await import('node:fs');
    const { acquireFileLock } = await import('./file-lock');
    const dir = tempDir('attune-drafts-');
    const lock = join(dir, 'vault.lock');
    writeFileSync(`${lock}.new-old`, '{"pid":1}');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${lock}.new-old`, old, old);
    writeFileSync(`${lock}.new-fresh`, '{"pid":2}');
    const held = acquireFileLock(lock);
    expect(readdirSync(dir).sort()).toEqual(['vault.lock', 'vault.lock.new-fresh']);
    held.release();
  });
});
