import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import type { AttuneError } from '../attune-error';
import { removeStrayTempFiles } from '../fs/durable-write';
import type { FsPort } from '../fs/fs-port';
import { errnoCode, toStorageErrorOrInternal } from '../fs/storage-error';
import { acquireFileLock, type FileLock, type LockEnvironment } from './file-lock';
import type { ScryptParams } from './kdf';
import { type KeyFile, readKeyFile } from './key-file';

export interface OpenedFolder {
  fileLock: FileLock | undefined;
  /** Undefined when no vault was set up here (or it was erased). */
  keyFile: KeyFile | undefined;
  /** Set when vault.json exists but is not a readable key file. */
  keyFileError: AttuneError | undefined;
}

/**
 * First contact with the vault folder: take the single-writer lock, clear the
 * temp files a killed write left, then read the key file. A damaged key file
 * does not fail the open — the service stays open to report it and to let the
 * person erase and start over.
 */
export const openVaultFolder = async (
  fs: FsPort,
  dir: string,
  lockEnvironment: LockEnvironment,
  acceptedScrypt: readonly ScryptParams[],
): Promise<OpenedFolder> => {
  let fileLock: FileLock | undefined;
  try {
    mkdirSync(dirname(dir), { recursive: true, mode: 0o700 });
    fileLock = acquireFileLock(`${dir}.lock`, lockEnvironment);
  } catch (error) {
    // On read-only media no one can write, so there is nothing to guard: open without the lock.
    const code = errnoCode(error);
    if (code !== 'EROFS' && code !== 'EACCES' && code !== 'EPERM') throw toStorageErrorOrInternal(error, 'take vault lock');
  }
  // Holding the lock, no atomic write of anyone else's is in progress: what a killed one left is ours to remove.
  if (fileLock) await removeStrayTempFiles(fs, dir);
  try {
    return { fileLock, keyFile: await readKeyFile(dir, acceptedScrypt), keyFileError: undefined };
  } catch (error) {
    const mapped = toStorageErrorOrInternal(error, 'read key file');
    if (mapped.code === 'vault-damaged') return { fileLock, keyFile: undefined, keyFileError: mapped };
    fileLock?.release();
    throw mapped;
  }
};
