import type { HistoryMark } from './history-mark';
import type { SeqRange } from './vault-problem';

/** What an unlock read, in the terms the mark keeps. */
export interface SeenHistory {
  lastSeq: number;
  throughSeq: number;
  /** What the next record would link to. */
  lastHash: string | undefined;
  /** Nothing damaged, missing or torn was found: only then can a differing hash be told from damage. */
  clean: boolean;
}

export type RollbackVerdict = { older: false } | { older: true; affected: SeqRange[] };

/**
 * Is the history on disk older than the newest one Attune saw? The mark is
 * written only after what it names is durable, so after a crash it can be
 * behind the vault but never ahead of it: "behind the mark" is never a
 * crash. It is older when:
 * - its highest seq is below the mark's (records are gone from the end:
 *   the folder, or its journal, was replaced by an earlier copy);
 * - its snapshot covers fewer seqs than the one the mark saw (an earlier
 *   snapshot beside a later journal: the records between are gone, deletes
 *   among them);
 * - it has the mark's seq as a journal record but a different one (a copy
 *   that went its own way from an earlier point). Compared only when
 *   nothing was found damaged, where a changed line is reported as damage.
 * A snapshot rewritten with the same seqs (a roll whose mark update a crash
 * cut off) has another anchor and is not older, so the anchor alone is
 * never a reason. No mark (a fresh install, a lost data folder) judges nothing.
 */
export const judgeAgainstMark = (mark: HistoryMark | undefined, seen: SeenHistory): RollbackVerdict => {
  if (!mark) return { older: false };
  const missingFromEnd: SeqRange[] = seen.lastSeq < mark.seq ? [{ from: seen.lastSeq + 1, to: mark.seq }] : [];
  if (seen.lastSeq < mark.seq || seen.throughSeq < mark.throughSeq) return { older: true, affected: missingFromEnd };
  if (seen.clean && seen.lastSeq === mark.seq && mark.seq > seen.throughSeq && seen.lastHash !== mark.hash)
    return { older: true, affected: [] };
  return { older: false };
};
