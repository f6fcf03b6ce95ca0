import type { Entry } from '../../shared/entry-schema';
import type { Outcome } from './merge-records';
import { sameJson } from './same-json';

/**
 * What makes the local vault and the merged records agree (docs/sync-format.md
 * §6.3), as a pure decision: the caller appends the `del`/`put` records
 * through the vault's own append path and publishes the rest. Every list is
 * sorted by id, so the same inputs always give the same writes.
 */
export interface LocalView {
  /** The live local history by id (what the vault lists: mark-deleted ids are already hidden). */
  readonly entries: ReadonlyMap<string, Entry>;
  /** The vault mark's deleted ids (vault-format.md §7.1). */
  readonly markDeleted: ReadonlySet<string>;
}

export interface LocalDiff {
  /** Journal `del` records (then a roll): deleted by the merge, still in the local history. */
  readonly deleteLocally: string[];
  /** Journal `put` records: live winners the local history lacks or holds otherwise. */
  readonly putLocally: Entry[];
  /** Publish a `put`: live local entries with no record anywhere in the merged set (appended, never published). */
  readonly publishPuts: Entry[];
  /** Publish a `del`: ids this vault deleted that the merged set still shows (itself, or a follow-up answering it). */
  readonly publishDeletes: string[];
}

const answers = (entry: Entry): string | undefined => (entry.kind === 'follow-up' ? entry.data.checkInId : undefined);

const byId = (a: { id: string } | string, b: { id: string } | string): number => {
  const [x, y] = [typeof a === 'string' ? a : a.id, typeof b === 'string' ? b : b.id];
  return x < y ? -1 : x > y ? 1 : 0;
};

export const diffAgainstLocal = (outcomes: ReadonlyMap<string, Outcome>, local: LocalView): LocalDiff => {
  const deleteLocally: string[] = [];
  const putLocally: Entry[] = [];
  const publishPuts: Entry[] = [];
  const publishDeletes = new Set<string>();
  const hiddenHere = (entry: Entry): boolean => {
    const checkInId = answers(entry);
    return local.markDeleted.has(entry.id) || (checkInId !== undefined && local.markDeleted.has(checkInId));
  };

  for (const [id, outcome] of outcomes) {
    if (outcome.deleted) {
      if (local.entries.has(id)) deleteLocally.push(id);
      continue;
    }
    const { entry } = outcome.winner;
    if (hiddenHere(entry)) {
      // The person deleted it here: tell the other devices, rather than show it again.
      const checkInId = answers(entry);
      publishDeletes.add(local.markDeleted.has(id) || checkInId === undefined ? id : checkInId);
      continue;
    }
    if (!sameJson(local.entries.get(id), entry)) putLocally.push(entry);
  }

  for (const [id, entry] of local.entries) {
    if (outcomes.has(id)) continue;
    // A follow-up written here to a check-in another device deleted: rule 2 would delete it the moment it is published.
    const checkIn = outcomes.get(answers(entry) ?? '');
    if (checkIn?.deleted && checkIn.cause === 'tombstone') deleteLocally.push(id);
    else publishPuts.push(entry);
  }

  return {
    deleteLocally: deleteLocally.sort(byId),
    putLocally: putLocally.sort(byId),
    publishPuts: publishPuts.sort(byId),
    publishDeletes: [...publishDeletes].sort(byId),
  };
};
