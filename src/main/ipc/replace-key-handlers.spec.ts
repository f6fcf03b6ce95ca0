import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { errorCopy } from '../../shared/copy';
import { vaultContract } from '../../shared/ipc/vault-contract';
import { startStandInAttune } from '../app/testing/start-stand-in-attune';
import { type FsPort, nodeFs } from '../fs/fs-port';
import { createMemoryLogger } from '../log/logger';
import { checkIn, makeVault, manualClock, vaultDirIn } from '../vault/testing/vault-fixtures';
import { FREE_ATTEMPTS } from '../vault/throttle';
import type { VaultService } from '../vault/vault-service';
import type { CallContext } from './call-context';
import { createDispatch } from './dispatch';
import { createVaultHandlers } from './vault-handlers';

/**
 * vault.replaceKey through the real dispatcher and handlers on a real vault in
 * a temp dir (the locked case through the whole composition root, locked gate
 * included): a new key, the same passphrase, and afterwards the old recovery
 * key and an old vault.json open nothing. Nothing is mocked below the
 * Electron boundary; the full-disk case wraps the real file port.
 */
const app: CallContext = { window: 'app' };
const PASSPHRASE = 'a long quiet river';
type Answer = { ok: boolean; value?: never; error?: { code: string; message: string; retryAfterSeconds?: number } };

const tempDir = useTempDirs();
const open: VaultService[] = [];
afterEach(async () => {
  for (const vault of open.splice(0)) await vault.close();
});

const wire = (root: string, options: Parameters<typeof makeVault>[1] = {}) => {
  const clock = manualClock();
  const vault = makeVault(root, { clock, ...options });
  open.push(vault);
  const dispatch = createDispatch(vaultContract, createVaultHandlers(vault), createMemoryLogger());
  const call = async (channel: string, payload?: unknown): Promise<Answer> => (await dispatch(channel, payload, app)) as Answer;
  return { vault, call, clock };
};
const keyIdIn = (root: string): string =>
  (JSON.parse(readFileSync(join(vaultDirIn(root), 'vault.json'), 'utf8')) as { keyId: string }).keyId;
const withPassphrase = { current: { method: 'passphrase', passphrase: PASSPHRASE } };

describe('vault.replaceKey', () => {
  it('gives the history a new key and keeps the passphrase; the old recovery key and an old vault.json open nothing', async () => {
    const root = tempDir();
    const { call } = wire(root);
    const setup = await call('vault.setup', { passphrase: PASSPHRASE, useKeychain: false, createRecoveryKey: true });
    const oldRecovery = (setup as unknown as { value: { recoveryKey: string } }).value.recoveryKey;
    expect(await call('vault.keepRecoveryKey', { recoveryKey: oldRecovery })).toMatchObject({ ok: true });
    await call('vault.append', checkIn('before'));
    const backup = await readFile(join(vaultDirIn(root), 'vault.json'));
    const oldKeyId = keyIdIn(root);

    const replaced = await call('vault.replaceKey', withPassphrase);
    expect(replaced).toMatchObject({
      ok: true,
      value: { status: { state: 'unlocked', entryCount: 1, problems: [] }, recoveryKey: expect.any(String) },
    });
    const newRecovery = (replaced as unknown as { value: { recoveryKey: string } }).value.recoveryKey;
    expect(newRecovery).not.toBe(oldRecovery);
    expect(keyIdIn(root)).not.toBe(oldKeyId);
    expect(await call('vault.keepRecoveryKey', { recoveryKey: newRecovery })).toMatchObject({
      ok: true,
      value: { methods: { recovery: true } },
    });
    await call('vault.append', checkIn('after'));

    await call('vault.lock');
    expect(await call('vault.unlock', { method: 'recovery', recoveryKey: oldRecovery })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    expect(await call('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
      value: { entryCount: 2 },
    });
    await call('vault.lock');
    expect(await call('vault.unlock', { method: 'recovery', recoveryKey: newRecovery })).toMatchObject({
      ok: true,
      value: { entryCount: 2 },
    });
    await open.pop()?.close();

    // The backup's vault.json with the same passphrase: its key unwraps, but nothing written under the new one opens.
    writeFileSync(join(vaultDirIn(root), 'vault.json'), backup);
    const old = wire(root);
    expect(await old.call('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
      value: { entryCount: 0 },
    });
    expect(await old.call('vault.list', { limit: 10 })).toMatchObject({ ok: true, value: { entries: [] } });
  });

  it('keychain only: the keychain is the proof, no recovery key is made when none was in use', async () => {
    const root = tempDir();
    const { call } = wire(root);
    await call('vault.setup', { useKeychain: true, createRecoveryKey: false });
    await call('vault.append', checkIn('kept'));
    const oldKeyId = keyIdIn(root);
    expect(await call('vault.replaceKey', { current: { method: 'keychain' } })).toMatchObject({
      ok: true,
      value: {
        status: { state: 'unlocked', entryCount: 1, methods: { keychain: true, passphrase: false, recovery: false } },
        recoveryKey: null,
      },
    });
    expect(keyIdIn(root)).not.toBe(oldKeyId);
    await call('vault.lock');
    expect(await call('vault.unlock', { method: 'keychain' })).toMatchObject({ ok: true, value: { entryCount: 1 } });
  });

  it('a wrong passphrase changes nothing and counts like an unlock: after the free tries it waits, the right one too', async () => {
    const root = tempDir();
    const { call, clock } = wire(root);
    await call('vault.setup', { passphrase: PASSPHRASE, useKeychain: false, createRecoveryKey: false });
    const before = await readFile(join(vaultDirIn(root), 'vault.json'));
    const wrong = { current: { method: 'passphrase', passphrase: 'not the one' } };
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      expect(await call('vault.replaceKey', wrong)).toEqual({
        ok: false,
        error: { code: 'wrong-passphrase', message: errorCopy['wrong-passphrase'] },
      });
    }
    // The throttle is the unlock's: the next try, right or wrong, waits first.
    const waiting = await call('vault.replaceKey', withPassphrase);
    expect(waiting).toMatchObject({ ok: false, error: { code: 'too-many-attempts', retryAfterSeconds: 1 } });
    expect(waiting.error?.message).toContain(errorCopy['too-many-attempts']);
    expect(await readFile(join(vaultDirIn(root), 'vault.json'))).toEqual(before);
    clock.advance(1_000);
    expect(await call('vault.replaceKey', withPassphrase)).toMatchObject({ ok: true, value: { recoveryKey: null } });
  });

  it('refuses what is not a passphrase or the keychain, and anything extra, before the vault sees it', async () => {
    const root = tempDir();
    const { call } = wire(root);
    await call('vault.setup', { passphrase: PASSPHRASE, useKeychain: false, createRecoveryKey: false });
    const before = await readFile(join(vaultDirIn(root), 'vault.json'));
    for (const payload of [
      undefined,
      {},
      { current: { method: 'recovery', recoveryKey: 'AAAA-BBBB' } },
      { current: { method: 'passphrase', passphrase: '' } },
      { ...withPassphrase, next: 'a new passphrase' },
      { ...withPassphrase, replaceKey: true },
    ]) {
      expect(await call('vault.replaceKey', payload), JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    expect(await readFile(join(vaultDirIn(root), 'vault.json'))).toEqual(before);
  });

  it('a full disk: calm words, vault.json as it was, and the history goes on under the old key', async () => {
    const root = tempDir();
    let full = false;
    const tempFiles = new Set<number>();
    const fs: FsPort = {
      ...nodeFs,
      open: async (path, flags, mode) => {
        const fd = await nodeFs.open(path, flags, mode);
        if (full && path.endsWith('.tmp')) tempFiles.add(fd);
        return fd;
      },
      write: (fd, buffer, offset, length, position) =>
        tempFiles.has(fd)
          ? Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' }))
          : nodeFs.write(fd, buffer, offset, length, position),
    };
    const { call } = wire(root, { fs });
    await call('vault.setup', { passphrase: PASSPHRASE, useKeychain: false, createRecoveryKey: false });
    await call('vault.append', checkIn('kept'));
    const before = await readFile(join(vaultDirIn(root), 'vault.json'));
    full = true;
    expect(await call('vault.replaceKey', withPassphrase)).toEqual({
      ok: false,
      error: { code: 'disk-full', message: errorCopy['disk-full'] },
    });
    full = false;
    expect(await readFile(join(vaultDirIn(root), 'vault.json'))).toEqual(before);
    expect(await call('vault.list', { limit: 10 })).toMatchObject({ ok: true, value: { entries: [{ kind: 'check-in' }] } });
    expect(await call('vault.append', checkIn('after'))).toMatchObject({ ok: true });
  });

  it('an older history waiting for the person’s choice: refused, nothing written', async () => {
    const root = tempDir();
    const copy = join(root, 'older-copy');
    const first = wire(root);
    await first.call('vault.setup', { passphrase: PASSPHRASE, useKeychain: false, createRecoveryKey: false });
    await first.call('vault.append', checkIn('kept'));
    await first.vault.close();
    cpSync(vaultDirIn(root), copy, { recursive: true });
    await first.call('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    await first.call('vault.append', checkIn('newer'));
    await first.vault.close();
    rmSync(vaultDirIn(root), { recursive: true });
    cpSync(copy, vaultDirIn(root), { recursive: true });

    const { call } = wire(root);
    expect(await call('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
      value: { problems: [expect.objectContaining({ kind: 'older-history' })] },
    });
    const before = await readFile(join(vaultDirIn(root), 'vault.json'));
    expect(await call('vault.replaceKey', withPassphrase)).toEqual({
      ok: false,
      error: { code: 'history-older', message: errorCopy['history-older'] },
    });
    expect(await readFile(join(vaultDirIn(root), 'vault.json'))).toEqual(before);
  });

  it('snapshot damage waiting for the person’s choice: refused as vault-damaged, nothing written', async () => {
    const root = tempDir();
    const first = wire(root);
    await first.call('vault.setup', { passphrase: PASSPHRASE, useKeychain: false, createRecoveryKey: false });
    for (const note of ['one', 'two', 'three']) await first.call('vault.append', checkIn(note));
    await first.vault.compact();
    await first.vault.close();
    // Everything after the header frame cut off (24-byte preamble, then 4-byte-length frames).
    const path = join(vaultDirIn(root), 'snapshot.bin');
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, 24 + 4 + bytes.readUInt32BE(24)));

    const { call } = wire(root);
    expect(await call('vault.unlock', { method: 'passphrase', passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
      value: { problems: expect.arrayContaining([expect.objectContaining({ kind: 'snapshot-damaged' })]) },
    });
    const before = await readFile(join(vaultDirIn(root), 'vault.json'));
    expect(await call('vault.replaceKey', withPassphrase)).toMatchObject({ ok: false, error: { code: 'vault-damaged' } });
    expect(await readFile(join(vaultDirIn(root), 'vault.json'))).toEqual(before);
  });

  it('is refused while Attune is locked, through the real composition root', async () => {
    const dir = tempDir('attune-replace-key-');
    const { attune } = await startStandInAttune({ dataDir: dir, log: createMemoryLogger() });
    try {
      await attune.vault.setup({ passphrase: PASSPHRASE, useKeychain: false, createRecoveryKey: false });
      await attune.vault.append(checkIn('private'));
      expect(await attune.dispatch('vault.lock', undefined, app)).toMatchObject({ ok: true, value: { state: 'locked' } });
      const before = readFileSync(join(dir, 'vault', 'vault.json'));
      expect(await attune.dispatch('vault.replaceKey', withPassphrase, app)).toMatchObject({ ok: false, error: { code: 'vault-locked' } });
      expect(readFileSync(join(dir, 'vault', 'vault.json'))).toEqual(before);
    } finally {
      await attune.stop();
    }
  });
});
