import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';

import { isNotRegularFile, readRegularFile } from '../fs/regular-file';
import { isNotFound } from '../fs/storage-error';
import { EntryIndex } from './entry-index';
import { scanJournal } from './journal-scan';
import { type CheckedLine, verifyChain } from './journal-verify';
import { claimedSeq, hashText, openRecord, parseLine, RECORD_VERSION, type RecordVersion } from './record-codec';
import { decodePayload } from './record-payload';
import type { SetAsidePiece } from './recovered-file';
import { type DecodedSnapshot, decodeSnapshot, SNAPSHOT_VERSION } from './snapshot-codec';
import { problem, type SeqRange, type VaultProblem } from './vault-problem';

export const SNAPSHOT_FILE = 'snapshot.bin';
export const JOURNAL_FILE = 'journal.log';

/** What the files need after reading, decided here and carried out by the store. */
export type Repair =
  | 'none'
  /** Only a torn tail: set it aside, cut the journal back to its last complete line. */
  | 'cut-torn-tail'
  /** Journal holds only records the snapshot already has (a roll was interrupted): empty it. */
  | 'empty-stale-journal'
  /** Damage or disorder, or a long tail: set damage aside, write a fresh snapshot, empty the journal. */
  | 'roll'
  /** The snapshot read short and compaction is held: only copy what was found to recovered/. */
  | 'set-aside';

export interface LoadedVault {
  index: EntryIndex;
  throughSeq: number;
  anchor: string | undefined;
  lastSeq: number;
  lastHash: string | undefined;
  /** The hash of the authentic journal record with this seq (what the record after it links to), if there is one. */
  hashAt: (seq: number) => string | undefined;
  journalBytes: number;
  completeLength: number;
  tailRecords: number;
  tombstones: number;
  problems: VaultProblem[];
  pieces: SetAsidePiece[];
  repair: Repair;
  /** The snapshot on disk is damaged or incomplete: keep it until the person accepts what is left. */
  compactionHeld: boolean;
  /** The journal's last record is whole but has no newline: the next append writes one first. */
  unterminated: boolean;
  /** Live file names with something other than a regular file in their place: moved to recovered/ before any repair. */
  notFiles: string[];
  /** Something live on disk is in the version-1 format (unpadded): the repair rolls it into version 2. */
  upgrade: boolean;
}

/**
 * The file's bytes; undefined when it is not there; 'not-a-file' when
 * something else (a FIFO, a device, a folder) stands in its place — read
 * without blocking and never trusted, it is moved aside at repair.
 */
const readOrEmpty = async (path: string): Promise<Buffer | undefined | 'not-a-file'> => {
  try {
    return await readRegularFile(path);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    if (isNotRegularFile(error)) return 'not-a-file';
    throw error;
  }
};

/** A checked line, and for an authentic one the format version it was written in. */
const checkLine = (key: KeyObject, keyId: string, text: string, raw: Buffer): CheckedLine & { version?: RecordVersion } => {
  const hash = hashText(raw);
  const parsed = parseLine(text);
  const opened = parsed && openRecord(key, keyId, parsed);
  const op = opened && decodePayload(opened.payload);
  opened?.plaintext.fill(0);
  if (parsed && op) return { ok: true, seq: parsed.seq, prev: parsed.prev, hash, op, version: parsed.version };
  return { ok: false, claimedSeq: claimedSeq(text), hash };
};

export const loadVault = async (dir: string, key: KeyObject, keyId: string, rollAfterRecords: number): Promise<LoadedVault> => {
  const problems: VaultProblem[] = [];
  const pieces: SetAsidePiece[] = [];

  const notFiles: string[] = [];
  const snapshotRead = await readOrEmpty(join(dir, SNAPSHOT_FILE));
  if (snapshotRead === 'not-a-file') notFiles.push(SNAPSHOT_FILE);
  const snapshotBytes = snapshotRead === 'not-a-file' ? undefined : snapshotRead;
  const snapshot: DecodedSnapshot = snapshotBytes
    ? decodeSnapshot(snapshotBytes, key, keyId)
    : {
        version: undefined,
        snapshotId: undefined,
        header: undefined,
        anchor: undefined,
        entries: [],
        chunkIndices: new Set<number>(),
        damaged: [],
        unverifiedAnchor: undefined,
        highestSeq: 0,
      };
  // Completeness is checked on every open, whatever authenticated: a frame cut out whole leaves no damaged byte behind.
  const lost: SeqRange[] = [];
  for (const frame of snapshot.damaged) {
    // Frame 0 is the header: losing it loses no entry (chunks decrypt without it), only the checks below.
    if (frame.index === 0) continue;
    if (frame.firstSeq !== undefined && frame.lastSeq !== undefined && frame.firstSeq <= frame.lastSeq)
      lost.push({ from: frame.firstSeq, to: frame.lastSeq });
  }
  // The header lists every chunk; any it names that did not decrypt is lost, even if its frame vanished entirely.
  for (const [index, firstSeq, lastSeq] of snapshot.header?.chunks ?? []) {
    if (!snapshot.chunkIndices.has(index)) lost.push({ from: firstSeq, to: lastSeq });
  }
  const countMatches = snapshot.header !== undefined && snapshot.header.entryCount === snapshot.entries.length;
  const snapshotDamaged = !snapshotBytes || snapshot.damaged.length > 0 || !snapshot.header || lost.length > 0 || !countMatches;
  /**
   * A snapshot on disk that reads short is kept exactly as it is until the
   * person says to go on without what is missing: no roll may replace it
   * with a smaller one. A copy goes to recovered/ as well.
   */
  const compactionHeld = snapshotBytes !== undefined && snapshotDamaged;
  if (snapshotDamaged) {
    problems.push(problem('snapshot-damaged', dedupeRanges(lost)));
    if (compactionHeld) pieces.push({ source: 'snapshot', seq: null, offset: 0, bytes: snapshotBytes });
  }
  const throughSeq = snapshot.header?.throughSeq;

  const journalRead = await readOrEmpty(join(dir, JOURNAL_FILE));
  if (journalRead === 'not-a-file') notFiles.push(JOURNAL_FILE);
  const journalBytes = journalRead === 'not-a-file' ? Buffer.alloc(0) : (journalRead ?? Buffer.alloc(0));
  const scanned = scanJournal(journalBytes);
  const checked = scanned.lines.map((line) => checkLine(key, keyId, line.text, line.raw));
  // A whole last record that authenticates lost only its newline (a copy or an editor may drop it): keep it.
  let unterminated = false;
  if (scanned.torn) {
    const text = scanned.torn.bytes.toString('latin1');
    const last = checkLine(key, keyId, text, scanned.torn.bytes);
    if (last.ok) {
      scanned.lines.push({ text, raw: scanned.torn.bytes, start: scanned.torn.start });
      checked.push(last);
      scanned.torn = undefined;
      scanned.completeLength = journalBytes.length;
      unterminated = true;
    }
  }
  const verdict = verifyChain({
    throughSeq,
    anchor: snapshot.anchor ?? snapshot.unverifiedAnchor,
    lines: checked,
    tornClaimedSeq: scanned.torn ? (claimedSeq(scanned.torn.bytes.toString('latin1')) ?? undefined) : null,
  });
  problems.push(...verdict.problems);
  // Whatever stood in the journal's place held no records Attune could read: reported, with no seqs to name.
  if (journalRead === 'not-a-file' && !problems.some((found) => found.kind === 'damaged')) problems.push(problem('damaged', []));
  for (const index of verdict.damagedLines) {
    const line = scanned.lines[index];
    const result = checked[index];
    if (line && result && !result.ok)
      pieces.push({ source: 'journal', seq: result.claimedSeq ?? null, offset: line.start, bytes: line.raw });
  }
  if (scanned.torn) pieces.push({ source: 'journal', seq: verdict.tornSeq ?? null, offset: scanned.torn.start, bytes: scanned.torn.bytes });

  const index = EntryIndex.from(snapshot.entries);
  let tombstones = 0;
  for (const { seq, op } of verdict.ops) {
    if (op.op === 'put') index.put({ seq, entry: op.entry });
    else {
      /**
       * A check-in's tombstone takes the follow-ups that answer it, as the
       * delete that wrote it did. That delete wrote the check-in's tombstone
       * first and the follow-ups' after it, in one write; a kill can cut a
       * write at any page boundary, so the follow-ups' tombstones may be
       * missing while the check-in's is whole. The delete then still happens
       * whole, never in part.
       */
      for (const answer of index.answersTo(op.id)) index.remove(answer.entry.id);
      index.remove(op.id);
      tombstones += 1;
    }
  }

  const baseSeq = throughSeq ?? 0;
  /**
   * The upgrade to version 2 is a roll: the same crash-safe path as any
   * compaction (new snapshot by atomic rename, then the journal emptied).
   * Only live data counts: version-1 lines a finished roll left behind
   * (seq ≤ throughSeq) are already in the snapshot.
   */
  const upgrade =
    (snapshot.version !== undefined && snapshot.version < SNAPSHOT_VERSION) ||
    checked.some((line) => line.ok && line.version !== undefined && line.version < RECORD_VERSION && line.seq > baseSeq);
  const onlyTorn = problems.length === 1 && problems[0]?.kind === 'torn-tail';
  let repair: Repair = 'none';
  // Cutting only the torn tail is enough when what stays links on; left-over rolled records would not, so roll then.
  if (problems.length > 0) repair = onlyTorn && verdict.superseded === 0 && !upgrade ? 'cut-torn-tail' : 'roll';
  else if (verdict.ops.length > rollAfterRecords || tombstones > 0 || upgrade) repair = 'roll';
  else if (verdict.superseded > 0 && verdict.ops.length === 0) repair = 'empty-stale-journal';
  // Held: only what leaves the snapshot alone. A torn tail is still cut (its bytes are set aside first).
  if (compactionHeld && repair === 'roll')
    repair = verdict.tornSeq !== undefined && verdict.superseded === 0 ? 'cut-torn-tail' : 'set-aside';

  return {
    index,
    throughSeq: baseSeq,
    anchor: snapshot.anchor,
    // Seqs are never reused: the next one comes after the highest seen anywhere, damaged parts included.
    lastSeq: Math.max(baseSeq, verdict.lastSeq, snapshot.highestSeq),
    lastHash: verdict.lastHash,
    hashAt: (seq) => checked.find((line) => line.ok && line.seq === seq)?.hash,
    compactionHeld,
    unterminated,
    notFiles,
    upgrade,
    journalBytes: journalBytes.length,
    completeLength: scanned.completeLength,
    tailRecords: verdict.ops.length,
    tombstones,
    problems,
    pieces,
    repair,
  };
};

const dedupeRanges = (ranges: SeqRange[]): SeqRange[] => {
  const seen = new Set<string>();
  return ranges
    .filter((range) => {
      const key = `${range.from}-${range.to}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.from - b.from);
};
