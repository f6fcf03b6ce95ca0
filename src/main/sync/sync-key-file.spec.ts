import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { nodeFs } from '../fs/fs-port';
import { importKey, open, seal } from '../vault/aead';
import type { KeyFile } from '../vault/key-file';
import { makeKeyCheck, newDataKey, wrapWithRecovery } from '../vault/key-wrap';
import { formatRecoveryKey, generateRecoverySecret } from '../vault/recovery-key';
import { syncRootIn } from './format-file';
import {
  keyFileFromVault,
  openSyncKeys,
  type PreviousKey,
  sealPrevious,
  type SyncKeyFile,
  syncKeyFilePath,
  writeSyncKeyFile,
} from './sync-key-file';

const tempDir = useTempDirs();
const VAULT = '0123456789abcdef0123456789abcdef';
const OTHER_VAULT = 'fedcba9876543210fedcba9876543210';
const T = 1_795_424_400_000;

/** One vault key as vault.json holds it, with its own recovery key (every re-key makes a new one, §4.6). */
const vaultKey = (secret = generateRecoverySecret()) => {
  const { dataKey, keyId } = newDataKey();
  const key = importKey(dataKey);
  const keyFile: KeyFile = {
    format: 'attune-vault',
    version: 1,
    keyId,
    createdAt: T,
    check: makeKeyCheck(key, keyId),
    wraps: { recovery: wrapWithRecovery(dataKey, keyId, secret) },
  };
  return { dataKey, keyId, key, keyFile, recoveryKey: formatRecoveryKey(secret) };
};
type VaultKey = ReturnType<typeof vaultKey>;

const newRoot = (): string => {
  const root = syncRootIn(tempDir('attune-keys-'));
  mkdirSync(join(root, 'keys'), { recursive: true });
  return root;
};
const place = (root: string, file: SyncKeyFile, name = `${file.keyId}.json`): void =>
  writeFileSync(join(root, 'keys', name), JSON.stringify(file));
/** `next` replaces `older` (§4.6): its key file carries older's key sealed under next's. */
const chained = (next: VaultKey, older: VaultKey, at: number): SyncKeyFile =>
  keyFileFromVault(VAULT, next.keyFile, at, [sealPrevious(next.key, VAULT, next.keyId, older.keyId, older.dataKey)]);
/** Whether a key map opens something sealed with `owner`'s key: the keys are the real ones, not just their ids. */
const opensWith = (keys: Map<string, ReturnType<typeof importKey>>, owner: VaultKey): boolean => {
  const sealed = seal(owner.key, Buffer.from('a record'), Buffer.from('aad'));
  const key = keys.get(owner.keyId);
  return key !== undefined && open(key, sealed, Buffer.from('aad'))?.toString() === 'a record';
};

describe('keys/<keyId>.json, written (docs/sync-format.md §2.2)', () => {
  it("copies the vault's own key check and recovery wrap byte for byte; without a recovery wrap there is none to copy", () => {
    const k = vaultKey();
    const file = keyFileFromVault(VAULT, k.keyFile, T);
    expect(file).toEqual({
      format: 'attune-sync-key',
      version: 1,
      vaultId: VAULT,
      keyId: k.keyId,
      createdAt: T,
      check: k.keyFile.check,
      recovery: k.keyFile.wraps.recovery,
      previous: [],
    });
    expect(() => keyFileFromVault(VAULT, { ...k.keyFile, wraps: {} }, T)).toThrow(/recovery/);
  });

  it('is written once (0600): a second writer under the same name leaves the first file exactly as it was', async () => {
    const root = newRoot();
    const k = vaultKey();
    const first = keyFileFromVault(VAULT, k.keyFile, T);
    expect(await writeSyncKeyFile(nodeFs, root, first)).toBe('written');
    const bytes = readFileSync(syncKeyFilePath(root, k.keyId));
    expect(await writeSyncKeyFile(nodeFs, root, { ...first, createdAt: T + 1 })).toBe('exists');
    expect(readFileSync(syncKeyFilePath(root, k.keyId))).toEqual(bytes);
    expect(readdirSync(join(root, 'keys'))).toEqual([`${k.keyId}.json`]);
    if (process.platform !== 'win32') expect(statSync(syncKeyFilePath(root, k.keyId)).mode & 0o777).toBe(0o600);
  });
});

describe('keys/, opened with the recovery key', () => {
  it('opens the one key file and gives the data key itself', async () => {
    const root = newRoot();
    const k = vaultKey();
    await writeSyncKeyFile(nodeFs, root, keyFileFromVault(VAULT, k.keyFile, T));
    const result = await openSyncKeys(root, k.recoveryKey, VAULT);
    if (!result.ok) throw new Error(result.reason);
    expect(result.currentKeyId).toBe(k.keyId);
    expect(result.currentDataKey).toEqual(k.dataKey);
    expect([...result.keys.keys()]).toEqual([k.keyId]);
    expect(opensWith(result.keys, k)).toBe(true);
    // Typed the way people type it: lower case, spaces for dashes.
    expect((await openSyncKeys(root, k.recoveryKey.toLowerCase().replace(/-/g, ' '), VAULT)).ok).toBe(true);
  });

  it('follows previous back through two re-keys; an older recovery key never reaches a newer key', async () => {
    const root = newRoot();
    const [k1, k2, k3] = [vaultKey(), vaultKey(), vaultKey()] as [VaultKey, VaultKey, VaultKey];
    await writeSyncKeyFile(nodeFs, root, keyFileFromVault(VAULT, k1.keyFile, T));
    await writeSyncKeyFile(nodeFs, root, chained(k2, k1, T + 10));
    await writeSyncKeyFile(nodeFs, root, chained(k3, k2, T + 20));

    const newest = await openSyncKeys(root, k3.recoveryKey, VAULT);
    if (!newest.ok) throw new Error(newest.reason);
    expect(newest.currentKeyId).toBe(k3.keyId);
    expect(newest.currentDataKey).toEqual(k3.dataKey);
    expect(new Set(newest.keys.keys())).toEqual(new Set([k1.keyId, k2.keyId, k3.keyId]));
    for (const k of [k1, k2, k3]) expect(opensWith(newest.keys, k)).toBe(true);

    const middle = await openSyncKeys(root, k2.recoveryKey, VAULT);
    expect(middle).toMatchObject({ ok: true, currentKeyId: k2.keyId });
    if (middle.ok) expect(new Set(middle.keys.keys())).toEqual(new Set([k1.keyId, k2.keyId]));

    const oldest = await openSyncKeys(root, k1.recoveryKey, VAULT);
    expect(oldest).toMatchObject({ ok: true, currentKeyId: k1.keyId });
    if (oldest.ok) expect([...oldest.keys.keys()]).toEqual([k1.keyId]);
  });

  it('when one recovery key opens several files, the current key is the one no other lists in previous', async () => {
    const secret = generateRecoverySecret();
    const [k1, k2] = [vaultKey(secret), vaultKey(secret)] as [VaultKey, VaultKey];
    const root = newRoot();
    // The older file is newer by its clock: the chain decides, not the time.
    await writeSyncKeyFile(nodeFs, root, keyFileFromVault(VAULT, k1.keyFile, T + 99));
    await writeSyncKeyFile(nodeFs, root, chained(k2, k1, T));
    expect(await openSyncKeys(root, k1.recoveryKey, VAULT)).toMatchObject({ ok: true, currentKeyId: k2.keyId });

    // Two files that do not list each other: the newest, on every device alike.
    const apart = newRoot();
    await writeSyncKeyFile(nodeFs, apart, keyFileFromVault(VAULT, k1.keyFile, T + 5));
    await writeSyncKeyFile(nodeFs, apart, keyFileFromVault(VAULT, k2.keyFile, T));
    expect(await openSyncKeys(apart, k1.recoveryKey, VAULT)).toMatchObject({ ok: true, currentKeyId: k1.keyId });
  });

  it('tells a typo, a wrong key, an empty folder and a folder of strangers apart', async () => {
    const root = newRoot();
    // A fixed secret, so the one-character typo below fails its checksum on every run, not only almost always.
    const k = vaultKey(Buffer.alloc(18, 7));
    expect(await openSyncKeys(root, k.recoveryKey, VAULT)).toEqual({ ok: false, reason: 'no-key-files' });
    expect(await openSyncKeys(join(root, 'nowhere'), k.recoveryKey, VAULT)).toEqual({ ok: false, reason: 'no-key-files' });
    await writeSyncKeyFile(nodeFs, root, keyFileFromVault(VAULT, k.keyFile, T));

    const typo = k.recoveryKey.replace(/^(.)/, (first) => (first === 'A' ? 'B' : 'A'));
    expect(await openSyncKeys(root, typo, VAULT)).toEqual({ ok: false, reason: 'checksum' });
    expect(await openSyncKeys(root, 'not a recovery key', VAULT)).toEqual({ ok: false, reason: 'format' });
    expect(await openSyncKeys(root, vaultKey().recoveryKey, VAULT)).toEqual({ ok: false, reason: 'no-key-opens' });
    // The right key, for another vault's folder: the file is not of that vault, so there is nothing to open.
    expect(await openSyncKeys(root, k.recoveryKey, OTHER_VAULT)).toEqual({ ok: false, reason: 'no-key-files' });
  });

  it('skips, never throws on, every key file that is not an exact, well-formed file of this vault', async () => {
    const root = newRoot();
    const k = vaultKey();
    const good = keyFileFromVault(VAULT, k.keyFile, T);
    const text = JSON.stringify(good);
    const keys = join(root, 'keys');
    // Conflict copies and temp names of the one real file: never read.
    for (const name of [`${k.keyId} (1).json`, `${k.keyId}.sync-conflict-20261204-094500-ABCDEFG.json`, `.syncthing.${k.keyId}.json.tmp`])
      writeFileSync(join(keys, name), text);
    expect(await openSyncKeys(root, k.recoveryKey, VAULT)).toEqual({ ok: false, reason: 'no-key-files' });

    // Under its exact name but not right: truncated, garbage, an unknown field, another name, another vault, a link, too large.
    const others = [vaultKey(), vaultKey(), vaultKey(), vaultKey(), vaultKey(), vaultKey(), vaultKey()];
    const [a, b, c, d, e, f, g] = others.map((o) => o.keyId) as string[];
    writeFileSync(join(keys, `${a}.json`), text.slice(0, text.length / 2));
    writeFileSync(join(keys, `${b}.json`), '\u0000garbage{');
    writeFileSync(join(keys, `${c}.json`), JSON.stringify({ ...good, keyId: c, extra: 1 }));
    writeFileSync(join(keys, `${d}.json`), text); // the field says k.keyId, the name d
    writeFileSync(join(keys, `${e}.json`), JSON.stringify({ ...good, keyId: e, vaultId: OTHER_VAULT }));
    const outside = join(tempDir('attune-outside-'), 'key.json');
    writeFileSync(outside, JSON.stringify({ ...good, keyId: f }));
    symlinkSync(outside, join(keys, `${f}.json`));
    writeFileSync(join(keys, `${g}.json`), text);
    truncateSync(join(keys, `${g}.json`), 64 * 1024 + 1);
    mkdirSync(join(keys, `${'9'.repeat(32)}.json`));
    expect(await openSyncKeys(root, k.recoveryKey, VAULT)).toEqual({ ok: false, reason: 'no-key-files' });

    // A recovery wrap that opens but a key check that does not (a forged file): not a key.
    const forgedCheck = { ...good, check: keyFileFromVault(VAULT, others[0]!.keyFile, T).check };
    writeFileSync(join(keys, `${k.keyId}.json`), JSON.stringify(forgedCheck));
    expect(await openSyncKeys(root, k.recoveryKey, VAULT)).toEqual({ ok: false, reason: 'no-key-opens' });
    // A salt that is not base64url as its length goes (Attune's own unwrap throws on it): skipped too.
    writeFileSync(join(keys, `${k.keyId}.json`), JSON.stringify({ ...good, recovery: { ...good.recovery, salt: 'abcde' } }));
    expect(await openSyncKeys(root, k.recoveryKey, VAULT)).toEqual({ ok: false, reason: 'no-key-opens' });

    writeFileSync(join(keys, `${k.keyId}.json`), text);
    expect(await openSyncKeys(root, k.recoveryKey, VAULT)).toMatchObject({ ok: true, currentKeyId: k.keyId });
  });

  it('a previous entry moved to another key file, or altered, opens nothing, and the rest still opens', async () => {
    const root = newRoot();
    const [k1, k2, k3] = [vaultKey(), vaultKey(), vaultKey()] as [VaultKey, VaultKey, VaultKey];
    const entry = sealPrevious(k2.key, VAULT, k2.keyId, k1.keyId, k1.dataKey);
    // k3 claims k2's sealed entry as its own (the AAD names k2 as the sealing key): nothing opens.
    const moved: PreviousKey = { ...entry };
    const altered: PreviousKey = { ...sealPrevious(k3.key, VAULT, k3.keyId, k2.keyId, k2.dataKey), tag: entry.tag };
    const notB64: PreviousKey = { keyId: 'a'.repeat(32), iv: 'x', ct: 'y', tag: 'z' };
    await writeSyncKeyFile(nodeFs, root, keyFileFromVault(VAULT, k3.keyFile, T, [moved, altered, notB64]));
    const result = await openSyncKeys(root, k3.recoveryKey, VAULT);
    if (!result.ok) throw new Error(result.reason);
    expect([...result.keys.keys()]).toEqual([k3.keyId]);
  });

  it('a key reached through the chain stays, even if its own file was replaced by a forgery', async () => {
    const root = newRoot();
    const [k1, k2] = [vaultKey(), vaultKey()] as [VaultKey, VaultKey];
    const k0 = vaultKey();
    await writeSyncKeyFile(nodeFs, root, chained(k2, k1, T));
    // A file under k1's name, with k1's recovery wrap but a previous entry of a stranger's making.
    const forged = keyFileFromVault(VAULT, k1.keyFile, T, [sealPrevious(k0.key, VAULT, k1.keyId, k0.keyId, k0.dataKey)]);
    place(root, { ...forged, check: keyFileFromVault(VAULT, k0.keyFile, T).check });
    const result = await openSyncKeys(root, k2.recoveryKey, VAULT);
    if (!result.ok) throw new Error(result.reason);
    expect(new Set(result.keys.keys())).toEqual(new Set([k1.keyId, k2.keyId]));
    expect(opensWith(result.keys, k1)).toBe(true);
  });
});
