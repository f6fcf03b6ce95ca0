import { promises as fsPromises } from 'node:fs';
import { dirname } from 'node:path';

import { atomicTempPath, fsyncDir, writeAll } from '../fs/durable-write';
import type { FsPort } from '../fs/fs-port';

/**
 * The two ways Attune writes into the shared `attune-sync/` folder besides
 * segments: folders only it owns (0700), and files written once and never
 * replaced (`format.json`, `keys/<keyId>.json`, docs/sync-format.md §2).
 */

/** A hard link, as `link(2)`: fails with EEXIST when `to` exists, whatever it is. Injectable for tests. */
export type LinkFile = (from: string, to: string) => Promise<void>;
export const nodeLink: LinkFile = (from, to) => fsPromises.link(from, to);

/** What a file system without hard links answers (FAT, exFAT, some network and cloud mounts). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK']);
const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException | null)?.code ?? '';

/** Anything at `path`, a dangling link included: lstat, never following it. */
const somethingAt = async (path: string): Promise<boolean> => {
  try {
    await fsPromises.lstat(path);
    return true;
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return false;
    throw error;
  }
};

/**
 * Put the finished temp file at `path` only if nothing is there.
 *
 * Why a hard link: `rename` replaces silently, and opening `path` itself with
 * O_EXCL would leave a half-written file under the exact name if we were
 * killed mid-write (read as damage forever, since it is never rewritten).
 * `link(temp, path)` makes a complete file appear under the name in one step
 * and fails with EEXIST if another writer got there first, on the same file
 * system, without a window. Where the file system has no hard links, we fall
 * back to "check, then rename": two writers racing inside that gap can both
 * succeed and the later rename wins; that is why every caller reads the file
 * back after writing (§4.2) and treats what it finds there as the truth. A
 * race through a sync tool (two computers) is never prevented by either: the
 * tool makes a conflict copy, which readers ignore (§3.2).
 */
const placeOnce = async (fs: FsPort, temp: string, path: string, link: LinkFile): Promise<'placed' | 'exists'> => {
  try {
    await link(temp, path);
    return 'placed';
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return 'exists';
    if (!NO_HARD_LINKS.has(codeOf(error))) throw error;
  }
  if (await somethingAt(path)) return 'exists';
  await fs.rename(temp, path);
  return 'placed';
};

/**
 * Write `data` to `path` (mode 0600) unless something is already there; an
 * existing file is left exactly as it is. The temp file (`.<name>.<12
 * hex>.tmp`, the owner's pattern, §2.3) is always removed.
 */
export const writeFileOnce = async (fs: FsPort, path: string, data: Buffer, link: LinkFile = nodeLink): Promise<'written' | 'exists'> => {
  if (await somethingAt(path)) return 'exists';
  const temp = atomicTempPath(path);
  let fd: number | undefined;
  try {
    fd = await fs.open(temp, 'wx', 0o600);
    await writeAll(fs, fd, data, 0);
    await fs.fsync(fd);
    await fs.close(fd);
    fd = undefined;
    if ((await placeOnce(fs, temp, path, link)) === 'exists') return 'exists';
  } finally {
    if (fd !== undefined) await fs.close(fd).catch(() => undefined);
    // After a link the temp name is a second name for the file; after a rename it is gone already (ENOENT, ignored).
    await fs.unlink(temp).catch(() => undefined);
  }
  await fsyncDir(fs, dirname(path));
  return 'written';
};

/**
 * Make a folder only this device writes (mode 0700; already there is fine),
 * then check, without following links, that it is a real folder: a symlink
 * put in its place by whoever edits the shared folder must not lead our
 * writes somewhere else.
 */
export const makeOwnFolder = async (fs: FsPort, path: string): Promise<void> => {
  await fs.mkdir(path, 0o700);
  if (!(await fsPromises.lstat(path)).isDirectory())
    throw Object.assign(new Error(`not a folder (a link or a file is in its place): ${path}`), { code: 'ENOTDIR' });
};
