import { isAbsolute, relative, resolve } from 'node:path';

import { AttuneError } from '../attune-error';
import { writeFileAtomic } from '../fs/durable-write';
import type { FsPort } from '../fs/fs-port';
import { errnoCode, toStorageErrorOrInternal } from '../fs/storage-error';

/**
 * The recovery key as a small text file the person chose to save: one line
 * saying what it is, then the key. Readable only by its owner (0o600), and
 * never inside the vault folder (that folder promises ciphertext only).
 */

/** The name the save dialog suggests: neutral, since a file name may be seen by others. */
export const RECOVERY_KEY_FILE_NAME = 'attune-recovery-key.txt';

/** The file's first line, in the language of the moment it was saved (the caller passes the words). */
export const recoveryKeyFileText = (recoveryKey: string, intro: string): string => `${intro}\n\n${recoveryKey}\n`;

const inside = (parent: string, child: string): boolean => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** Pure check before any byte is written: an absolute path outside the vault folder and its lock file. */
export const checkRecoveryKeyTarget = (path: string, vaultDir: string): string => {
  if (!isAbsolute(path)) throw new AttuneError('invalid-request', 'recovery key path must be absolute');
  const target = resolve(path);
  const dir = resolve(vaultDir);
  if (inside(dir, target) || target === `${dir}.lock`)
    throw new AttuneError('invalid-request', 'recovery key path is inside the vault folder');
  return target;
};

/** Writes the file atomically: the destination is the old file or the whole new one, never half. */
export const writeRecoveryKeyFile = async (
  fs: FsPort,
  path: string,
  vaultDir: string,
  recoveryKey: string,
  intro: string,
): Promise<string> => {
  const target = checkRecoveryKeyTarget(path, vaultDir);
  try {
    await writeFileAtomic(fs, target, Buffer.from(recoveryKeyFileText(recoveryKey, intro), 'utf8'), 0o600);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR')
      throw new AttuneError('invalid-request', `recovery key folder is not usable: ${code}`, { cause: error });
    throw toStorageErrorOrInternal(error, 'write recovery key file');
  }
  return target;
};
