import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';

import type { FsPort } from '../fs/fs-port';
import { isNotFound } from '../fs/storage-error';
import { EntryIndex } from './entry-index';
import { scanJournal } from './journal-scan';
import { verifyChain, type CheckedLine } from './journal-verify';
import { claimedSeq, hashText, openRecord, parseLine } from './record-codec';
import { decodePayload } from './record-payload';
import type { SetAsidePiece } from './recovered-file';
import { decodeSnapshot } from './snapshot-codec';
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
  | 'roll';

export interface LoadedVault {
  index: EntryIndex;
  throughSeq: number;
  anchor: string | undefined;
  lastSeq: number;
  lastHash: string | undefined;
  journalBytes: number;
  completeLength: number;
  tailRecords: number;
  tombstones: number;
  problems: VaultProblem[];
  pieces: SetAsidePiece[];
  repair: Repair;
}

const readOrEmpty = async (fs: FsPort, path: string): Promise<Buffer | undefined> => {
  try {
    return await fs.readFile(path);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
};

const checkLine = (key: KeyObject, keyId: string, text: string, raw: Buffer): CheckedLine => {
  const hash = hashText(raw);
  const parsed = parseLine(text);
  const plaintext = parsed && openRecord(key, keyId, parsed);
  const op = plaintext && decodePayload(plaintext);
  plaintext?.fill(0);
  if (parsed && op) return { ok: true, seq: parsed.seq, prev: parsed.prev, hash, op };
  return { ok: false, claimedSeq: claimedSeq(text), hash };
};

export const loadVault = async (fs: FsPort, dir: string, key: KeyObject, keyId: string, rollAfterRecords: number): Promise<LoadedVault> => {
  const problems: VaultProblem[] = [];
  const pieces: SetAsidePiece[] = [];

  const snapshotBytes = await readOrEmpty(fs, join(dir, SNAPSHOT_FILE));
  const snapshot = snapshotBytes
    ? decodeSnapshot(snapshotBytes, key, keyId)
    : { snapshotId: undefined, header: undefined, anchor: undefined, entries: [], chunkIndices: new Set<number>(), damaged: [] };
  if (!snapshotBytes || snapshot.damaged.length > 0 || !snapshot.header) {
    const lost: SeqRange[] = [];
    for (const frame of snapshot.damaged) {
      // Frame 0 is the header: losing it loses no entry (chunks decrypt without it), only the link check.
      if (frame.index === 0) continue;
      if (frame.firstSeq !== undefined && frame.lastSeq !== undefined && frame.firstSeq <= frame.lastSeq)
        lost.push({ from: frame.firstSeq, to: frame.lastSeq });
    }
    // The header lists every chunk; any it names that did not decrypt is lost, even if its frame vanished entirely.
    for (const [index, firstSeq, lastSeq] of snapshot.header?.chunks ?? []) {
      if (!snapshot.chunkIndices.has(index)) lost.push({ from: firstSeq, to: lastSeq });
    }
    problems.push(problem('snapshot-damaged', dedupeRanges(lost)));
    let offset = 0;
    for (const frame of snapshot.damaged) {
      offset = snapshotBytes ? snapshotBytes.indexOf(frame.raw, offset) : 0;
      pieces.push({ source: 'snapshot', seq: frame.firstSeq ?? null, offset, bytes: frame.raw });
    }
  }
  const throughSeq = snapshot.header?.throughSeq;

  const journalBytes = (await readOrEmpty(fs, join(dir, JOURNAL_FILE))) ?? Buffer.alloc(0);
  const scanned = scanJournal(journalBytes);
  const checked = scanned.lines.map((line) => checkLine(key, keyId, line.text, line.raw));
  const verdict = verifyChain({
    throughSeq,
    anchor: snapshot.anchor,
    lines: checked,
    tornClaimedSeq: scanned.torn ? (claimedSeq(scanned.torn.bytes.toString('latin1')) ?? undefined) : null,
  });
  problems.push(...verdict.problems);
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
      index.remove(op.id);
      tombstones += 1;
    }
  }

  const baseSeq = throughSeq ?? 0;
  const onlyTorn = problems.length === 1 && problems[0]?.kind === 'torn-tail';
  let repair: Repair = 'none';
  // Cutting only the torn tail is enough when what stays links on; left-over rolled records would not, so roll then.
  if (problems.length > 0) repair = onlyTorn && verdict.superseded === 0 ? 'cut-torn-tail' : 'roll';
  else if (verdict.ops.length > rollAfterRecords || tombstones > 0) repair = 'roll';
  else if (verdict.superseded > 0 && verdict.ops.length === 0) repair = 'empty-stale-journal';

  return {
    index,
    throughSeq: baseSeq,
    anchor: snapshot.anchor,
    lastSeq: Math.max(baseSeq, verdict.lastSeq),
    lastHash: verdict.lastHash,
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
