import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

import { type FsPort, nodeFs } from './fs-port';

/**
 * The durable-write moves every file main keeps uses, in one place: the
 * vault's over the FsPort (async), and a blocking twin for the small files
 * written in one go (settings, pause state, autostart entry, a summary).
 * Both atomic writes name their temp files the same way, so the one stray
 * cleanup recognises a temp either left behind.
 */

/** write() may write fewer bytes than asked (a nearly full disk does exactly that); loop until all are out. */
export const writeAll = async (fs: FsPort, fd: number, data: Buffer, position: number): Promise<void> => {
  let offset = 0;
  while (offset < data.length) {
    const written = await fs.write(fd, data, offset, data.length - offset, position + offset);
    if (written <= 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
    offset += written;
  }
};

export const writeAllSync = (fs: Pick<FsPort, 'writeSync'>, fd: number, data: Buffer, position: number): void => {
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
export const fsyncDir = async (fs: FsPort, dir: string): Promise<void> => {
  if (process.platform === 'win32') return;
  const fd = await fs.open(dir, 'r');
  try {
    await fs.fsync(fd);
  } finally {
    await fs.close(fd);
  }
};

/** The port's blocking calls: what the blocking twins below need. */
export type BlockingFs = Pick<FsPort, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync'>;

/** The same, blocking. */
export const fsyncDirSync = (dir: string, fs: BlockingFs = nodeFs): void => {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
};

/** The names both atomic writes give their temp files: `.<name>.<12 hex>.tmp`. */
export const ATOMIC_TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** A fresh temp path beside `path`, matching ATOMIC_TEMP_NAME. */
export const atomicTempPath = (path: string): string => join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);

/**
 * Remove the temp files of atomic writes that never reached their rename: a
 * process killed (or a machine losing power) mid-write leaves them, and a
 * snapshot's temp file is a whole encrypted copy of the history, entries
 * deleted since included. Only for a caller holding the vault's single-writer
 * lock: then no atomic write can be in progress here. Best effort; what
 * cannot be removed now is tried again on the next open.
 */
export const removeStrayTempFiles = async (fs: FsPort, dir: string): Promise<void> => {
  const names = await fs.readdir(dir).catch((): string[] => []);
  for (const name of names) if (ATOMIC_TEMP_NAME.test(name)) await fs.unlink(join(dir, name)).catch(() => undefined);
};

/**
 * Replace `path` atomically: temp file beside it, fsync, rename, fsync dir.
 * After a crash the path holds either the old or the new bytes, never a mix.
 * On failure the temp file is removed and the old file is untouched.
 * `durable: false` leaves out both fsyncs: still whole-or-nothing for readers
 * while running, not across a power cut (for copies that are checked and
 * written again from a durable original, as sync's folder copies are).
 */
export const writeFileAtomic = async (fs: FsPort, path: string, data: Buffer, mode = 0o600, durable = true): Promise<void> => {
  const temp = atomicTempPath(path);
  let fd: number | undefined;
  try {
    fd = await fs.open(temp, 'wx', mode);
    await writeAll(fs, fd, data, 0);
    if (durable) await fs.fsync(fd);
    await fs.close(fd);
    fd = undefined;
    await fs.rename(temp, path);
  } catch (error) {
    if (fd !== undefined) await fs.close(fd).catch(() => undefined);
    // Removing the temp file is what frees the space on a full disk; its own failure changes nothing for the caller.
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  if (durable) await fsyncDir(fs, dirname(path));
};

/** The same, blocking (node:fs unless a port is given); a string is written as UTF-8. */
export const writeFileAtomicSync = (path: string, data: string | Uint8Array, mode = 0o600, fs: BlockingFs = nodeFs): void => {
  const temp = atomicTempPath(path);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', mode);
    writeAllSync(
      fs,
      fd,
      typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength),
      0,
    );
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, path);
  } catch (error) {
    // Best effort, as the async twin: the caller's error is what matters. Removing the temp file frees a full disk.
    try {
      if (fd !== undefined) fs.closeSync(fd);
    } catch {}
    try {
      fs.unlinkSync(temp);
    } catch {}
    throw error;
  }
  fsyncDirSync(dirname(path), fs);
};
