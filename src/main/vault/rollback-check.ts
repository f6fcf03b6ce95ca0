import type { HistoryMark } from './history-mark';
import type { SeqRange } from './vault-problem';

/** What an unlock read, in the terms the mark keeps. */
export interface SeenHistory {
  lastSeq: number;
  /** The snapshot's throughSeq; undefined when its header did not authenticate (reported as snapshot damage). */
  throughSeq: number | undefined;
  /** What the next record would link to. */
  lastHash: string | undefined;
  /** The hash of the journal record with this seq, if there is one (to compare with the mark's). */
  hashAt?: (seq: number) => string | undefined;
  /** Nothing damaged, missing, torn or out of order was found in the files. */
  clean: boolean;
}

export type RollbackVerdict = { older: false } | { older: true; affected: SeqRange[] };

/**
 * Is the history on disk older than the newest one Attune saw? The mark is
 * written only after what it names is durable, so after a crash it can be
 * behind the vault but never ahead of it: "behind the mark" is never a
 * crash. It is older when:
 * - its snapshot, read whole, covers fewer seqs than the one the mark saw
 *   (an earlier snapshot beside a later journal: the records between are
 *   gone, deletes among them), whatever else was found;
 * - nothing else was found and its highest seq is below the mark's (the
 *   folder, or its journal, was put back from an earlier copy);
 * - nothing else was found and it has the mark's seq as a journal record,
 *   but a different one (a copy that went its own way from an earlier point,
 *   whether it then stopped there or wrote further than the mark).
 * Where damage was found (a cut or altered journal also loses records from
 * its end) that damage is what is reported: the files are set aside and
 * named by seq as before. Deletes the mark remembers apply either way.
 * A snapshot rewritten with the same seqs (a roll whose mark update a crash
 * cut off) has another anchor and is not older, so the anchor alone is
 * never a reason. No mark (a fresh install, a lost data folder) judges nothing.
 */
export const judgeAgainstMark = (mark: HistoryMark | undefined, seen: SeenHistory): RollbackVerdict => {
  if (!mark) return { older: false };
  const missingFromEnd: SeqRange[] = seen.lastSeq < mark.seq ? [{ from: seen.lastSeq + 1, to: mark.seq }] : [];
  if (seen.throughSeq !== undefined && seen.throughSeq < mark.throughSeq) return { older: true, affected: missingFromEnd };
  if (!seen.clean) return { older: false };
  if (seen.lastSeq < mark.seq) return { older: true, affected: missingFromEnd };
  if (seen.throughSeq !== undefined && mark.seq > seen.throughSeq && seen.lastSeq >= mark.seq) {
    const there = seen.lastSeq === mark.seq ? seen.lastHash : seen.hashAt?.(mark.seq);
    if (there !== mark.hash) return { older: true, affected: [] };
  }
  return { older: false };
};

/**
 * Seqs the mark saw that a damaged history holds nowhere, not even as a
 * damaged or torn line: records lost from its end. A crash cannot do this
 * (the mark never names a record before it is durable, and a torn line is
 * one that was not), so a cut journal, or an older copy with a torn line
 * added, is named as `missing` here rather than opened with nothing said.
 * What a damaged or torn line claims is not trusted to cover the rest: its
 * seq is unauthenticated, so only the seqs it names are left out.
 */
export const lostPastEnd = (
  mark: HistoryMark | undefined,
  lastSeq: number,
  problems: ReadonlyArray<{ affected: readonly SeqRange[] }>,
): SeqRange[] => {
  if (!mark || lastSeq >= mark.seq) return [];
  const named = problems.flatMap((found) => found.affected).sort((a, b) => a.from - b.from);
  const lost: SeqRange[] = [];
  let next = lastSeq + 1;
  for (const range of named) {
    if (range.to < next) continue;
    if (range.from > mark.seq) break;
    if (range.from > next) lost.push({ from: next, to: range.from - 1 });
    next = range.to + 1;
  }
  if (next <= mark.seq) lost.push({ from: next, to: mark.seq });
  return lost;
};

/**
 * A history sealed with a data key that a re-key has since replaced (an
 * older folder, opened with the old passphrase): older than the re-keyed
 * one however far it goes, since everything after the re-key is under the
 * new key. `retired` is its head when the re-key happened.
 */
export const judgeRetired = (retired: HistoryMark, lastSeq: number): RollbackVerdict => ({
  older: true,
  affected: lastSeq < retired.seq ? [{ from: lastSeq + 1, to: retired.seq }] : [],
});
