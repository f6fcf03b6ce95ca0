import type { Outcome } from './merge-records';
import type { SyncRecord } from './sync-record';

/**
 * What this device's next checkpoint restates (docs/sync-format.md §5.3):
 * for every id it carries — every id it wrote or restated in its live
 * segments — that id's deciding record in the merged set, unchanged. A
 * follow-up deleted by the cascade takes its check-in's tombstone along, so
 * the cascade holds wherever the checkpoint goes, even alone. Sorted by id:
 * the same state always gives the same bytes to encrypt.
 */
export const checkpointRecords = (outcomes: ReadonlyMap<string, Outcome>, carried: Iterable<string>): SyncRecord[] => {
  const restated = new Map<string, SyncRecord>();
  const add = (id: string): void => {
    const outcome = outcomes.get(id);
    if (!outcome || restated.has(id)) return;
    restated.set(id, outcome.deleted ? outcome.restate : outcome.winner);
    if (outcome.deleted && outcome.cause === 'cascade') add(outcome.checkInId);
  };
  for (const id of carried) add(id);
  return [...restated.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
};
