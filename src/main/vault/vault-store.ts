import type { KeyObject } from 'node:crypto';
import { constants } from 'node:fs';
import { join } from 'node:path';

import type { Entry } from '../../shared/entry-schema';
import { AttuneError } from '../attune-error';
import { fsyncDir, writeAll, writeAllSync, writeFileAtomic } from '../fs/durable-write';
import type { FsPort } from '../fs/fs-port';
import { isDiskError, isDiskFailure, toStorageErrorOrInternal } from '../fs/storage-error';
import { dsyncFlag, WritePace } from '../fs/write-pace';
import type { EntryIndex } from './entry-index';
import type { HistoryMark } from './history-mark';
import type { MarkFile } from './history-mark-file';
import { encodeRecord, hashText } from './record-codec';
import { encodePayload, type RecordOp } from './record-payload';
import { moveNotAFileAside, writeRecoveredFile } from './recovered-file';
import { judgeAgainstMark, judgeRetired, lostPastEnd } from './rollback-check';
import { encodeSnapshot, type StoredEntry } from './snapshot-codec';
import { JOURNAL_FILE, type LoadedVault, loadVault, SNAPSHOT_FILE } from './vault-load';
import { problem, type VaultProblem } from './vault-problem';

/**
 * The open, unlocked vault on disk: an encrypted snapshot plus an
 * append-only journal. Owns the journal's file descriptor and the chain state
 * (last seq, last hash). Not re-entrant: the service calls it from one queue.
 */
export interface StoreContext {
  fs: FsPort;
  dir: string;
  key: KeyObject;
  keyId: string;
  now: () => number;
  /** Roll the journal into a new snapshot on unlock once it holds more records than this. */
  rollAfterRecords: number;
  /** The high-water mark outside the folder (history-mark.ts); the store writes it and closes it. */
  mark?: MarkFile;
}

/**
 * Hide what the person deleted, as the mark remembers it: an entry with a
 * deleted id, and the follow-ups answering it (as the delete took them).
 * One lookup per remembered id: a delete puts its follow-ups' ids in the
 * mark with the check-in's, in the same write, so the scan for answers runs
 * only for a check-in actually found. Returns how many went.
 */
const forgetDeleted = (index: EntryIndex, deleted: readonly string[]): number => {
  let gone = 0;
  for (const id of deleted) {
    if (!index.get(id)) continue;
    for (const answer of index.answersTo(id)) if (index.remove(answer.entry.id)) gone += 1;
    index.remove(id);
    gone += 1;
  }
  return gone;
};

/**
 * O_DSYNC makes each write return only once its bytes, and the file size
 * needed to read them back, are on stable storage: write + fdatasync in one
 * system call (where it is that, dsyncFlag; elsewhere an explicit fsync
 * follows). An append blocks the main process for that one small write
 * (~0.2 ms on this machine's disk) while the disk answers fast (WritePace):
 * the pool's two wake-ups cost ~0.07 ms per append, which alone put the
 * append at ~1.6× a raw appendFileSync+fsyncSync instead of ~1.25×.
 */
const DSYNC = dsyncFlag(process.platform, constants.O_DSYNC);
const journalFlags = constants.O_RDWR | constants.O_CREAT | (DSYNC ?? 0);

/** Setup: an empty snapshot (the chain's anchor) and an empty journal, both durable before the key file commits. */
export const initializeStore = async (fs: FsPort, dir: string, key: KeyObject, keyId: string, now: number): Promise<void> => {
  const { bytes } = encodeSnapshot(key, keyId, [], 0, now);
  await writeFileAtomic(fs, join(dir, SNAPSHOT_FILE), bytes);
  const fd = await fs.open(join(dir, JOURNAL_FILE), 'w', 0o600);
  try {
    await fs.fsync(fd);
  } finally {
    await fs.close(fd);
  }
  await fsyncDir(fs, dir);
};

export class VaultStore {
  private fd: number | undefined;
  private lastSeq: number;
  private lastHash: string | undefined;
  private journalSize: number;
  private tailRecords: number;
  private readonly pace = new WritePace(DSYNC !== undefined);
  /** A partial write could not be cut back: do that before the next write. */
  private truncateBeforeWrite = false;
  /** Repair that failed for lack of space or permission; retried before the next write. */
  private pendingRepair: (() => Promise<void>) | undefined;
  /**
   * The snapshot on disk read short (damaged or cut): no roll may replace it
   * with a smaller one until the person accepts what is left
   * (acceptSnapshotDamage). Appends go on in the journal meanwhile.
   */
  private held: boolean;
  /** The journal ends in a whole record without its newline: the next append starts with one. */
  private unterminated: boolean;
  /** The snapshot's throughSeq and anchor, for the mark. */
  private throughSeq: number;
  private anchor: string;
  /**
   * The history on disk is older than the mark: nothing is written (no
   * repair, no roll, no append, no mark) until the person chooses to open it
   * anyway (acceptOlderHistory); this is what that choice carries out.
   */
  private olderPending: (() => Promise<void>) | undefined;

  private constructor(
    private readonly ctx: StoreContext,
    readonly index: EntryIndex,
    loaded: LoadedVault,
    readonly problems: VaultProblem[],
  ) {
    this.lastSeq = loaded.lastSeq;
    this.lastHash = loaded.lastHash;
    this.journalSize = loaded.journalBytes;
    this.tailRecords = loaded.tailRecords;
    this.held = loaded.compactionHeld;
    this.unterminated = loaded.unterminated;
    this.throughSeq = loaded.throughSeq;
    this.anchor = loaded.anchor ?? loaded.lastHash ?? '';
  }

  /**
   * Read, verify, and repair what needs it. Damage is copied to recovered/
   * first; only then are live files cut back or rewritten. When the disk is
   * full or read-only the repair waits (reported as 'cleanup-deferred') and the
   * vault opens anyway, readable.
   */
  static async open(ctx: StoreContext): Promise<VaultStore> {
    const loaded = await loadVault(ctx.dir, ctx.key, ctx.keyId, ctx.rollAfterRecords);
    const clean = loaded.problems.length === 0;
    const store = new VaultStore(ctx, loaded.index, loaded, loaded.problems);
    // Deletes the mark remembers stay deleted in whatever history opens; a roll then takes their bytes out of it.
    const forgotten = forgetDeleted(loaded.index, ctx.mark?.deletedIds ?? []);
    const retired = ctx.mark?.found.head ? undefined : ctx.mark?.found.retired;
    const verdict = retired
      ? judgeRetired(retired.head, loaded.lastSeq)
      : judgeAgainstMark(ctx.mark?.found.head, {
          lastSeq: loaded.lastSeq,
          // Without an authentic header loadVault counts from 0: that says nothing about the snapshot's age.
          throughSeq: loaded.anchor === undefined ? undefined : loaded.throughSeq,
          lastHash: loaded.lastHash,
          hashAt: loaded.hashAt,
          clean,
        });
    const settle = async (accepted: boolean): Promise<void> => {
      await store.repairOnOpen(loaded);
      if (forgotten > 0 && !store.held && loaded.repair !== 'roll') await store.rollQuietly();
      // At an ordinary unlock the mark usually already says this: then nothing is written.
      await ctx.mark?.writeAll(store.head(), !accepted);
    };
    if (verdict.older) {
      store.problems.push({ kind: 'older-history', affected: verdict.affected, setAside: null });
      store.olderPending = () => settle(true);
      return store;
    }
    const markSeq = ctx.mark?.found.head?.seq ?? 0;
    const lost = lostPastEnd(ctx.mark?.found.head, loaded.lastSeq, loaded.problems);
    if (lost.length > 0) {
      const missing = store.problems.find((found) => found.kind === 'missing');
      if (missing) missing.affected = [...missing.affected, ...lost].sort((a, b) => a.from - b.from);
      else store.problems.push(problem('missing', lost));
    }
    /**
     * Damage that ends before the mark (a cut journal, an older copy with a
     * torn line added): those seqs stay used and the mark never moves back,
     * because a roll puts the snapshot past them. A held snapshot waits for
     * the person, and its next appends may take them again.
     */
    if (loaded.lastSeq < markSeq && !loaded.compactionHeld) {
      store.lastSeq = markSeq;
      loaded.repair = 'roll';
    }
    await settle(false);
    return store;
  }

  /** Carry out the repair loadVault decided on; a repair the disk refuses now waits ('cleanup-deferred'). */
  private async repairOnOpen(loaded: LoadedVault): Promise<void> {
    if (loaded.repair === 'none') return;
    const { ctx } = this;
    const repair = async (): Promise<void> => {
      while (loaded.notFiles.length > 0) {
        const aside = await moveNotAFileAside(ctx.fs, ctx.dir, ctx.now(), loaded.notFiles[0] as string);
        for (const found of loaded.problems) found.setAside ??= aside;
        loaded.notFiles.shift();
      }
      if (loaded.pieces.length > 0) {
        const name = await writeRecoveredFile(ctx.fs, ctx.dir, ctx.now(), loaded.problems, loaded.pieces);
        for (const found of loaded.problems) found.setAside = name;
        loaded.pieces.length = 0;
      }
      if (loaded.repair === 'cut-torn-tail') await this.cutJournal(loaded.completeLength, loaded.lastHash);
      else if (loaded.repair === 'empty-stale-journal') await this.cutJournal(0, loaded.anchor);
      else if (loaded.repair === 'roll') await this.roll();
    };
    try {
      await repair();
    } catch (error) {
      if (!isDiskFailure(error)) throw toStorageErrorOrInternal(error, 'repair vault files');
      this.problems.push(problem('cleanup-deferred', []));
      this.pendingRepair = repair;
    }
  }

  /** A roll that only tidies (deleted bytes out of the live files): the disk refusing it now is not an error. */
  private async rollQuietly(): Promise<void> {
    try {
      await this.roll();
    } catch (error) {
      if (!isDiskFailure(error)) throw error;
    }
  }

  /** What the mark should say now: the newest durable state. */
  private head(): HistoryMark {
    return { seq: this.lastSeq, hash: this.lastHash ?? this.anchor, throughSeq: this.throughSeq, anchor: this.anchor };
  }

  /** The history on disk is older than the last one Attune saw, and the person has not chosen yet. */
  get olderHistory(): boolean {
    return this.olderPending !== undefined;
  }

  /**
   * The person chooses to open the older history anyway: the repairs it
   * needed run now, deletes the mark remembers stay deleted, and the mark
   * moves to this history.
   */
  async acceptOlderHistory(): Promise<void> {
    const settle = this.olderPending;
    if (!settle) return;
    // Cleared first: the repair and roll it runs are exactly what was waiting for this choice.
    this.olderPending = undefined;
    try {
      await settle();
    } catch (error) {
      this.olderPending = settle;
      throw error;
    }
    for (let i = this.problems.length - 1; i >= 0; i -= 1) if (this.problems[i]?.kind === 'older-history') this.problems.splice(i, 1);
  }

  /** The highest seq written: a re-key's snapshot covers everything up to it. */
  get lastSequence(): number {
    return this.lastSeq;
  }

  /** A re-key's new mark (history-mark-file.ts), with this history's head retired under the old key. */
  sealMarkForRekey(newKey: KeyObject, newKeyId: string, newHead: HistoryMark): Buffer | undefined {
    return this.ctx.mark?.sealForRekey(newKey, newKeyId, newHead, this.head());
  }

  /** The ids the mark remembers as deleted, for a re-key to carry into the mark it seals anew. */
  get markedDeletedIds(): readonly string[] {
    return this.ctx.mark?.deletedIds ?? [];
  }

  /**
   * Before a re-key rewrites the whole history: a repair the disk refused
   * earlier runs first (its set-aside copies must exist before the files
   * change); a held snapshot or an older history is refused, like a roll.
   */
  async prepareForRekey(): Promise<void> {
    if (this.held) throw new AttuneError('vault-damaged', 'compaction is held until the snapshot damage is accepted');
    if (this.olderPending) throw new AttuneError('history-older', 'an older history waits for the person to choose');
    await this.finishPendingRepair();
  }

  get tailLength(): number {
    return this.tailRecords;
  }

  get compactionHeld(): boolean {
    return this.held;
  }

  /**
   * The person has seen the snapshot damage and chooses to go on with what
   * could be read: the damaged file is already copied to recovered/ (a
   * deferred copy is made first), so the roll that follows loses nothing
   * more than was already unreadable.
   */
  async acceptSnapshotDamage(): Promise<void> {
    if (!this.held) return;
    await this.finishPendingRepair();
    this.held = false;
    await this.roll();
    for (let i = this.problems.length - 1; i >= 0; i -= 1) if (this.problems[i]?.kind === 'snapshot-damaged') this.problems.splice(i, 1);
  }

  /**
   * Append records as lines in one positional, synchronized write (or write,
   * then fsync); resolves only once they are durable. On any failure the journal is cut back to its size
   * before the call, so the file is byte-for-byte what it was.
   */
  async append(ops: readonly RecordOp[]): Promise<number[]> {
    if (this.olderPending) throw new AttuneError('history-older', 'an older history waits for the person to choose');
    // Awaits only when there is something to do: each await costs a trip through the microtask queue on the hot path.
    if (this.pendingRepair || this.truncateBeforeWrite || this.lastHash === undefined) await this.prepareWrite();
    const { key, keyId } = this.ctx;
    let seq = this.lastSeq;
    let prev = this.lastHash as string;
    const seqs: number[] = [];
    const lines: string[] = [];
    for (const op of ops) {
      seq += 1;
      const payload = encodePayload(op);
      const line = encodeRecord(key, keyId, seq, prev, payload);
      payload.fill(0);
      prev = hashText(line);
      lines.push(line);
      seqs.push(seq);
    }
    const data = Buffer.from(`${this.unterminated ? '\n' : ''}${lines.join('\n')}\n`, 'latin1');
    const fd = this.fd ?? (await this.journalFd());
    try {
      if (this.pace.blocking) this.pace.time(() => writeAllSync(this.ctx.fs, fd, data, this.journalSize));
      else {
        await writeAll(this.ctx.fs, fd, data, this.journalSize);
        if (DSYNC === undefined) await this.ctx.fs.fsync(fd);
      }
    } catch (error) {
      await this.cutBack(fd);
      throw toStorageErrorOrInternal(error, 'append to journal');
    }
    this.journalSize += data.length;
    this.unterminated = false;
    this.lastSeq = seq;
    this.lastHash = prev;
    this.tailRecords += ops.length;
    const deleted: string[] = [];
    ops.forEach((op, i) => {
      if (op.op === 'put') this.index.put({ seq: seqs[i] as number, entry: op.entry });
      else {
        this.index.remove(op.id);
        deleted.push(op.id);
      }
    });
    // Only after the journal write is durable: the mark may fall behind the vault, never run ahead of it.
    if (deleted.length > 0) await this.ctx.mark?.addDeleted(deleted, this.head());
    else this.ctx.mark?.noteHead(this.head());
    return seqs;
  }

  /**
   * Many records at once (a sync link, a long absence: sync-format.md §6.3),
   * written straight into a new snapshot instead of as journal lines that a
   * roll then rewrites — the same end state, at the cost of one roll. The
   * snapshot is the commit point, as in `roll`: a failure or a crash before
   * it leaves the vault as it was (memory included); after it, journal lines
   * the snapshot already holds are emptied at the next open. The records take
   * seqs as if appended, so the chain, the mark and a later append go on from
   * there.
   */
  async appendByRoll(ops: readonly RecordOp[]): Promise<void> {
    if (this.held) throw new AttuneError('vault-damaged', 'compaction is held until the snapshot damage is accepted');
    if (this.olderPending) throw new AttuneError('history-older', 'an older history waits for the person to choose');
    if (this.pendingRepair || this.truncateBeforeWrite || this.lastHash === undefined) await this.prepareWrite();
    const { fs, dir, key, keyId, now } = this.ctx;
    const fresh: StoredEntry[] = [];
    const deleted: string[] = [];
    const named = new Set<string>();
    let touchesHeld = false;
    let seq = this.lastSeq;
    for (const op of ops) {
      seq += 1;
      const id = op.op === 'put' ? op.entry.id : op.id;
      if (named.has(id) || this.index.get(id)) touchesHeld = true;
      named.add(id);
      if (op.op === 'put') fresh.push({ seq, entry: op.entry });
      else deleted.push(id);
    }
    // Only new ids (a link, a long absence: the usual case): the held entries as they are, the new ones after them in seq
    // order. Otherwise, in seq order, a put of an id already held moves it to its new seq, at the end.
    const entries = touchesHeld ? this.afterOps(ops) : [...this.index.bySeq(), ...fresh];
    const { bytes, anchor } = encodeSnapshot(key, keyId, entries, seq, now());
    try {
      await writeFileAtomic(fs, join(dir, SNAPSHOT_FILE), bytes);
    } catch (error) {
      throw toStorageErrorOrInternal(error, 'write snapshot');
    }
    if (touchesHeld) this.index.reload(entries);
    else this.index.addAll(fresh);
    this.lastSeq = seq;
    this.throughSeq = seq;
    this.anchor = anchor;
    await this.cutJournal(0, anchor);
    if (deleted.length > 0) await this.ctx.mark?.addDeleted(deleted, this.head());
    else this.ctx.mark?.writeHead(this.head());
  }

  /** Every live entry in seq order once `ops` (numbered from lastSeq + 1) are applied. */
  private afterOps(ops: readonly RecordOp[]): StoredEntry[] {
    const after = new Map(this.index.bySeq().map((stored) => [stored.entry.id, stored]));
    let seq = this.lastSeq;
    for (const op of ops) {
      seq += 1;
      const id = op.op === 'put' ? op.entry.id : op.id;
      after.delete(id);
      if (op.op === 'put') after.set(id, { seq, entry: op.entry });
    }
    return [...after.values()];
  }

  /**
   * Compaction: every live entry into a new snapshot (temp file, fsync,
   * rename, fsync dir — the commit point), then empty the journal. A crash
   * between the two leaves journal records the snapshot already holds; the
   * next open sees seq ≤ throughSeq and empties the journal then.
   */
  async roll(): Promise<void> {
    if (this.held) throw new AttuneError('vault-damaged', 'compaction is held until the snapshot damage is accepted');
    if (this.olderPending) throw new AttuneError('history-older', 'an older history waits for the person to choose');
    const { fs, dir, key, keyId, now } = this.ctx;
    const { bytes, anchor } = encodeSnapshot(key, keyId, this.index.bySeq(), this.lastSeq, now());
    try {
      await writeFileAtomic(fs, join(dir, SNAPSHOT_FILE), bytes);
    } catch (error) {
      throw toStorageErrorOrInternal(error, 'write snapshot');
    }
    this.throughSeq = this.lastSeq;
    this.anchor = anchor;
    await this.cutJournal(0, anchor);
    this.ctx.mark?.writeHead(this.head());
  }

  async close(): Promise<void> {
    const fd = this.fd;
    this.fd = undefined;
    if (fd !== undefined) await this.ctx.fs.close(fd);
    await this.ctx.mark?.close();
    this.index.clear();
  }

  /** The ids the mark remembers as deleted (vault-format.md §7.1); empty without a readable mark. */
  get markDeletedIds(): readonly string[] {
    return this.ctx.mark?.deletedIds ?? [];
  }

  allEntries(): Entry[] {
    return this.index.range(undefined, undefined).map((item) => item.entry);
  }

  private async finishPendingRepair(): Promise<void> {
    if (!this.pendingRepair) return;
    try {
      await this.pendingRepair();
    } catch (error) {
      throw toStorageErrorOrInternal(error, 'finish deferred repair');
    }
    this.pendingRepair = undefined;
    const deferred = this.problems.findIndex((found) => found.kind === 'cleanup-deferred');
    if (deferred >= 0) this.problems.splice(deferred, 1);
  }

  private async prepareWrite(): Promise<void> {
    await this.finishPendingRepair();
    if (this.truncateBeforeWrite) await this.cutBack(await this.journalFd());
    if (this.lastHash === undefined) throw new AttuneError('vault-damaged', 'no chain anchor to append to');
  }

  private async cutBack(fd: number): Promise<void> {
    try {
      await this.ctx.fs.ftruncate(fd, this.journalSize);
      await this.ctx.fs.fsync(fd);
      this.truncateBeforeWrite = false;
    } catch (error) {
      // Positional writes never go past journalSize, so leftover bytes only matter if we stop here; retry first thing next write.
      this.truncateBeforeWrite = true;
      if (!isDiskError(error)) throw toStorageErrorOrInternal(error, 'cut back journal');
    }
  }

  /**
   * The chain state moves first: even if the truncate fails, the next write
   * goes to `length` and links to `linkTo`, after cutting the file back.
   */
  private async cutJournal(length: number, linkTo: string | undefined): Promise<void> {
    this.journalSize = length;
    this.lastHash = linkTo;
    // Cut back to a line end, or emptied: either way the file ends where a line may start.
    this.unterminated = false;
    if (length === 0) this.tailRecords = 0;
    this.truncateBeforeWrite = true;
    const fd = await this.journalFd();
    try {
      await this.ctx.fs.ftruncate(fd, length);
      await this.ctx.fs.fsync(fd);
    } catch (error) {
      throw toStorageErrorOrInternal(error, 'cut journal');
    }
    this.truncateBeforeWrite = false;
  }

  private async journalFd(): Promise<number> {
    if (this.fd === undefined) {
      try {
        this.fd = await this.ctx.fs.open(join(this.ctx.dir, JOURNAL_FILE), journalFlags, 0o600);
      } catch (error) {
        throw toStorageErrorOrInternal(error, 'open journal');
      }
    }
    return this.fd;
  }
}
