import type { KeyObject } from 'node:crypto';
import { closeSync, constants, openSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import { ATOMIC_TEMP_NAME, fsyncDir, writeAllSync, writeFileAtomic } from '../fs/durable-write';
import type { FsPort } from '../fs/fs-port';
import { isNotRegularFile, readRegularFileSync } from '../fs/regular-file';
import { isNotFound } from '../fs/storage-error';
import {
  decodeMark,
  DELETED_MAX,
  encodeDeleted,
  encodeHead,
  encodeRetired,
  type HistoryMark,
  type MarkContents,
  RETIRED_MAX,
} from './history-mark';

/** `<vault>.mark`: a sibling of the folder, like `<vault>.lock`, so no copy of the folder carries it. */
export const markPath = (dir: string): string => `${dir}.mark`;

/** A re-key's new mark, written before its key file is committed and put in place after (settleMarks). */
export const stagedMarkPath = (dir: string, keyId: string): string => `${dir}.mark-${keyId}`;
const STAGED_KEY_ID = /^[0-9a-f]{32}$/;

/** O_NOFOLLOW: a link in its place is never written through; O_NONBLOCK: a FIFO in its place cannot stall a write. */
const HEAD_FLAGS = constants.O_WRONLY | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** How long after an append its head is written: one write for a burst of appends, never on the append's own path. */
export const MARK_DELAY_MS = 500;

const EMPTY: MarkContents = { head: undefined, deleted: undefined, retired: undefined, retiredParts: [] };

/** DELETED_MAX ids and the head, sealed and padded, are well under this; a larger file is not one Attune wrote. */
const MAX_MARK_BYTES = 2 * 1024 * 1024;

const sameHead = (a: HistoryMark | undefined, b: HistoryMark): boolean =>
  a !== undefined && a.seq === b.seq && a.hash === b.hash && a.throughSeq === b.throughSeq && a.anchor === b.anchor;

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
  private pendingHead: HistoryMark | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The mark could not be read this session (a passing I/O error): it is not written over either. */
  private readOnly = false;

  /** Retired parts (re-keys before this key) to carry along; dropped when this key's own parts are not here. */
  private readonly retiredParts: Buffer[];

  private constructor(
    private readonly fs: FsPort,
    private readonly path: string,
    private readonly key: KeyObject,
    private readonly keyId: string,
    readonly found: MarkContents,
    private readonly onError: (error: unknown) => void,
  ) {
    this.deleted = found.deleted ?? found.retired?.deleted ?? [];
    // Another vault's mark, or this key's retired one (the person opened an older history anyway): this history starts afresh.
    this.retiredParts = found.head || found.deleted ? found.retiredParts : [];
  }

  /**
   * Reads what is there: absent, not a regular file (or far too big to be one
   * Attune wrote), or not sealed with this key counts as no mark, and the
   * session writes a new one. A read that failed for a passing reason (EIO,
   * EBUSY from a virus scanner or a sync client) is different: the mark is
   * probably fine, so this session leaves it alone rather than overwrite the
   * deleted ids it holds with an empty list.
   */
  static async read(
    fs: FsPort,
    dir: string,
    key: KeyObject,
    keyId: string,
    onError: (error: unknown) => void,
    readFile: (path: string, maxBytes: number) => Buffer = readRegularFileSync,
  ): Promise<MarkFile> {
    const path = markPath(dir);
    let found = EMPTY;
    let unreadable = false;
    try {
      // Blocking: a file of a few KiB, read once per unlock; the thread pool's four round trips cost ~1 ms on a busy machine.
      found = decodeMark(readFile(path, MAX_MARK_BYTES), key, keyId);
    } catch (error) {
      if (!isNotFound(error) && !isNotRegularFile(error)) {
        unreadable = true;
        onError(error);
      }
    }
    const mark = new MarkFile(fs, path, key, keyId, found, onError);
    mark.readOnly = unreadable;
    return mark;
  }

  /**
   * A re-key: the mark sealed anew under the new data key, with the deleted
   * ids the old one remembered and the new snapshot as its head, written
   * whole (atomically). Like every mark write, a failure is only logged.
   */
  static async reseal(
    fs: FsPort,
    dir: string,
    key: KeyObject,
    keyId: string,
    deleted: readonly string[],
    head: HistoryMark,
    onError: (error: unknown) => void,
  ): Promise<void> {
    const mark = new MarkFile(fs, markPath(dir), key, keyId, EMPTY, onError);
    mark.deleted = [...deleted];
    await mark.writeAll(head);
  }

  /**
   * A re-key's new mark, as bytes: sealed with the new key, with the new
   * head and the deleted ids remembered here, then a retired part sealed
   * with this (old) key holding this history's head now, so a history
   * from before the re-key is still caught as older, then the parts of
   * earlier re-keys. Undefined when this session could not read the mark.
   */
  sealForRekey(newKey: KeyObject, newKeyId: string, newHead: HistoryMark, oldHead: HistoryMark): Buffer | undefined {
    if (this.readOnly) return undefined;
    return Buffer.concat([
      encodeHead(newKey, newKeyId, newHead),
      encodeDeleted(newKey, newKeyId, this.deleted),
      encodeRetired(this.key, this.keyId, { head: oldHead, deleted: this.deleted }),
      ...this.retiredParts.slice(0, RETIRED_MAX - 1),
    ]);
  }

  /** Ids the person deleted, as remembered here: applied to whatever history opens, so an earlier copy cannot bring them back. */
  get deletedIds(): readonly string[] {
    return this.deleted;
  }

  /**
   * After an append: the head is written a moment later (MARK_DELAY_MS),
   * once for a burst of appends, as one positional write of 256 bytes with
   * no fsync. Written inside the append, even that small write dirtied a
   * second inode that the journal's O_DSYNC write then committed with it:
   * +11–14% per append here. Deferred, the append costs what it did. If a
   * crash loses it, the mark is behind the vault, which is safe.
   */
  noteHead(mark: HistoryMark): void {
    this.pendingHead = mark;
    if (this.timer) return;
    this.timer = setTimeout(() => this.flushHead(), MARK_DELAY_MS);
    this.timer.unref?.();
  }

  /** Now: after a roll, and before the file is closed. */
  writeHead(mark: HistoryMark): void {
    this.pendingHead = mark;
    this.flushHead();
  }

  /** After a delete (rare): the deleted ids, so the delete is remembered outside the folder too. */
  async addDeleted(ids: readonly string[], head: HistoryMark): Promise<void> {
    const known = new Set(this.deleted);
    const added = ids.filter((id) => !known.has(id));
    if (added.length === 0) return this.writeHead(head);
    this.deleted = [...this.deleted, ...added].slice(-DELETED_MAX);
    await this.writeAll(head);
  }

  /**
   * Head and deleted ids as one new file, atomically (temp, fsync, rename,
   * fsync folder): an in-place rewrite that a full disk cut short could
   * lose the ids already kept. At unlock only when something changed (the
   * usual unlock finds the mark as the last session left it and writes nothing).
   */
  async writeAll(head: HistoryMark, onlyIfChanged = false): Promise<void> {
    this.pendingHead = undefined;
    if (this.readOnly) return;
    if (onlyIfChanged && this.found.deleted !== undefined && sameHead(this.found.head, head)) return;
    try {
      const bytes = Buffer.concat([
        encodeHead(this.key, this.keyId, head),
        encodeDeleted(this.key, this.keyId, this.deleted),
        ...this.retiredParts,
      ]);
      // Closed before the rename: Windows refuses to rename over a file that is still open. The next head write opens the new file.
      this.closeFd();
      await writeFileAtomic(this.fs, this.path, bytes);
    } catch (error) {
      this.onError(error);
    }
  }

  async close(): Promise<void> {
    this.flushHead();
    this.closeFd();
  }

  private flushHead(): void {
    const mark = this.pendingHead;
    this.pendingHead = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!mark || this.readOnly) return;
    try {
      this.fd ??= openSync(this.path, HEAD_FLAGS, 0o600);
      writeAllSync(this.fs, this.fd, encodeHead(this.key, this.keyId, mark), 0);
    } catch (error) {
      this.onError(error);
    }
  }

  private closeFd(): void {
    const fd = this.fd;
    this.fd = undefined;
    if (fd === undefined) return;
    try {
      closeSync(fd);
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

/** A re-key's new mark, staged beside the mark before the key file is committed. Best effort, like every mark write. */
export const stageMark = async (
  fs: FsPort,
  dir: string,
  keyId: string,
  bytes: Buffer,
  onError: (error: unknown) => void,
): Promise<void> => {
  await writeFileAtomic(fs, stagedMarkPath(dir, keyId), bytes).catch(onError);
};

/**
 * Before the mark is read, holding the vault's lock: a staged mark for the
 * key in vault.json now is put in place (a re-key committed, then cut off
 * before it could); one for any other key is removed (a re-key that never
 * committed), as are temp files that the mark's and the attempts file's
 * atomic writes left beside the folder. Returns whether a staged mark was
 * put in place. Failures are only logged: the mark is best effort.
 */
export const settleMarks = async (fs: FsPort, dir: string, keyId: string, onError: (error: unknown) => void): Promise<boolean> => {
  const parent = dirname(dir);
  const base = basename(dir);
  const names = await fs.readdir(parent).catch((error: unknown): string[] => {
    onError(error);
    return [];
  });
  let promoted = false;
  for (const name of names) {
    const staged = name.startsWith(`${base}.mark-`) ? name.slice(base.length + '.mark-'.length) : undefined;
    const ours = staged !== undefined && STAGED_KEY_ID.test(staged);
    const temp = name.startsWith(`.${base}.`) && ATOMIC_TEMP_NAME.test(name);
    if (!ours && !temp) continue;
    try {
      if (ours && staged === keyId) {
        await fs.rename(join(parent, name), markPath(dir));
        promoted = true;
      } else await fs.unlink(join(parent, name));
    } catch (error) {
      if (!isNotFound(error)) onError(error);
    }
  }
  if (promoted) await fsyncDir(fs, parent).catch(onError);
  return promoted;
};
