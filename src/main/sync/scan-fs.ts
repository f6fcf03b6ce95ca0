import * as fs from 'node:fs';

import { readRegularFile } from '../fs/regular-file';

/**
 * The three effects a pass over the sync folder performs (docs/sync-format.md
 * §3.3, §8), as a port so a spec can count them and make one fail the way a
 * folder does mid-pass (a file removed, a permission taken away). The default
 * is node:fs. An empty pass uses only `list`, plus `stat` for pending names;
 * `read` is the only call that opens a file.
 */
export interface ScanEntry {
  readonly name: string;
  /** A real folder, not a link to one. */
  readonly isFolder: boolean;
}

export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  /** Changes when anything about the file does (its mode too), so a file whose permission is put right is read again. */
  readonly ctimeMs: number;
  /** A file replaced whole (temp + rename, as sync tools deliver) is another inode even with the same size and times. */
  readonly ino: number;
}

export interface ScanStat extends FileStamp {
  /** lstat: a link, FIFO, socket or folder is not a regular file. */
  readonly isFile: boolean;
}

export interface ScanFs {
  list(path: string): Promise<ScanEntry[]>;
  /** Does not follow a link. */
  stat(path: string): Promise<ScanStat>;
  /** Regular file only, no link, never blocking, at most `maxBytes` (§3.3); else a NotRegularFileError. */
  read(path: string, maxBytes: number): Promise<Buffer>;
}

export const nodeScanFs: ScanFs = {
  list: async (path) =>
    (await fs.promises.readdir(path, { withFileTypes: true })).map((entry) => ({ name: entry.name, isFolder: entry.isDirectory() })),
  stat: async (path) => {
    const stat = await fs.promises.lstat(path);
    return { isFile: stat.isFile(), size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino };
  },
  read: (path, maxBytes) => readRegularFile(path, maxBytes, { noFollow: true }),
};

export const sameStamp = (a: FileStamp, b: FileStamp): boolean =>
  a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

export const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;
