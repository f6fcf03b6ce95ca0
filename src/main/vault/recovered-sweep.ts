import { lstat, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';

import { fsyncDir } from '../fs/durable-write';
import type { FsPort } from '../fs/fs-port';
import { RECOVERED_DIR } from './recovered-file';

export interface RecoveredSweep {
  /** Regular files removed from recovered/. */
  deleted: number;
  /** What was left there: anything that is not a regular file (a link, a folder, a FIFO moved aside) and files asked to be kept. */
  left: number;
}

const isGone = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Deletes the regular files directly inside `<dir>/recovered/` and nothing
 * else. Links are never followed: recovered/ itself must be a real folder
 * (a link in its place is left alone and nothing is deleted), and inside it
 * each name is checked with lstat, so a link, a folder or a device stays
 * where it is. unlink never follows the last part of a path either, so a
 * link swapped in after the check removes the link, not what it points to.
 * Names come from readdir of that one folder (never a path from a caller),
 * so nothing outside it is touched. `keep` names files to leave in place.
 */
export const sweepRecovered = async (fs: FsPort, dir: string, keep: ReadonlySet<string> = new Set()): Promise<RecoveredSweep> => {
  const folder = join(dir, RECOVERED_DIR);
  try {
    if (!(await lstat(folder)).isDirectory()) return { deleted: 0, left: 0 };
  } catch (error) {
    if (isGone(error)) return { deleted: 0, left: 0 };
    throw error;
  }
  let deleted = 0;
  let left = 0;
  for (const name of await readdir(folder)) {
    const path = join(folder, name);
    let regular: boolean;
    try {
      regular = (await lstat(path)).isFile();
    } catch (error) {
      if (isGone(error)) continue;
      throw error;
    }
    if (!regular || keep.has(name)) {
      // Dot names (a temp file's leftover) are not counted as what is there, as countRecoveredFiles does not count them.
      if (!name.startsWith('.')) left += 1;
      continue;
    }
    try {
      await unlink(path);
    } catch (error) {
      if (isGone(error)) continue;
      throw error;
    }
    if (!name.startsWith('.')) deleted += 1;
  }
  if (deleted > 0) await fsyncDir(fs, folder);
  return { deleted, left };
};
