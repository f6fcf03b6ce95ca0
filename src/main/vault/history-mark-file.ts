import type { KeyObject } from 'node:crypto';
import { constants } from 'node:fs';

import { writeAll, writeAllSync } from '../fs/durable-write';
import type { FsPort } from '../fs/fs-port';
import { isNotRegularFile, readRegularFile } from '../fs/regular-file';
import { isNotFound } from '../fs/storage-error';
import { decodeMark, DELETED_MAX, encodeDeleted, encodeHead, type HistoryMark, type MarkContents } from './history-mark';

/** `<vault>.mark`: a sibling of the folder, like `<vault>.lock`, so no copy of the folder carries it. */
export const markPath = (dir: string): string => `${dir}.mark`;

const OPEN_FLAGS = constants.O_RDWR | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

const EMPTY: MarkContents = { head: undefined, deleted: undefined };

/**
 * The mark on disk for one unlocked session. Its writes never fail an
 * operation: the history is already durable when the mark is written, and a
 * mark that could not be written (full disk, a read-only data folder) only
 * means the next unlock compares against an older one, which can never
 * raise a false alarm. Failures go to the local log.
 */
export class MarkFile {
  private fd: number | undefined;
  private deleted: string[];

  private constructor(
    private readonly fs: FsPort,
    private readonly path: string,
    private readonly key: KeyObject,
    private readonly keyId: string,
    readonly found: MarkContents,
    private readonly onError: (error: unknown) => void,
  ) {
    this.deleted = found.deleted ?? [];
  }

  /** Reads what is there (anything unreadable, or not a regular file, counts as no mark). Opens nothing for writing yet. */
  static async read(fs: FsPort, dir: string, key: KeyObject, keyId: string, onError: (error: unknown) => void): Promise<MarkFile> {
    const path = markPath(dir);
    let found = EMPTY;
    try {
      found = decodeMark(await readRegularFile(path), key, keyId);
    } catch (error) {
      if (!isNotFound(error) && !isNotRegularFile(error)) onError(error);
    }
    return new MarkFile(fs, path, key, keyId, found, onError);
  }

  /** Ids the person deleted, as remembered here: applied to whatever history opens, so an earlier copy cannot bring them back. */
  get deletedIds(): readonly string[] {
    return this.deleted;
  }

  /**
   * The hot path: one positional write of 256 bytes into the page cache, no
   * fsync. If a crash loses it, the mark is behind the vault, which is safe.
   */
  writeHead(mark: HistoryMark): void {
    // Not open: opening failed at unlock and was logged then.
    if (this.fd === undefined) return;
    try {
      writeAllSync(this.fs, this.fd, encodeHead(this.key, this.keyId, mark), 0);
    } catch (error) {
      this.onError(error);
    }
  }

  /** After a delete (rare): the list of deleted ids, synced, so the delete is remembered outside the folder too. */
  async addDeleted(ids: readonly string[], head: HistoryMark): Promise<void> {
    const known = new Set(this.deleted);
    const added = ids.filter((id) => !known.has(id));
    if (added.length === 0) return;
    this.deleted = [...this.deleted, ...added].slice(-DELETED_MAX);
    await this.writeAll(head);
  }

  /** Head and deleted ids together, synced: at unlock and when an older history is accepted. */
  async writeAll(head: HistoryMark): Promise<void> {
    await this.open();
    const fd = this.fd;
    if (fd === undefined) return;
    try {
      const bytes = Buffer.concat([encodeHead(this.key, this.keyId, head), encodeDeleted(this.key, this.keyId, this.deleted)]);
      await writeAll(this.fs, fd, bytes, 0);
      await this.fs.ftruncate(fd, bytes.length);
      await this.fs.fsync(fd);
    } catch (error) {
      this.onError(error);
    }
  }

  async close(): Promise<void> {
    const fd = this.fd;
    this.fd = undefined;
    if (fd !== undefined) await this.fs.close(fd).catch(this.onError);
  }

  /**
   * Open (creating) for writing. O_NOFOLLOW: a link in its place is never
   * written through; O_NONBLOCK: a FIFO in its place cannot stall start-up.
   */
  private async open(): Promise<void> {
    if (this.fd !== undefined) return;
    try {
      this.fd = await this.fs.open(this.path, OPEN_FLAGS, 0o600);
    } catch (error) {
      this.onError(error);
    }
  }
}

/** Erase: the mark goes with the history it described. */
export const removeMark = async (fs: FsPort, dir: string): Promise<void> => {
  await fs.unlink(markPath(dir)).catch((error: unknown) => {
    if (!isNotFound(error)) throw error;
  });
};
