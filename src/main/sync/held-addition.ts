import type { Entry } from '../../shared/entry-schema';
import { comparePuts, type Outcome } from './merge-records';
import type { PutRecord, SyncRecord } from './sync-record';

/**
 * §7.1 "Add them anyway": what a held branch adds here, as a pure decision.
 * Only what this computer has nothing of: entries whose ids no record here
 * names (check-ins the other copy wrote), and deletes of entries that are
 * live here (deletes always win, §6.1). An id both branches name keeps the
 * version merged from the accepted branch. This computer then writes them
 * as its own (a local put is published by the next pass, a delete by its
 * tombstone), so they reach every computer and no one is asked again.
 */
export interface HeldAddition {
  readonly puts: readonly Entry[];
  readonly deleteIds: readonly string[];
}

export const heldAddition = (outcomes: ReadonlyMap<string, Outcome>, records: Iterable<SyncRecord>): HeldAddition => {
  const latest = new Map<string, PutRecord>();
  const deleted = new Set<string>();
  for (const record of records) {
    if (record.op === 'del') deleted.add(record.id);
    else {
      const known = latest.get(record.id);
      if (!known || comparePuts(record, known) > 0) latest.set(record.id, record);
    }
  }
  const puts: Entry[] = [];
  for (const [id, record] of latest) {
    // Deleted in the branch itself, or answering a check-in it deletes, or one this history deleted: not added.
    const answers = record.entry.kind === 'follow-up' ? record.entry.data.checkInId : undefined;
    if (outcomes.has(id) || deleted.has(id) || (answers !== undefined && (deleted.has(answers) || outcomes.get(answers)?.deleted)))
      continue;
    puts.push(record.entry);
  }
  const deleteIds = [...deleted].filter((id) => outcomes.get(id)?.deleted === false);
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { puts: puts.sort((a, b) => byId(a.id, b.id)), deleteIds: deleteIds.sort(byId) };
};

/** Whether the branch holds anything to add: a held branch with nothing new is not worth a line. */
export const addsAnything = (addition: HeldAddition): boolean => addition.puts.length + addition.deleteIds.length > 0;
