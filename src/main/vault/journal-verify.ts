import type { RecordOp } from './record-payload';
import { problem, type VaultProblem } from './vault-problem';

/**
 * Pure verdict over the journal's lines after decryption: which operations
 * to apply, and what is wrong, named by sequence number. Order of checks:
 * authenticity (the GCM tag, done by the caller), then numbering (gaps,
 * order), then linking (each record's `prev` equals the hash of record
 * seq−1, or the snapshot anchor for the first one).
 */
export type CheckedLine =
  { ok: true; seq: number; prev: string; hash: string; op: RecordOp } | { ok: false; claimedSeq: number | undefined; hash: string };

export interface ChainInput {
  /** From the snapshot header; undefined when that header could not be read. */
  throughSeq: number | undefined;
  anchor: string | undefined;
  lines: readonly CheckedLine[];
  /** The torn tail's claimed seq, undefined if unreadable, null when there is no torn tail. */
  tornClaimedSeq: number | undefined | null;
}

export interface ChainVerdict {
  ops: Array<{ seq: number; op: RecordOp }>;
  problems: VaultProblem[];
  /** Indices (file order) of lines that failed authentication, to set aside. */
  damagedLines: number[];
  /** Seq of the torn tail (set aside and cut off), when there is one. */
  tornSeq: number | undefined;
  /** Highest seq still present in the file (damaged lines included), so the next append never reuses one. */
  lastSeq: number;
  /** Hash of the last complete line in the file, or the anchor: what the next append links to. */
  lastHash: string | undefined;
  /** Lines at or below throughSeq: left over from a roll interrupted before the journal was emptied. */
  superseded: number;
}

export const verifyChain = ({ throughSeq, anchor, lines, tornClaimedSeq }: ChainInput): ChainVerdict => {
  const authentic = new Map<number, { prev: string; hash: string }>();
  let minSeen = Number.POSITIVE_INFINITY;
  for (const line of lines) if (line.ok) minSeen = Math.min(minSeen, line.seq);
  // Without a readable snapshot header, start where the journal starts; gaps before it cannot be told.
  const base = throughSeq ?? (Number.isFinite(minSeen) ? minSeen - 1 : 0);

  const ops: ChainVerdict['ops'] = [];
  const reordered: number[] = [];
  let superseded = 0;
  let runningMax = base;
  for (const line of lines) {
    if (!line.ok) continue;
    if (line.seq <= base) {
      superseded += 1;
      // Old records are expected only before any live one (an interrupted roll); after one they were put back.
      if (runningMax > base) reordered.push(line.seq);
      continue;
    }
    if (authentic.has(line.seq) || line.seq < runningMax) reordered.push(line.seq, runningMax);
    if (!authentic.has(line.seq)) {
      authentic.set(line.seq, { prev: line.prev, hash: line.hash });
      ops.push({ seq: line.seq, op: line.op });
    }
    runningMax = Math.max(runningMax, line.seq);
  }
  ops.sort((a, b) => a.seq - b.seq);

  // A damaged line keeps the seq it claims when that is plausible; otherwise it is placed after its authentic predecessor.
  const damagedSeqs = new Set<number>();
  const damagedLines: number[] = [];
  let unattributed = 0;
  let lastAuthenticInFile = base;
  lines.forEach((line, index) => {
    if (line.ok) {
      if (line.seq > base) lastAuthenticInFile = line.seq;
      return;
    }
    damagedLines.push(index);
    const taken = (seq: number): boolean => seq <= base || authentic.has(seq) || damagedSeqs.has(seq);
    const claimed = line.claimedSeq;
    const inferred = lastAuthenticInFile + 1;
    if (claimed !== undefined && !taken(claimed)) damagedSeqs.add(claimed);
    else if (!taken(inferred)) damagedSeqs.add(inferred);
    else unattributed += 1;
  });

  let maxSeq = base;
  for (const seq of authentic.keys()) maxSeq = Math.max(maxSeq, seq);
  for (const seq of damagedSeqs) maxSeq = Math.max(maxSeq, seq);

  const missing: number[] = [];
  for (let seq = base + 1; seq <= maxSeq; seq += 1) if (!authentic.has(seq) && !damagedSeqs.has(seq)) missing.push(seq);

  const chainBroken: number[] = [];
  for (const [seq, { prev }] of authentic) {
    const expected = seq === base + 1 ? (throughSeq === undefined ? undefined : anchor) : authentic.get(seq - 1)?.hash;
    if (expected !== undefined && expected !== prev) chainBroken.push(seq);
  }

  let tornSeq: number | undefined;
  if (tornClaimedSeq !== null) tornSeq = tornClaimedSeq !== undefined && tornClaimedSeq > maxSeq ? tornClaimedSeq : maxSeq + 1;

  const problems: VaultProblem[] = [];
  if (tornSeq !== undefined) problems.push(problem('torn-tail', [tornSeq]));
  if (damagedSeqs.size > 0 || unattributed > 0) problems.push(problem('damaged', damagedSeqs));
  if (missing.length > 0) problems.push(problem('missing', missing));
  if (reordered.length > 0) problems.push(problem('reordered', reordered));
  if (chainBroken.length > 0) problems.push(problem('chain-broken', chainBroken));

  const lastLine = lines[lines.length - 1];
  return {
    ops,
    problems,
    damagedLines,
    tornSeq,
    lastSeq: maxSeq,
    lastHash: lastLine ? lastLine.hash : anchor,
    superseded,
  };
};
