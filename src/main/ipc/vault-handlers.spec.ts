import { cpSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { errorCopy } from '../../shared/copy';
import { vaultContract } from '../../shared/ipc/vault-contract';
import { createMemoryLogger } from '../log/logger';
import { DeferredDeletes } from '../vault/deferred-deletes';
import { checkIn, makeVault, manualClock, vaultDirIn } from '../vault/testing/vault-fixtures';
import type { VaultService } from '../vault/vault-service';
import type { CallContext } from './call-context';
import { createDispatch, type Dispatch } from './dispatch';
import { createVaultHandlers } from './vault-handlers';

/** The vault channels through the real dispatcher: validation, error envelope, and no key material out. */
const app: CallContext = { window: 'app' };
let root: string;
let vault: VaultService;
let dispatch: Dispatch;
const responses: unknown[] = [];
const call = async (
  channel: string,
  payload?: unknown,
): Promise<{ ok: boolean; value?: never; error?: { code: string; retryAfterSeconds?: number } }> => {
  const result = await dispatch(channel, payload, app);
  responses.push(result);
  return result as never;
};

const tempDir = useTempDirs();
beforeEach(async () => {
  root = tempDir();
  vault = makeVault(root, { clock: manualClock() });
  dispatch = createDispatch(vaultContract, createVaultHandlers(vault), createMemoryLogger());
  responses.length = 0;
});
afterEach(async () => {
  await vault.close();
});

describe('vault channels', () => {
  it('walk setup → append → list → lock → unlock, and never answer with key material', async () => {
    expect(await call('vault.status')).toMatchObject({ ok: true, value: { state: 'not-set-up', entryCount: null, problems: [] } });
    const setup = await call('vault.setup', { passphrase: 'long enough', useKeychain: true, createRecoveryKey: true });
    // The recovery key is shown, and counts only once the person says they have kept it.
    expect(setup).toMatchObject({
      ok: true,
      value: {
        status: { state: 'unlocked', methods: { keychain: true, passphrase: true, recovery: false } },
        recoveryKey: expect.any(String),
      },
    });
    const shown = (setup as unknown as { value: { recoveryKey: string } }).value.recoveryKey;
    expect(await call('vault.keepRecoveryKey', { recoveryKey: shown })).toMatchObject({ ok: true, value: { methods: { recovery: true } } });
    expect(await call('vault.append', checkIn('hello'))).toMatchObject({ ok: true, value: { kind: 'check-in', offsetMinutes: 60 } });
    expect(await call('vault.list', { limit: 10 })).toMatchObject({
      ok: true,
      value: { entries: [{ kind: 'check-in' }], nextCursor: null },
    });
    expect(await call('vault.lock')).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(await call('vault.list', { limit: 10 })).toMatchObject({ ok: false, error: { code: 'vault-locked' } });
    expect(await call('vault.unlock', { method: 'passphrase', passphrase: 'not the one' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    expect(await call('vault.unlock', { method: 'keychain' })).toMatchObject({ ok: true, value: { state: 'unlocked', entryCount: 1 } });
    expect(await call('vault.changePassphrase', { current: { method: 'keychain' }, next: 'another long one' })).toMatchObject({ ok: true });

    const keyFile = JSON.parse(await readFile(join(vaultDirIn(root), 'vault.json'), 'utf8')) as {
      keyId: string;
      check: { iv: string; tag: string };
      wraps: { keychain: { blob: string }; passphrase: { salt: string; ct: string; tag: string }; recovery: { salt: string; ct: string } };
    };
    const secrets = [
      keyFile.keyId,
      keyFile.check.tag,
      keyFile.wraps.keychain.blob,
      keyFile.wraps.passphrase.ct,
      keyFile.wraps.passphrase.salt,
      keyFile.wraps.recovery.ct,
    ];
    const everything = JSON.stringify(responses);
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });

  it('changePassphrase with replaceKey re-keys: a new recovery key is answered once, an old vault.json opens nothing', async () => {
    const setup = await call('vault.setup', { passphrase: 'the first one', useKeychain: false, createRecoveryKey: true });
    const firstKey = (setup as unknown as { value: { recoveryKey: string } }).value.recoveryKey;
    await call('vault.keepRecoveryKey', { recoveryKey: firstKey });
    await call('vault.append', checkIn('before'));
    const backup = await readFile(join(vaultDirIn(root), 'vault.json'));
    // Without the option: the same key, no recovery key made.
    expect(
      await call('vault.changePassphrase', { current: { method: 'passphrase', passphrase: 'the first one' }, next: 'the second one' }),
    ).toEqual({ ok: true, value: { status: expect.objectContaining({ state: 'unlocked' }), recoveryKey: null } });
    const changed = await call('vault.changePassphrase', {
      current: { method: 'passphrase', passphrase: 'the second one' },
      next: 'the third one',
      replaceKey: true,
    });
    expect(changed).toMatchObject({
      ok: true,
      value: { status: { state: 'unlocked', entryCount: 1, problems: [] }, recoveryKey: expect.any(String) },
    });
    const nextKey = (changed as unknown as { value: { recoveryKey: string } }).value.recoveryKey;
    expect(nextKey).not.toBe(firstKey);
    expect(await call('vault.keepRecoveryKey', { recoveryKey: nextKey })).toMatchObject({
      ok: true,
      value: { methods: { recovery: true } },
    });
    await call('vault.lock');
    expect(await call('vault.unlock', { method: 'recovery', recoveryKey: firstKey })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    expect(await call('vault.unlock', { method: 'passphrase', passphrase: 'the third one' })).toMatchObject({
      ok: true,
      value: { entryCount: 1 },
    });
    await vault.close();

    // The backup's vault.json with its own passphrase: the key unwraps, but nothing written under the new key opens.
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(vaultDirIn(root), 'vault.json'), backup);
    vault = makeVault(root, { clock: manualClock() });
    dispatch = createDispatch(vaultContract, createVaultHandlers(vault), createMemoryLogger());
    const old = await call('vault.unlock', { method: 'passphrase', passphrase: 'the first one' });
    expect(old).toMatchObject({ ok: true, value: { entryCount: 0 } });
    expect(await call('vault.list', { limit: 10 })).toMatchObject({ ok: true, value: { entries: [] } });
  });

  it('reject malformed requests before the vault sees them, leaving the files as they were', async () => {
    await call('vault.setup', { useKeychain: true, createRecoveryKey: false });
    const journal = await readFile(join(vaultDirIn(root), 'journal.log'));
    const bad: Array<[string, unknown]> = [
      ['vault.append', { kind: 'check-in', data: { states: ['freeze'], needs: [], note: 'x'.repeat(5000) } }],
      ['vault.append', { kind: 'check-in', data: { states: [], needs: [] }, id: 'chosen-by-renderer' }],
      ['vault.setup', { passphrase: 'short', useKeychain: false, createRecoveryKey: false }],
      ['vault.unlock', { method: 'passphrase' }],
      ['vault.list', { limit: 100_000 }],
      ['vault.delete', { id: '../../etc' }],
      ['vault.erase', undefined],
      ['vault.erase', { confirm: false }],
      ['vault.export', { path: 'relative/out.json', format: 'json', confirmPlaintext: true }],
      ['vault.export', { path: '/tmp/out.xml', format: 'xml', confirmPlaintext: true }],
      ['vault.status', { sneaky: true }],
    ];
    for (const [channel, payload] of bad)
      expect(await call(channel, payload), channel).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await readFile(join(vaultDirIn(root), 'journal.log'))).toEqual(journal);
  });

  it('ask for an explicit confirm before writing readable text, and never inside the vault folder', async () => {
    await call('vault.setup', { useKeychain: true, createRecoveryKey: false });
    const target = join(root, 'export.json');
    expect(await call('vault.export', { path: target, format: 'json' })).toMatchObject({ ok: false, error: { code: 'confirm-required' } });
    expect(await call('vault.export', { path: target, format: 'json', confirmPlaintext: false })).toMatchObject({
      ok: false,
      error: { code: 'confirm-required' },
    });
    expect(await call('vault.export', { path: join(vaultDirIn(root), 'out.json'), format: 'json', confirmPlaintext: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await call('vault.export', { path: target, format: 'json', confirmPlaintext: true })).toMatchObject({
      ok: true,
      value: { path: target, count: 0 },
    });
  });

  it('carry retryAfterSeconds when attempts are throttled', async () => {
    await call('vault.setup', { passphrase: 'long enough', useKeychain: false, createRecoveryKey: false });
    await call('vault.lock');
    for (let i = 0; i < 3; i += 1) await call('vault.unlock', { method: 'passphrase', passphrase: 'wrong guess' });
    expect(await call('vault.unlock', { method: 'passphrase', passphrase: 'long enough' })).toMatchObject({
      ok: false,
      error: { code: 'too-many-attempts', retryAfterSeconds: 1 },
    });
  });

  it('answer a passphrase with a lone UTF-16 surrogate with its own calm message, at setup, unlock and change', async () => {
    const lone = 'long enough \uD83D';
    const malformed = { ok: false, error: { code: 'passphrase-malformed', message: errorCopy['passphrase-malformed'] } };
    expect(await call('vault.setup', { passphrase: lone, useKeychain: false, createRecoveryKey: false })).toEqual(malformed);
    await call('vault.setup', { passphrase: 'long enough', useKeychain: false, createRecoveryKey: false });
    expect(await call('vault.changePassphrase', { current: { method: 'passphrase', passphrase: 'long enough' }, next: lone })).toEqual(
      malformed,
    );
    await call('vault.lock');
    expect(await call('vault.unlock', { method: 'passphrase', passphrase: lone })).toEqual(malformed);
  });

  it('erase answers with a not-set-up status', async () => {
    await call('vault.setup', { useKeychain: true, createRecoveryKey: false });
    expect(await call('vault.erase', { confirm: true })).toMatchObject({ ok: true, value: { state: 'not-set-up' } });
  });

  it('an older history: reported in the status, a save is refused calmly, and vault.acceptOlder opens it', async () => {
    await call('vault.setup', { useKeychain: true, createRecoveryKey: false });
    await call('vault.append', checkIn('in both copies'));
    await vault.close();
    const older = join(root, 'older');
    cpSync(vaultDirIn(root), older, { recursive: true });
    await call('vault.unlock', { method: 'keychain' });
    expect(await call('vault.append', checkIn('only in the newer one'))).toMatchObject({ ok: true });
    await vault.close();
    rmSync(vaultDirIn(root), { recursive: true });
    cpSync(older, vaultDirIn(root), { recursive: true });

    expect(await call('vault.unlock', { method: 'keychain' })).toMatchObject({
      ok: true,
      value: { state: 'unlocked', entryCount: 0, problems: [{ kind: 'older-history', affected: [{ from: 2, to: 2 }] }] },
    });
    expect(await call('vault.append', checkIn('not yet'))).toMatchObject({
      ok: false,
      error: { code: 'history-older', message: errorCopy['history-older'] },
    });
    expect(await call('vault.acceptOlder', { confirm: true })).toMatchObject({ ok: true, value: { entryCount: 1, problems: [] } });
    expect(await call('vault.list', { limit: 10 })).toMatchObject({ ok: true, value: { entries: [{ kind: 'check-in' }] } });
  });

  it('a delete asked for while locked waits through an older history, and is carried out once it is opened', async () => {
    const deferred = new DeferredDeletes(join(root, 'pending-deletes.json'), createMemoryLogger());
    dispatch = createDispatch(vaultContract, createVaultHandlers(vault, deferred), createMemoryLogger());
    await call('vault.setup', { useKeychain: true, createRecoveryKey: false });
    const kept = await vault.append(checkIn('in both copies'));
    await vault.close();
    const older = join(root, 'older');
    cpSync(vaultDirIn(root), older, { recursive: true });
    await vault.unlock({ method: 'keychain' });
    await vault.append(checkIn('only in the newer one'));
    await vault.close();
    rmSync(vaultDirIn(root), { recursive: true });
    cpSync(older, vaultDirIn(root), { recursive: true });

    expect(await call('vault.delete', { id: kept.id })).toMatchObject({ ok: true, value: { deferred: true } });
    expect(await call('vault.unlock', { method: 'keychain' })).toMatchObject({
      ok: true,
      value: { problems: [{ kind: 'older-history' }] },
    });
    expect(deferred.pending()).toEqual([kept.id]);
    expect(await call('vault.acceptOlder', { confirm: true })).toMatchObject({ ok: true, value: { entryCount: 0, problems: [] } });
    expect(deferred.pending()).toEqual([]);
  });
});
