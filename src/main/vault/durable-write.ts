import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

import type { VaultFs } from './vault-fs';

/**
 * The three durable-write moves every vault file uses, in one place.
 */

/** write() may write fewer bytes than asked (a nearly full disk does exactly that); loop until all are out. */
export const writeAll = async (fs: VaultFs, fd: number, data: Buffer, position: number): Promise<void> => {
  let offset = 0;
  while (offset < data.length) {
    const written = await fs.write(fd, data, offset, data.length - offset, position + offset);
    if (written <= 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
    offset += written;
  }
};

export const writeAllSync = (fs: VaultFs, fd: number, data: Buffer, position: number): void => {
  let offset = 0;
  while (offset < data.length) {
    const written = fs.writeSync(fd, data, offset, data.length - offset, position + offset);
    if (written <= 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
    offset += written;
  }
};

/**
 * A rename is durable only once the directory entry is: fsync the directory.
 * Windows cannot open a directory for fsync (EPERM/EISDIR) and NTFS journals
 * renames itself, so there it is skipped.
 */
export const fsyncDir = async (fs: VaultFs, dir: string): Promise<void> => {
  if (process.platform === 'win32') return;
  const fd = await fs.open(dir, 'r');
  try {
    await fs.fsync(fd);
  } finally {
    await fs.close(fd);
  }
};

/** The names writeFileAtomic gives its temp files: `.<name>.<12 hex>.tmp`. */
export const ATOMIC_TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;

/**
 * Remove the temp files of atomic writes that never reached their rename: a
 * process killed (or a machine losing power) mid-write leaves them, and a
 * snapshot's temp file is a whole encrypted copy of the history, entries
 * deleted since included. Only for a caller holding the vault's single-writer
 * lock: then no atomic write can be in progress here. Best effort; what
 * cannot be removed now is tried again on the next open.
 */
export const removeStrayTempFiles = async (fs: VaultFs, dir: string): Promise<void> => {
  const names = await fs.readdir(dir).catch((): string[] => []);
  for (const name of names) if (ATOMIC_TEMP_NAME.test(name)) await fs.unlink(join(dir, name)).catch(() => undefined);
};

/**
 * Replace `path` atomically: temp file beside it, fsync, rename, fsync dir.
 * After a crash the path holds either the old or the new bytes, never a mix.
 * On failure the temp file is removed and the old file is untouched.
 */
export const writeFileAtomic = async (fs: VaultFs, path: string, data: Buffer, mode = 0o600): Promise<void> => {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = await fs.open(temp, 'wx', mode);
    await writeAll(fs, fd, data, 0);
    await fs.fsync(fd);
    await fs.close(fd);
    fd = undefined;
    await fs.rename(temp, path);
  } catch (error) {
    if (fd !== undefined) await fs.close(fd).catch(() => undefined);
    // Removing the temp file is what frees the space on a full disk; its own failure changes nothing for the caller.
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await fsyncDir(fs, dir);
};
