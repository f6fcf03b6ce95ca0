import fc from 'fast-check';

import type { Entry } from '../../../shared/entry-schema';
import type { Outcome } from '../merge-records';
import type { PutRecord, SyncRecord } from '../sync-record';
import { checkIn, del, DEVICE_A, DEVICE_B, DEVICE_C, entryId, followUp, put } from './sync-records';

/**
 * Record sets for the merge properties: few ids, devices and stamps, so
 * ties, duplicates, deletes racing puts and follow-ups of deleted check-ins
 * happen in most runs. A follow-up record may name a different check-in
 * than its other records (a faulty writer): the merge must stay
 * deterministic and never bring a deleted entry back even then.
 */
const T = 1_795_424_400_000;
export const CHECK_IN_IDS = [0, 1, 2, 3].map(entryId);
export const FOLLOW_UP_IDS = [10, 11, 12].map(entryId);

const stamp = fc.tuple(fc.integer({ min: T, max: T + 6 }), fc.integer({ min: 0, max: 2 }));
const device = fc.constantFrom(DEVICE_A, DEVICE_B, DEVICE_C);
const op = fc.constantFrom('put' as const, 'edit' as const);

const checkInRecord = fc
  .tuple(fc.constantFrom(...CHECK_IN_IDS), fc.constantFrom('', 'calmer', 'tired'), stamp, device, op)
  .map(([id, note, hlc, by, kind]) => put(checkIn(id, note), hlc, by, kind));
const followUpRecord = fc
  .tuple(fc.constantFrom(...FOLLOW_UP_IDS), fc.constantFrom(...CHECK_IN_IDS), stamp, device, op)
  .map(([id, answers, hlc, by, kind]) => put(followUp(id, answers), hlc, by, kind));
/** As writers keep them (§5.2): every record of a follow-up names the same check-in. */
const keptFollowUpRecord = fc
  .tuple(fc.constantFrom(...FOLLOW_UP_IDS), stamp, device, op)
  .map(([id, hlc, by, kind]) => put(followUp(id, CHECK_IN_IDS[FOLLOW_UP_IDS.indexOf(id)] as string), hlc, by, kind));
const delRecord = fc.tuple(fc.constantFrom(...CHECK_IN_IDS, ...FOLLOW_UP_IDS), stamp, device).map(([id, hlc, by]) => del(id, hlc, by));

const records = (followUps: fc.Arbitrary<SyncRecord>) =>
  fc.array(fc.oneof({ weight: 4, arbitrary: checkInRecord }, { weight: 3, arbitrary: followUps }, { weight: 1, arbitrary: delRecord }), {
    maxLength: 30,
  });

/** Any records, a faulty writer's included. */
export const recordSet = records(followUpRecord);
/** Records as Attune writes them. */
export const writtenRecordSet = records(keptFollowUpRecord);

/** Outcomes as a sorted list, so two merges compare equal whatever order they built their maps in. */
export const outcomeList = (outcomes: Map<string, Outcome>): [string, Outcome][] =>
  [...outcomes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

export const deletedIds = (outcomes: Map<string, Outcome>): Set<string> =>
  new Set([...outcomes].filter(([, outcome]) => outcome.deleted).map(([id]) => id));

const codepoints = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** JSON with keys sorted, another way than the merge's: an array replacer lists keys in the order given. */
const sortedJson = (value: unknown): string => {
  const keys = new Set<string>();
  JSON.stringify(value, (key, inner: unknown) => {
    keys.add(key);
    return inner;
  });
  return JSON.stringify(value, [...keys].sort());
};

/**
 * §6.1 written the plain way, record by record, with no set to reduce: the
 * oracle the merge is compared with.
 */
export const referenceMerge = (records: readonly SyncRecord[]): Map<string, { deleted: boolean; value?: Entry }> => {
  const tombstoned = new Set(records.filter((r) => r.op === 'del').map((r) => r.id));
  const puts = records.filter((r): r is PutRecord => r.op !== 'del');
  const order = (a: PutRecord, b: PutRecord): number =>
    a.hlc[0] - b.hlc[0] ||
    a.hlc[1] - b.hlc[1] ||
    codepoints(a.by, b.by) ||
    codepoints(a.op, b.op) ||
    codepoints(sortedJson(a.entry), sortedJson(b.entry));
  const out = new Map<string, { deleted: boolean; value?: Entry }>();
  for (const id of new Set(records.map((r) => r.id))) {
    const mine = puts.filter((r) => r.id === id);
    const cascade = mine.some((r) => r.entry.kind === 'follow-up' && tombstoned.has(r.entry.data.checkInId));
    const winner = mine.sort(order).at(-1);
    if (tombstoned.has(id) || cascade) out.set(id, { deleted: true });
    else if (winner) out.set(id, { deleted: false, value: winner.entry });
  }
  return out;
};
