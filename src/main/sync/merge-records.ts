import { compareOrdered } from './hybrid-clock';
import { sameJson } from './same-json';
import type { DelRecord, PutRecord, SyncRecord } from './sync-record';

/**
 * The merge of docs/sync-format.md §6.1, as two pure steps:
 *
 * - `collectRecords` keeps, per entry id, only the records that can still
 *   decide anything: the least tombstone, the greatest put/edit, and for
 *   follow-ups the greatest put/edit naming each check-in. Dropping the rest
 *   changes no "exists" and no maximum, so a RecordSet is a join
 *   semilattice: any order, repetition or batching of the same records gives
 *   the same set (§6.2).
 * - `resolveRecords` turns that set into each id's outcome.
 */

interface IdRecords {
  readonly tombstone: DelRecord | undefined;
  readonly latest: PutRecord | undefined;
  /** Follow-up records only, by the check-in they answer. */
  readonly answers: ReadonlyMap<string, PutRecord> | undefined;
}

export interface RecordSet {
  readonly byId: ReadonlyMap<string, IdRecords>;
}

export type Outcome =
  | { readonly deleted: false; readonly winner: PutRecord }
  /** Rule 1. `restate` is what a checkpoint restates for the id (§5.3): the least tombstone. */
  | { readonly deleted: true; readonly cause: 'tombstone'; readonly restate: DelRecord }
  /** Rule 2. `restate` names the deleted check-in, so the cascade holds wherever the checkpoint goes. */
  | { readonly deleted: true; readonly cause: 'cascade'; readonly checkInId: string; readonly restate: PutRecord };

export const EMPTY_RECORD_SET: RecordSet = { byId: new Map() };

/** JSON with sorted keys: only to order two different records that claim one stamp (a faulty writer). */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
};

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// Equal stamps are almost always one record restated by a checkpoint: a deep compare settles those without serialising.
const compareContent = (a: PutRecord['entry'], b: PutRecord['entry']): number =>
  sameJson(a, b) ? 0 : compareText(canonical(a), canonical(b));

/**
 * §5.2's order, made total over content too: one device never issues a stamp
 * twice, but if a faulty one did, the result must still not depend on which
 * record arrived first.
 */
export const comparePuts = (a: PutRecord, b: PutRecord): number =>
  compareOrdered(a, b) || compareText(a.op, b.op) || compareContent(a.entry, b.entry);

const greater = (a: PutRecord | undefined, b: PutRecord): PutRecord => (a === undefined || comparePuts(b, a) > 0 ? b : a);
const lesser = (a: DelRecord | undefined, b: DelRecord): DelRecord => (a === undefined || compareOrdered(b, a) < 0 ? b : a);

const addRecord = (current: IdRecords | undefined, record: SyncRecord): IdRecords => {
  const base: IdRecords = current ?? { tombstone: undefined, latest: undefined, answers: undefined };
  if (record.op === 'del') return { ...base, tombstone: lesser(base.tombstone, record) };
  const latest = greater(base.latest, record);
  if (record.entry.kind !== 'follow-up') return { ...base, latest };
  const checkInId = record.entry.data.checkInId;
  const answers = new Map(base.answers);
  answers.set(checkInId, greater(answers.get(checkInId), record));
  return { ...base, latest, answers };
};

/** A set its one owner grows in place (the engine): one record at a time costs O(1), not a copy of every id. */
export interface GrowingRecordSet extends RecordSet {
  readonly byId: Map<string, IdRecords>;
}

export const growingRecordSet = (): GrowingRecordSet => ({ byId: new Map() });

/** `collectRecords` into `set` itself: the same set as `collectRecords(records, set)` would make. */
export const collectInto = (set: GrowingRecordSet, records: Iterable<SyncRecord>): void => {
  for (const record of records) set.byId.set(record.id, addRecord(set.byId.get(record.id), record));
};

/** Add records to a set (a new set; `from` is left as it was). */
export const collectRecords = (records: Iterable<SyncRecord>, from: RecordSet = EMPTY_RECORD_SET): RecordSet => {
  const byId = new Map(from.byId);
  for (const record of records) byId.set(record.id, addRecord(byId.get(record.id), record));
  return { byId };
};

/** The records a set keeps, each once. */
export function* keptRecords(set: RecordSet): Generator<SyncRecord> {
  for (const { tombstone, latest, answers } of set.byId.values()) {
    if (tombstone) yield tombstone;
    if (latest) yield latest;
    for (const record of answers?.values() ?? []) if (record !== latest) yield record;
  }
}

/** The union of two sets, as if every record of both had arrived in one batch. */
export const joinRecordSets = (a: RecordSet, b: RecordSet): RecordSet => collectRecords(keptRecords(b), a);

/**
 * Each id's outcome (§6.1). Rule 2 asks whether *any* follow-up record of an
 * id names a tombstoned check-in, not only its winner: so the deleted ids only
 * grow as records arrive, and a later edit can never bring a follow-up back.
 */
export const resolveRecords = (set: RecordSet): Map<string, Outcome> => {
  const out = new Map<string, Outcome>();
  for (const [id, { tombstone, latest, answers }] of set.byId) {
    if (tombstone) {
      out.set(id, { deleted: true, cause: 'tombstone', restate: tombstone });
      continue;
    }
    let cascade: { checkInId: string; record: PutRecord } | undefined;
    if (answers)
      for (const [checkInId, record] of answers) {
        if (set.byId.get(checkInId)?.tombstone === undefined) continue;
        if (cascade === undefined || comparePuts(record, cascade.record) > 0) cascade = { checkInId, record };
      }
    if (cascade) out.set(id, { deleted: true, cause: 'cascade', checkInId: cascade.checkInId, restate: cascade.record });
    else if (latest) out.set(id, { deleted: false, winner: latest });
  }
  return out;
};

/** The winning state of every id that has a record (ids with none do not exist, rule 4). */
export const mergeRecords = (records: Iterable<SyncRecord>): Map<string, Outcome> => resolveRecords(collectRecords(records));

/**
 * What a checkpoint restates (§5.3): one record per id, the one that decides
 * it. Merging these alone, or in place of the records they came from, gives
 * the same outcomes (§6.2).
 */
export const winningRecords = (outcomes: ReadonlyMap<string, Outcome>): SyncRecord[] =>
  [...outcomes.values()].map((outcome) => (outcome.deleted ? outcome.restate : outcome.winner));
