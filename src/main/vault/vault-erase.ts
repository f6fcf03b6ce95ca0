import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';

import { fsyncDir, writeAll } from '../fs/durable-write';
import type { FsPort } from '../fs/fs-port';
import { isPlainFile } from '../fs/regular-file';
import { isNotFound, toStorageErrorOrInternal } from '../fs/storage-error';
import { keyFilePath } from './key-file';

/**
 * Erase everything (crypto-shred). The key file goes first: once every wrap
 * of the data key is gone, the records are noise, whatever copies of them an
 * SSD or a backup still holds. Its bytes are overwritten before unlinking —
 * best effort only (SSDs and copy-on-write file systems may keep the old
 * blocks), which is why removing the wraps, not overwriting, is the promise.
 * Then the whole folder (snapshot, journal, recovered/) is removed.
 */
export const eraseVault = async (fs: FsPort, dir: string): Promise<void> => {
  const keyPath = keyFilePath(dir);
  try {
    const size = await fs.size(keyPath);
    if (size !== undefined && (await isPlainFile(keyPath))) {
      const fd = await fs.open(keyPath, 'r+');
      try {
        await writeAll(fs, fd, randomBytes(size), 0);
        await fs.fsync(fd);
      } finally {
        await fs.close(fd);
      }
      await fs.unlink(keyPath);
      await fsyncDir(fs, dir);
    }
    // Anything else in its place (a link, a FIFO, a device) holds no key of ours: it goes with the folder, never opened
    // (overwriting through a link would write over whatever file it points to).
    await fs.rmrf(dir);
    await fsyncDir(fs, dirname(dir));
  } catch (error) {
    if (isNotFound(error)) return;
    throw toStorageErrorOrInternal(error, 'erase vault');
  }
};
