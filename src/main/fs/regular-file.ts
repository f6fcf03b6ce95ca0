import * as fs from 'node:fs';

/**
 * Reading a file Attune keeps (vault files, settings, pause state, the lock)
 * must never hang: a FIFO in its place blocks a plain open until someone
 * writes to it, and /dev/zero never ends. These open without blocking
 * (O_NONBLOCK: a FIFO opens at once), check the open descriptor is a regular
 * file — on the descriptor, so nothing can be swapped in between the check and
 * the read — and only then read it. Anything else is a NotRegularFileError,
 * for the caller to set aside or report. So is a file larger than the caller
 * allows (`maxBytes`): none of Attune's small files is ever that big, and a
 * huge one read whole would freeze the main thread or run it out of memory.
 */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';

  constructor(readonly path: string) {
    super(`not a regular file: ${path}`);
    this.name = 'NotRegularFileError';
  }
}

export const isNotRegularFile = (error: unknown): error is NotRegularFileError => error instanceof NotRegularFileError;

/** O_NONBLOCK does not exist on Windows (nor do FIFOs there in this sense). */
const READ_FLAGS = fs.constants.O_RDONLY | (typeof fs.constants.O_NONBLOCK === 'number' ? fs.constants.O_NONBLOCK : 0);

/** A socket cannot be opened at all (ENXIO): it is no regular file either. */
const notRegularIfSocket = (path: string, error: unknown): unknown =>
  (error as NodeJS.ErrnoException | null)?.code === 'ENXIO' ? new NotRegularFileError(path) : error;

/**
 * O_NOFOLLOW refuses a symlink as the last component (ELOOP, or EMLINK on
 * FreeBSD); Windows has no such flag, so there a link is caught by lstat
 * before the open (symlinks there need privileges a folder editor rarely has).
 */
const NO_FOLLOW = typeof fs.constants.O_NOFOLLOW === 'number' ? fs.constants.O_NOFOLLOW : 0;
const isLinkRefusal = (error: unknown): boolean => ['ELOOP', 'EMLINK'].includes((error as NodeJS.ErrnoException | null)?.code ?? '');

/**
 * `noFollow`: a symlink at `path` is not a regular file either (the sync
 * folder's rule, docs/sync-format.md §3.3: whoever edits that folder must not
 * make Attune read a file outside it).
 */
export const readRegularFile = async (
  path: string,
  maxBytes = Number.POSITIVE_INFINITY,
  options: { noFollow?: boolean } = {},
): Promise<Buffer> => {
  let handle: fs.promises.FileHandle;
  try {
    if (options.noFollow && NO_FOLLOW === 0 && (await fs.promises.lstat(path)).isSymbolicLink()) throw new NotRegularFileError(path);
    handle = await fs.promises.open(path, READ_FLAGS | (options.noFollow ? NO_FOLLOW : 0));
  } catch (error) {
    if (options.noFollow && isLinkRefusal(error)) throw new NotRegularFileError(path);
    throw notRegularIfSocket(path, error);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > maxBytes) throw new NotRegularFileError(path);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
};

export const readRegularFileSync = (path: string, maxBytes = Number.POSITIVE_INFINITY): Buffer => {
  let fd: number;
  try {
    fd = fs.openSync(path, READ_FLAGS);
  } catch (error) {
    throw notRegularIfSocket(path, error);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes) throw new NotRegularFileError(path);
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
};

/** Without following a symlink: is `path` itself a regular file (not a link, FIFO, device or folder)? */
export const isPlainFile = async (path: string): Promise<boolean> => {
  try {
    return (await fs.promises.lstat(path)).isFile();
  } catch {
    return false;
  }
};
