import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';

import { z } from 'zod';

import { fsyncDir, writeFileAtomic } from '../fs/durable-write';
import type { FsPort } from '../fs/fs-port';
import { readRegularFile } from '../fs/regular-file';
import { isNotFound } from '../fs/storage-error';
import { IV_BYTES, open, seal, TAG_BYTES } from '../vault/aead';
import { pad, unpad } from '../vault/padding';
import { movedFromSchema } from './moved-ids';
import { MAX_PREVIOUS, previousKeySchema } from './sync-key-file';

/**
 * `<vault>.sync/state.bin` (docs/sync-format.md §4.1): which folder this
 * history syncs with and this computer's name there, sealed with the data
 * key (the folder's path says something about the person; it is read only
 * when unlocked, as sync runs only then). Everything else sync keeps —
 * marks, the clock, the merged set — is rebuilt from own/ and the folder at
 * each start, so nothing here can be left half-updated by a kill.
 *
 *   "ATSYST01" ‖ vaultId (16) ‖ u32be n ‖ iv (12) ‖ C (n) ‖ T (16)
 *   C, T = GCM(DK, iv, pad(json), "attune-sync.v1.state." + vaultId + "." + deviceId + "." + keyId)
 *
 * The vault id is in the clear (it is in the folder's format.json anyway) so
 * the reader can build the AAD before opening.
 */
export const STATE_FILE = 'state.bin';
const MAGIC = Buffer.from('ATSYST01', 'ascii');
const HEADER = MAGIC.length + 16 + 4;
const CAP = 64 * 1024;

const stateSchema = z.strictObject({
  folder: z.string().min(1).max(4096),
  deviceName: z.string().min(1).max(256),
  /**
   * After a re-key here (§4.6): the older data keys, each sealed under the
   * current one exactly as in a key file's `previous`, so own segments and
   * peers' segments written under them still open at the next start, and
   * the key file this device writes for its new key can list them.
   */
  previous: z.array(previousKeySchema).max(MAX_PREVIOUS).optional(),
  /** The ids this install wrote as before its moves (§4.3), each with the newest seq merged from it then; see moved-ids.ts. */
  movedFrom: movedFromSchema.optional(),
});
export type SyncState = z.infer<typeof stateSchema>;

export interface StateIds {
  vaultId: string;
  deviceId: string;
  keyId: string;
}

const aad = (ids: StateIds): Buffer => Buffer.from(`attune-sync.v1.state.${ids.vaultId}.${ids.deviceId}.${ids.keyId}`, 'utf8');

export const encodeSyncState = (key: KeyObject, ids: StateIds, state: SyncState): Buffer => {
  const padded = pad(Buffer.from(JSON.stringify(stateSchema.parse(state)), 'utf8'));
  const { iv, ciphertext, tag } = seal(key, padded, aad(ids));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(ciphertext.length);
  return Buffer.concat([MAGIC, Buffer.from(ids.vaultId, 'hex'), length, iv, ciphertext, tag]);
};

/** The vault id in a state file's header, without opening it; undefined when the bytes are not one. */
export const stateVaultId = (bytes: Buffer): string | undefined =>
  bytes.length >= HEADER && bytes.subarray(0, MAGIC.length).equals(MAGIC) ? bytes.subarray(8, 24).toString('hex') : undefined;

export const decodeSyncState = (
  key: KeyObject,
  ids: Omit<StateIds, 'vaultId'>,
  bytes: Buffer,
): { vaultId: string; state: SyncState } | undefined => {
  const vaultId = stateVaultId(bytes);
  if (vaultId === undefined) return undefined;
  const length = bytes.readUInt32BE(24);
  if (bytes.length !== HEADER + IV_BYTES + length + TAG_BYTES) return undefined;
  const iv = bytes.subarray(HEADER, HEADER + IV_BYTES);
  const ciphertext = bytes.subarray(HEADER + IV_BYTES, HEADER + IV_BYTES + length);
  const tag = bytes.subarray(HEADER + IV_BYTES + length);
  const padded = open(key, { iv, ciphertext, tag }, aad({ ...ids, vaultId }));
  const json = padded && unpad(padded);
  if (!json) return undefined;
  try {
    const parsed = stateSchema.safeParse(JSON.parse(json.toString('utf8')));
    return parsed.success ? { vaultId, state: parsed.data } : undefined;
  } catch {
    return undefined;
  }
};

export const writeSyncState = (fs: FsPort, localDir: string, key: KeyObject, ids: StateIds, state: SyncState): Promise<void> =>
  writeFileAtomic(fs, join(localDir, STATE_FILE), encodeSyncState(key, ids, state));

export type StateRead = { kind: 'absent' } | { kind: 'ok'; vaultId: string; state: SyncState } | { kind: 'unreadable' };

/** Never throws on what is on disk: a file that does not open is `unreadable` (sync then asks to choose the folder again). */
export const readSyncState = async (
  localDir: string,
  key: KeyObject,
  ids: Omit<StateIds, 'vaultId'>,
  file: string = STATE_FILE,
): Promise<StateRead> => {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(join(localDir, file), CAP, { noFollow: true });
  } catch (error) {
    return isNotFound(error) ? { kind: 'absent' } : { kind: 'unreadable' };
  }
  const decoded = decodeSyncState(key, ids, bytes);
  return decoded ? { kind: 'ok', ...decoded } : { kind: 'unreadable' };
};

/**
 * §4.6: the link sealed under a re-key's new key, written before the vault
 * commits that key and named by it. A stop between the commit and state.bin
 * written anew leaves state.bin under a key nothing opens any more; this
 * file then opens under the key in use and becomes state.bin. A re-key that
 * never committed leaves one that opens under no key in use: it is removed.
 */
export const stagedStateFile = (keyId: string): string => `state-${keyId}.bin`;
const STAGED_STATE = /^state-[0-9a-f]{32}\.bin$/;

export const writeStagedSyncState = (fs: FsPort, localDir: string, key: KeyObject, ids: StateIds, state: SyncState): Promise<void> =>
  writeFileAtomic(fs, join(localDir, stagedStateFile(ids.keyId)), encodeSyncState(key, ids, state));

export const promoteStagedState = async (fs: FsPort, localDir: string, keyId: string): Promise<void> => {
  await fs.rename(join(localDir, stagedStateFile(keyId)), join(localDir, STATE_FILE));
  await fsyncDir(fs, localDir);
};

/** Best effort: a staged file left behind only takes a little room, and opens under no key in use. */
export const removeStagedStates = async (fs: FsPort, localDir: string): Promise<void> => {
  for (const name of await fs.readdir(localDir).catch((): string[] => []))
    if (STAGED_STATE.test(name)) await fs.unlink(join(localDir, name)).catch(() => undefined);
};
