import type { Outcome } from './merge-records';

/**
 * docs/sync-format.md §11 Q5: a pass applies another computer's deletes as
 * they come (they are the person's choice, made there), and when more than
 * this many entries of this computer go in one burst because of one other
 * computer, its row in Settings › Devices says so, quietly.
 */
export const MANY_DELETED = 20;

/**
 * Deletes from one computer that arrive within this long of each other are
 * one burst: a clear-out made there reaches this computer over several
 * passes (its files arrive as the sync tool copies them, and a person
 * deleting one by one takes minutes), and "in one pass" would miss it.
 */
export const BURST_GAP_MS = 60 * 60_000;

export interface DeleteBurst {
  readonly count: number;
  /** When the last pass of the burst applied some. */
  readonly at: number;
}

/** `count` more entries deleted here at `at` because of one computer: its burst grows, or a new one starts. Pure. */
export const addToBurst = (burst: DeleteBurst | undefined, count: number, at: number): DeleteBurst =>
  burst && at - burst.at <= BURST_GAP_MS ? { count: burst.count + count, at } : { count, at };

/**
 * Which computer's delete removed each entry a pass took out of this
 * history: the deciding tombstone's writer; for a follow-up that went with
 * its check-in, the writer of the check-in's tombstone. Counted per
 * computer, this computer's own ids (`own`: its id, and the ids it wrote as
 * before a move) left out. Pure.
 */
export const deletedBy = (
  outcomes: ReadonlyMap<string, Outcome>,
  removed: readonly string[],
  answersTo: (id: string) => string | undefined,
  own: ReadonlySet<string>,
): Map<string, number> => {
  const writerOf = (id: string | undefined): string | undefined => {
    const outcome = id === undefined ? undefined : outcomes.get(id);
    return outcome?.deleted && outcome.cause === 'tombstone' ? outcome.restate.by : undefined;
  };
  const counts = new Map<string, number>();
  for (const id of removed) {
    const outcome = outcomes.get(id);
    // A cascade names its check-in; an entry the merged set never held goes with the check-in it answers (local-diff.ts).
    const by = outcome?.deleted && outcome.cause === 'cascade' ? writerOf(outcome.checkInId) : (writerOf(id) ?? writerOf(answersTo(id)));
    if (by === undefined || own.has(by)) continue;
    counts.set(by, (counts.get(by) ?? 0) + 1);
  }
  return counts;
};
