import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Entry } from '../../shared/entry-schema';
import { diffAgainstLocal, type LocalView } from './local-diff';
import { mergeRecords } from './merge-records';
import type { SyncRecord } from './sync-record';
import { CHECK_IN_IDS, recordSet, writtenRecordSet } from './testing/record-arbitraries';
import { checkIn, del, DEVICE_B, entryId, followUp, put } from './testing/sync-records';

const T = 1_795_424_400_000;
const X = entryId(1);
const F = entryId(2);
const Y = entryId(3);

const view = (entries: Entry[], markDeleted: string[] = []): LocalView => ({
  entries: new Map(entries.map((entry) => [entry.id, entry])),
  markDeleted: new Set(markDeleted),
});

const NOTHING = { deleteLocally: [], putLocally: [], publishPuts: [], publishDeletes: [] };

describe('diffAgainstLocal (§6.3)', () => {
  it('writes nothing when the vault already matches', () => {
    const outcomes = mergeRecords([put(checkIn(X), [T, 0]), del(Y, [T, 1])]);
    expect(diffAgainstLocal(outcomes, view([checkIn(X)]))).toEqual(NOTHING);
  });

  it('deletes locally what the merge deleted, follow-ups of a deleted check-in included', () => {
    const outcomes = mergeRecords([put(checkIn(X), [T, 0]), put(followUp(F, X), [T, 1]), del(X, [T, 2], DEVICE_B)]);
    expect(diffAgainstLocal(outcomes, view([checkIn(X), followUp(F, X)]))).toEqual({ ...NOTHING, deleteLocally: [X, F].sort() });
  });

  it('puts new and changed winners, but not what the person deleted here', () => {
    const outcomes = mergeRecords([put(checkIn(X, 'newer'), [T, 5], DEVICE_B, 'edit'), put(checkIn(Y), [T, 0], DEVICE_B)]);
    expect(diffAgainstLocal(outcomes, view([checkIn(X, 'older')]))).toEqual({ ...NOTHING, putLocally: [checkIn(X, 'newer'), checkIn(Y)] });
    expect(diffAgainstLocal(outcomes, view([checkIn(X, 'newer')], [Y]))).toEqual({ ...NOTHING, publishDeletes: [Y] });
  });

  it("publishes a delete of the check-in when a follow-up answers one this vault's mark deleted", () => {
    const outcomes = mergeRecords([put(followUp(F, X), [T, 0], DEVICE_B)]);
    expect(diffAgainstLocal(outcomes, view([], [X]))).toEqual({ ...NOTHING, publishDeletes: [X] });
  });

  it('publishes local entries the merged set has no record of', () => {
    expect(diffAgainstLocal(new Map(), view([checkIn(X)]))).toEqual({ ...NOTHING, publishPuts: [checkIn(X)] });
  });

  it('deletes, not publishes, a local follow-up to a check-in another device deleted', () => {
    const outcomes = mergeRecords([del(X, [T, 0], DEVICE_B)]);
    expect(diffAgainstLocal(outcomes, view([followUp(F, X)]))).toEqual({ ...NOTHING, deleteLocally: [F] });
  });
});

/** Local state beside a record set: some of its entries (maybe older), entries it never published, deleted ids. */
const localBeside = (records: SyncRecord[]) =>
  fc
    .record({
      kept: fc.subarray(records.flatMap((r) => (r.op === 'del' ? [] : [r.entry]))),
      unpublished: fc.array(fc.tuple(fc.integer({ min: 20, max: 23 }), fc.option(fc.constantFrom(...CHECK_IN_IDS))), { maxLength: 3 }),
      marked: fc.subarray([...new Set(records.map((r) => r.id)), ...CHECK_IN_IDS]),
    })
    .map(({ kept, unpublished, marked }) => {
      const fresh = unpublished.map(([n, answers]) => (answers === null ? checkIn(entryId(n)) : followUp(entryId(n), answers)));
      const hidden = (entry: Entry): boolean =>
        marked.includes(entry.id) || (entry.kind === 'follow-up' && marked.includes(entry.data.checkInId));
      return view(
        [...kept, ...fresh].filter((entry) => !hidden(entry)),
        marked,
      );
    });

/** Applies a diff as the caller would: vault writes (deletes join the mark), then publishing with a fresh stamp. */
const applyDiff = (records: SyncRecord[], local: LocalView, pass: number): { records: SyncRecord[]; local: LocalView } => {
  const diff = diffAgainstLocal(mergeRecords(records), local);
  const entries = new Map(local.entries);
  for (const id of diff.deleteLocally) entries.delete(id);
  for (const entry of diff.putLocally) entries.set(entry.id, entry);
  const markDeleted = new Set([...local.markDeleted, ...diff.deleteLocally]);
  for (const entry of entries.values()) {
    if (markDeleted.has(entry.id) || (entry.kind === 'follow-up' && markDeleted.has(entry.data.checkInId))) entries.delete(entry.id);
  }
  const stamp: [number, number] = [T + 1000, pass];
  const published = [...diff.publishPuts.map((entry) => put(entry, stamp)), ...diff.publishDeletes.map((id) => del(id, stamp))];
  return { records: [...records, ...published], local: { entries, markDeleted } };
};

const withLocal = (sets: fc.Arbitrary<SyncRecord[]>) => sets.chain((records) => fc.tuple(fc.constant(records), localBeside(records)));

describe('diffAgainstLocal properties', () => {
  it('agrees in one pass with records as Attune writes them: applying the diff leaves nothing to do', () => {
    fc.assert(
      fc.property(withLocal(writtenRecordSet), ([records, local]) => {
        const after = applyDiff(records, local, 0);
        expect(diffAgainstLocal(mergeRecords(after.records), after.local)).toEqual(NOTHING);
      }),
      { numRuns: 200 },
    );
  });

  it('agrees in two passes when a faulty writer moved a follow-up to another check-in', () => {
    fc.assert(
      fc.property(withLocal(recordSet), ([records, local]) => {
        const first = applyDiff(records, local, 0);
        const after = applyDiff(first.records, first.local, 1);
        expect(diffAgainstLocal(mergeRecords(after.records), after.local)).toEqual(NOTHING);
      }),
      { numRuns: 200 },
    );
  });
});
