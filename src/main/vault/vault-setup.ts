import { join } from 'node:path';

import { AttuneError } from '../attune-error';
import { fsyncDir } from '../fs/durable-write';
import type { FsPort } from '../fs/fs-port';
import { toStorageErrorOrInternal } from '../fs/storage-error';
import { importKey } from './aead';
import type { ScryptParams } from './kdf';
import { type KeyFile, type RecoveryWrap, writeKeyFile } from './key-file';
import { makeKeyCheck, newDataKey, verifyKeyCheck, wrapWithKeychain, wrapWithPassphrase, wrapWithRecovery } from './key-wrap';
import type { Keychain } from './keychain';
import { RECOVERED_DIR } from './recovered-file';
import { formatRecoveryKey, generateRecoverySecret } from './recovery-key';
import { JOURNAL_FILE, SNAPSHOT_FILE } from './vault-load';
import { initializeStore } from './vault-store';

export interface SetupRequest {
  passphrase?: string | undefined;
  useKeychain: boolean;
  createRecoveryKey: boolean;
}

/**
 * The data key of a history another computer already keeps (linking through a
 * sync folder, docs/sync-format.md §4.4): this vault is made around it, and
 * carries the same recovery wrap, so one recovery key opens every computer.
 */
export interface GivenKey {
  /** Raw data key; createVault zeroes it. */
  dataKey: Buffer;
  keyId: string;
  check: KeyFile['check'];
  recovery: RecoveryWrap;
}

export interface SetupOutcome {
  keyFile: KeyFile;
  /** Raw data key; the caller imports it and zeroes this buffer. */
  dataKey: Buffer;
  /** Shown to the person once, never stored. */
  recoveryKey: string | undefined;
  /**
   * The recovery key's wrap, NOT in the key file yet: it is written only once
   * the person says they have kept the key (VaultService.keepRecoveryKey), so
   * a key nobody saw to the end never opens the history.
   */
  recoveryWrap: RecoveryWrap | undefined;
}

/**
 * Files left in the folder without a key file can never be read again (the
 * key that wrapped them is gone), but they are someone's data: move them to
 * recovered/ rather than overwrite them.
 */
const setAsideOrphans = async (fs: FsPort, dir: string, now: number): Promise<void> => {
  const names = (await fs.readdir(dir)).filter((name) => name !== RECOVERED_DIR);
  if (names.length === 0) return;
  const folder = join(dir, RECOVERED_DIR);
  await fs.mkdir(folder, 0o700);
  for (const name of names) await fs.rename(join(dir, name), join(folder, `orphaned-${now}-${name}`));
  await fsyncDir(fs, folder);
  await fsyncDir(fs, dir);
};

/**
 * Create a vault: data key, wraps, empty snapshot and journal, and last the
 * key file, which is the commit point. If anything fails before it, the
 * half-made files are removed and no vault exists.
 */
export const createVault = async (
  fs: FsPort,
  dir: string,
  keychain: Keychain,
  request: SetupRequest,
  scrypt: ScryptParams,
  now: number,
  given?: GivenKey,
): Promise<SetupOutcome> => {
  if (!request.passphrase && !request.useKeychain)
    throw new AttuneError('invalid-request', 'setup needs a passphrase, the keychain, or both');
  if (request.useKeychain && !keychain.isAvailable()) throw new AttuneError('keychain-unavailable', 'keychain requested but not available');
  const { dataKey, keyId } = given ?? newDataKey();
  const key = importKey(dataKey);
  if (given && !verifyKeyCheck(key, keyId, given.check)) {
    dataKey.fill(0);
    throw new AttuneError('invalid-request', 'the given key does not match its key check');
  }
  const wraps: KeyFile['wraps'] = given ? { recovery: given.recovery } : {};
  let recoveryKey: string | undefined;
  let recoveryWrap: RecoveryWrap | undefined;
  try {
    if (request.useKeychain) wraps.keychain = wrapWithKeychain(dataKey, keychain);
    if (request.passphrase) wraps.passphrase = await wrapWithPassphrase(dataKey, keyId, request.passphrase, scrypt);
    if (request.createRecoveryKey && !given) {
      const secret = generateRecoverySecret();
      recoveryWrap = wrapWithRecovery(dataKey, keyId, secret);
      recoveryKey = formatRecoveryKey(secret);
      secret.fill(0);
    }
  } catch (error) {
    dataKey.fill(0);
    throw error;
  }
  const keyFile: KeyFile = {
    format: 'attune-vault',
    version: 1,
    keyId,
    createdAt: now,
    check: given?.check ?? makeKeyCheck(key, keyId),
    wraps,
  };
  try {
    await fs.mkdir(dir, 0o700);
    await setAsideOrphans(fs, dir, now);
    await initializeStore(fs, dir, key, keyId, now);
    await writeKeyFile(fs, dir, keyFile);
  } catch (error) {
    dataKey.fill(0);
    await Promise.all([SNAPSHOT_FILE, JOURNAL_FILE].map((name) => fs.unlink(join(dir, name)).catch(() => undefined)));
    throw toStorageErrorOrInternal(error, 'set up vault');
  }
  return { keyFile, dataKey, recoveryKey, recoveryWrap };
};
