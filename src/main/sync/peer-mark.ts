import type { SegmentType } from './segment-header';

/**
 * The per-peer high-water mark of docs/sync-format.md §7.1 and the pure
 * judgements made with it: is an authenticated segment new, already seen,
 * superseded by a checkpoint, or a fork; which seqs are still missing; has
 * the peer's folder gone backwards. The mark keeps every authenticated live
 * segment from the newest checkpoint up (at most ~256, §5.3 (d)), so a gap
 * that fills can be checked against both neighbours.
 */

/** What the chain checks need from an authenticated segment; hashes as lowercase hex. */
export interface SegmentLink {
  readonly seq: number;
  readonly type: SegmentType;
  /** SHA-256 of the whole file (the hash in its name). */
  readonly hash: string;
  /** The header's `prevSegment`: the hash of seq − 1. */
  readonly prevSegment: string;
  /** Frame 0's `prev`: the hash of seq − 1's last frame. */
  readonly firstPrev: string;
  /** SHA-256 of its last frame. */
  readonly lastFrame: string;
}

export interface PeerMark {
  /** Seq of the newest checkpoint (or final segment) accepted; 0 before any. */
  readonly base: number;
  /** Every accepted segment with seq ≥ base; neighbours in it are chained. */
  readonly segments: ReadonlyMap<number, SegmentLink>;
}

export interface SeqRange {
  readonly from: number;
  readonly to: number;
}

export type SegmentVerdict =
  /** This very segment was accepted before (a resurrected or re-listed file): nothing to do. */
  | { readonly kind: 'seen' }
  /** Older than the newest checkpoint, which restates it: never read, never missing. */
  | { readonly kind: 'superseded' }
  /** Another segment holds this seq, or the chain to a neighbour does not match: hold it, merge nothing from it. */
  | { readonly kind: 'fork'; readonly reason: 'other-hash' | 'chain'; readonly with: number }
  /** Merge its records; `waiting` is what is still missing below the newest accepted seq. */
  | { readonly kind: 'accept'; readonly mark: PeerMark; readonly waiting: SeqRange[] };

export const EMPTY_PEER_MARK: PeerMark = { base: 0, segments: new Map() };

const ZERO = '0'.repeat(64);

/** Does `upper` (seq n + 1) chain onto `lower` (seq n)? Seq 1 chains onto nothing: zero hashes. */
const chains = (lower: SegmentLink | undefined, upper: SegmentLink): boolean =>
  lower === undefined
    ? upper.prevSegment === ZERO && upper.firstPrev === ZERO
    : upper.prevSegment === lower.hash && upper.firstPrev === lower.lastFrame;

/** The highest seq up to which every segment from the base is here; the base itself when nothing above it is. */
export const contiguousThrough = (mark: PeerMark): number => {
  let seq = mark.base;
  while (mark.segments.has(seq + 1)) seq += 1;
  return seq;
};

/** The seqs still missing below the newest accepted one: "waiting for 3 files (43–45)". */
export const waitingFor = (mark: PeerMark): SeqRange[] => {
  const ranges: SeqRange[] = [];
  const seqs = [...mark.segments.keys()].sort((a, b) => a - b);
  let expected = mark.base + 1;
  for (const seq of seqs) {
    if (seq > expected) ranges.push({ from: expected, to: seq - 1 });
    expected = Math.max(expected, seq + 1);
  }
  return ranges;
};

export const judgeSegment = (mark: PeerMark, link: SegmentLink): SegmentVerdict => {
  const known = mark.segments.get(link.seq);
  if (known) return known.hash === link.hash ? { kind: 'seen' } : { kind: 'fork', reason: 'other-hash', with: link.seq };
  if (link.seq < mark.base) return { kind: 'superseded' };
  // Checked whenever the neighbour is at hand: now for the ones present, later (from their side) for the rest.
  const below = mark.segments.get(link.seq - 1);
  if ((below !== undefined || link.seq === 1) && !chains(below, link)) return { kind: 'fork', reason: 'chain', with: link.seq - 1 };
  const above = mark.segments.get(link.seq + 1);
  if (above !== undefined && !chains(link, above)) return { kind: 'fork', reason: 'chain', with: link.seq + 1 };

  const segments = new Map(mark.segments);
  segments.set(link.seq, link);
  let base = mark.base;
  // A checkpoint restates everything before it: what is below it is no longer waited for, nor kept.
  if (link.type !== 'delta' && link.seq > base) {
    base = link.seq;
    for (const seq of segments.keys()) if (seq < base) segments.delete(seq);
  }
  const next = { base, segments };
  return { kind: 'accept', mark: next, waiting: waitingFor(next) };
};

/**
 * "Goes backwards" (§7.1): the folder lists no segment at or above the
 * highest contiguous seq already accepted — a reverted folder, or a sync
 * tool still catching up. Nothing is merged or removed; it is only shown.
 */
export const judgeListing = (mark: PeerMark, listedSeqs: Iterable<number>): 'current' | 'backwards' => {
  const through = contiguousThrough(mark);
  if (through === 0) return 'current';
  for (const seq of listedSeqs) if (seq >= through) return 'current';
  return 'backwards';
};
