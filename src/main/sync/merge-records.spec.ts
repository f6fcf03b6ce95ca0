import { describe, expect, it } from 'vitest';

import { collectRecords, joinRecordSets, keptRecords, mergeRecords, type Outcome } from './merge-records';
import { checkIn, del, DEVICE_A, DEVICE_B, entryId, followUp, put } from './testing/sync-records';

const T = 1_795_424_400_000;
const X = entryId(1);
const F = entryId(2);
const G = entryId(3);

const liveIds = (outcomes: Map<string, Outcome>): string[] => [...outcomes].filter(([, outcome]) => !outcome.deleted).map(([id]) => id);

describe('mergeRecords (§6.1)', () => {
  it('takes the union of records by id', () => {
    const outcomes = mergeRecords([put(checkIn(X), [T, 0]), put(checkIn(F), [T, 1], DEVICE_B)]);
    expect(liveIds(outcomes).sort()).toEqual([X, F].sort());
  });

  it('lets a tombstone win over earlier and later puts and edits of the entry', () => {
    const records = [put(checkIn(X), [T, 0]), del(X, [T + 10, 0], DEVICE_B), put(checkIn(X, 'later'), [T + 20, 0], DEVICE_A, 'edit')];
    const outcome = mergeRecords(records).get(X);
    expect(outcome).toMatchObject({ deleted: true, cause: 'tombstone' });
    // The least tombstone is what a checkpoint restates (§5.3).
    const outcome2 = mergeRecords([...records, del(X, [T + 30, 0])]).get(X);
    expect(outcome2).toMatchObject({ restate: { hlc: [T + 10, 0], by: DEVICE_B } });
  });

  it('deletes a tombstoned id even when no put for it has arrived', () => {
    expect(mergeRecords([del(X, [T, 0])]).get(X)).toMatchObject({ deleted: true });
  });

  it('deletes the follow-ups of a deleted check-in, including ones its deleting device never saw', () => {
    const outcomes = mergeRecords([put(checkIn(X), [T, 0]), del(X, [T + 5, 0]), put(followUp(F, X), [T + 9, 0], DEVICE_B)]);
    expect(outcomes.get(F)).toMatchObject({ deleted: true, cause: 'cascade', checkInId: X });
  });

  it('keeps a follow-up deleted when a later edit names another check-in', () => {
    const outcomes = mergeRecords([del(X, [T, 0]), put(followUp(F, X), [T + 1, 0]), put(followUp(F, G), [T + 2, 0], DEVICE_A, 'edit')]);
    expect(outcomes.get(F)).toMatchObject({ deleted: true, cause: 'cascade', restate: { entry: { data: { checkInId: X } } } });
  });

  it('does not cascade from a follow-up deletion, nor to follow-ups of live check-ins', () => {
    const outcomes = mergeRecords([put(checkIn(X), [T, 0]), put(followUp(F, X), [T, 1]), put(followUp(G, X), [T, 2]), del(F, [T, 3])]);
    expect(outcomes.get(X)).toMatchObject({ deleted: false });
    expect(outcomes.get(G)).toMatchObject({ deleted: false });
    expect(outcomes.get(F)).toMatchObject({ deleted: true, cause: 'tombstone' });
  });

  it('lets the later clock win among puts and edits, then the greater device id', () => {
    const early = put(checkIn(X, 'early'), [T + 100, 0], DEVICE_B);
    const late = put(checkIn(X, 'late'), [T + 100, 1], DEVICE_A, 'edit');
    expect(mergeRecords([late, early]).get(X)).toEqual({ deleted: false, winner: late });
    const tieA = put(checkIn(X, 'from A'), [T, 0], DEVICE_A, 'edit');
    const tieB = put(checkIn(X, 'from B'), [T, 0], DEVICE_B, 'edit');
    expect(mergeRecords([tieB, tieA]).get(X)).toEqual({ deleted: false, winner: tieB });
    expect(mergeRecords([tieA, tieB]).get(X)).toEqual({ deleted: false, winner: tieB });
  });

  it('is idempotent for duplicates, and picks one of two records that claim one stamp whatever comes first', () => {
    const one = put(checkIn(X, 'one'), [T, 0]);
    expect(mergeRecords([one, one, { ...one }])).toEqual(mergeRecords([one]));
    const clash = put(checkIn(X, 'two'), [T, 0]);
    expect(mergeRecords([one, clash])).toEqual(mergeRecords([clash, one]));
  });

  it('keeps only records that can still decide, and joins sets like one batch', () => {
    const records = [put(checkIn(X), [T, 0]), put(checkIn(X, 'x'), [T, 1], DEVICE_A, 'edit'), del(F, [T, 2]), del(F, [T, 1])];
    expect([...keptRecords(collectRecords(records))]).toHaveLength(2);
    const joined = joinRecordSets(collectRecords(records.slice(0, 2)), collectRecords(records.slice(2)));
    expect(joined).toEqual(collectRecords(records));
  });
});
