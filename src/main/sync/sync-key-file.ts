import type { KeyObject } from 'node:crypto';
import { promises as fsPromises } from 'node:fs';
import { join } from 'node:path';

import { z } from 'zod';

import type { FsPort } from '../fs/fs-port';
import { readRegularFile } from '../fs/regular-file';
import { importKey, IV_BYTES, KEY_BYTES, open, seal, TAG_BYTES } from '../vault/aead';
import { fromB64u, toB64u } from '../vault/encoding';
import { type KeyFile, keyFileSchema, recoveryWrapSchema } from '../vault/key-file';
import { unwrapWithRecovery, verifyKeyCheck } from '../vault/key-wrap';
import { parseRecoveryKey } from '../vault/recovery-key';
import { KEYS_FOLDER, SMALL_FILE_CAP } from './format-file';
import { classifyName } from './sync-file-names';
import { type LinkFile, makeOwnFolder, nodeLink, writeFileOnce } from './sync-folder-write';

/**
 * `keys/<keyId>.json` (docs/sync-format.md §2.2): the vault's data key as
 * its own `vault.json` holds it for the recovery key (the same key check,
 * the same recovery wrap), so a new computer opens the folder with the
 * recovery key alone. `previous` carries the keys this one replaced, each
 * sealed under this one, so a reader reaches every older key from the
 * newest and never the other way round.
 */
const HEX32 = z.string().regex(/^[0-9a-f]{32}$/);
const b64u = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/);
/** One re-key adds one entry; more than this was not written by Attune (§2.2). */
export const MAX_PREVIOUS = 64;

export const previousKeySchema = z.strictObject({ keyId: HEX32, iv: b64u(16), ct: b64u(64), tag: b64u(24) });
export const syncKeyFileSchema = z.strictObject({
  format: z.literal('attune-sync-key'),
  version: z.literal(1),
  vaultId: HEX32,
  keyId: HEX32,
  createdAt: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  check: keyFileSchema.shape.check,
  recovery: recoveryWrapSchema,
  previous: z.array(previousKeySchema).max(MAX_PREVIOUS),
});
export type SyncKeyFile = z.infer<typeof syncKeyFileSchema>;
export type PreviousKey = z.infer<typeof previousKeySchema>;

const chainAad = (vaultId: string, keyId: string, previousKeyId: string): Buffer =>
  Buffer.from(`attune-sync.v1.key-chain.${vaultId}.${keyId}.${previousKeyId}`, 'utf8');

/** The key file for the vault's current key, copied from its own vault.json. Throws when it has no recovery wrap (§4.2: set-up asks for one first). */
export const keyFileFromVault = (vaultId: string, keyFile: KeyFile, now: number, previous: readonly PreviousKey[] = []): SyncKeyFile => {
  const recovery = keyFile.wraps.recovery;
  if (!recovery) throw new Error('sync needs a kept recovery key: vault.json has no recovery wrap');
  return syncKeyFileSchema.parse({
    format: 'attune-sync-key',
    version: 1,
    vaultId,
    keyId: keyFile.keyId,
    createdAt: now,
    check: keyFile.check,
    recovery,
    previous,
  });
};

/** §4.6: the key `previousKeyId` sealed under the new key `keyId`, for that key file's `previous`. */
export const sealPrevious = (
  newKey: KeyObject,
  vaultId: string,
  keyId: string,
  previousKeyId: string,
  previousDataKey: Buffer,
): PreviousKey => {
  if (previousDataKey.length !== KEY_BYTES) throw new RangeError(`a data key is ${KEY_BYTES} bytes`);
  const sealed = seal(newKey, previousDataKey, chainAad(vaultId, keyId, previousKeyId));
  return { keyId: previousKeyId, iv: toB64u(sealed.iv), ct: toB64u(sealed.ciphertext), tag: toB64u(sealed.tag) };
};

/** The older key inside one `previous` entry of key file `keyId`, or undefined when it does not authenticate under `key`. */
export const openPrevious = (key: KeyObject, vaultId: string, keyId: string, entry: PreviousKey): Buffer | undefined => {
  const iv = fromB64u(entry.iv, IV_BYTES);
  const ciphertext = fromB64u(entry.ct, KEY_BYTES);
  const tag = fromB64u(entry.tag, TAG_BYTES);
  if (!iv || !ciphertext || !tag) return undefined;
  return open(key, { iv, ciphertext, tag }, chainAad(vaultId, keyId, entry.keyId));
};

export const syncKeyFilePath = (syncRoot: string, keyId: string): string => join(syncRoot, KEYS_FOLDER, `${keyId}.json`);

/** Written once (§2.2): a file already under the name is left exactly as it is. */
export const writeSyncKeyFile = async (
  fs: FsPort,
  syncRoot: string,
  file: SyncKeyFile,
  link: LinkFile = nodeLink,
): Promise<'written' | 'exists'> => {
  const valid = syncKeyFileSchema.parse(file);
  await makeOwnFolder(fs, join(syncRoot, KEYS_FOLDER));
  return writeFileOnce(fs, syncKeyFilePath(syncRoot, valid.keyId), Buffer.from(`${JSON.stringify(valid, null, 2)}\n`, 'utf8'), link);
};

/** Pure: a key file's bytes, if they are a key file of `vaultId` named `keyId`; anything else is skipped by the caller. */
export const parseSyncKeyFile = (bytes: Buffer, vaultId: string, keyId: string): SyncKeyFile | undefined => {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = syncKeyFileSchema.safeParse(value);
  return parsed.success && parsed.data.vaultId === vaultId && parsed.data.keyId === keyId ? parsed.data : undefined;
};

const readKeyFiles = async (syncRoot: string, vaultId: string): Promise<SyncKeyFile[]> => {
  const names = await fsPromises.readdir(join(syncRoot, KEYS_FOLDER)).catch((): string[] => []);
  const files: SyncKeyFile[] = [];
  for (const name of names.sort()) {
    const classified = classifyName(`${KEYS_FOLDER}/${name}`);
    if (classified.kind !== 'key') continue; // conflict copies, temp files, placeholders: never read
    const bytes = await readRegularFile(join(syncRoot, KEYS_FOLDER, name), SMALL_FILE_CAP, { noFollow: true }).catch(() => undefined);
    const file = bytes && parseSyncKeyFile(bytes, vaultId, classified.keyId);
    if (file) files.push(file);
  }
  return files;
};

/** §2.2 steps 2–4 for one file: the data key, only if the recovery wrap opens and the key check then authenticates. */
const openWithRecovery = (file: SyncKeyFile, secret: Buffer): Buffer | undefined => {
  let dataKey: Buffer | undefined;
  try {
    dataKey = unwrapWithRecovery(file.recovery, file.keyId, secret);
  } catch {
    return undefined; // a salt that is not base64url: a damaged or forged file, skipped like any other
  }
  if (dataKey && verifyKeyCheck(importKey(dataKey), file.keyId, file.check)) return dataKey;
  dataKey?.fill(0);
  return undefined;
};

export type OpenSyncKeys =
  | { ok: true; currentKeyId: string; keys: Map<string, KeyObject>; currentDataKey: Buffer }
  /**
   * format / checksum: the typed key is not a recovery key (told apart from
   * a wrong one, as on the unlock screen); no-key-files: no key file of this
   * vault is in the folder (yet); no-key-opens: there are some, and this
   * recovery key opens none of them.
   */
  | { ok: false; reason: 'format' | 'checksum' | 'no-key-opens' | 'no-key-files' };

/**
 * §2.2 and §4.4 step 2: every exact `keys/<id>.json` of this vault that the
 * recovery key opens, then every older key their `previous` chains reach.
 * The current key is the opened one no other opened file lists in
 * `previous`; should there be several (or a loop), the newest `createdAt`,
 * then the greatest key id, so every device picks the same. A malformed or
 * foreign file is skipped, never thrown; an entry of `previous` that does
 * not authenticate is skipped too. Only a key's own file can lead to an
 * older key, so an old key never opens a newer one.
 */
export const openSyncKeys = async (syncRoot: string, recoveryKeyText: string, vaultId: string): Promise<OpenSyncKeys> => {
  const parsed = parseRecoveryKey(recoveryKeyText);
  if (!parsed.ok) return parsed;
  const files = await readKeyFiles(syncRoot, vaultId);
  if (files.length === 0) {
    parsed.secret.fill(0);
    return { ok: false, reason: 'no-key-files' };
  }
  const opened = new Map<string, { file: SyncKeyFile; dataKey: Buffer }>();
  for (const file of files) {
    const dataKey = openWithRecovery(file, parsed.secret);
    if (dataKey) opened.set(file.keyId, { file, dataKey });
  }
  parsed.secret.fill(0);
  if (opened.size === 0) return { ok: false, reason: 'no-key-opens' };

  const listed = new Set([...opened.values()].flatMap(({ file }) => file.previous.map((entry) => entry.keyId)));
  const heads = [...opened.values()].filter(({ file }) => !listed.has(file.keyId));
  const current = (heads.length > 0 ? heads : [...opened.values()]).reduce((best, candidate) =>
    candidate.file.createdAt > best.file.createdAt ||
    (candidate.file.createdAt === best.file.createdAt && candidate.file.keyId > best.file.keyId)
      ? candidate
      : best,
  );

  const byId = new Map(files.map((file) => [file.keyId, file]));
  const keys = new Map<string, KeyObject>();
  const queue: Array<{ keyId: string; dataKey: Buffer; checked: boolean }> = [...opened.values()].map(({ file, dataKey }) => ({
    keyId: file.keyId,
    dataKey,
    checked: true,
  }));
  const currentDataKey = Buffer.from(current.dataKey);
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (keys.has(next.keyId)) {
      next.dataKey.fill(0);
      continue;
    }
    const key = importKey(next.dataKey);
    next.dataKey.fill(0); // the KeyObject holds its own copy
    keys.set(next.keyId, key);
    const file = byId.get(next.keyId);
    // A key reached through a chain is authenticated by that chain; its file (if any) is trusted only if its key check agrees.
    if (!file || !(next.checked || verifyKeyCheck(key, file.keyId, file.check))) continue;
    for (const entry of file.previous) {
      if (keys.has(entry.keyId)) continue;
      const older = openPrevious(key, vaultId, file.keyId, entry);
      if (older?.length === KEY_BYTES) queue.push({ keyId: entry.keyId, dataKey: older, checked: false });
    }
  }
  return { ok: true, currentKeyId: current.file.keyId, keys, currentDataKey };
};
