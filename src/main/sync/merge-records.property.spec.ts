import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { compareOrdered } from './hybrid-clock';
import {
  collectInto,
  collectRecords,
  comparePuts,
  growingRecordSet,
  joinRecordSets,
  mergeRecords,
  type Outcome,
  resolveRecords,
  winningRecords,
} from './merge-records';
import type { PutRecord, SyncRecord } from './sync-record';
import { deletedIds, outcomeList, recordSet, referenceMerge, writtenRecordSet } from './testing/record-arbitraries';

/**
 * The properties of docs/sync-format.md §6.2, each written against any merge
 * function so the last block can show it fails on a deliberately broken rule.
 */
type Merge = (records: readonly SyncRecord[]) => Map<string, Outcome>;

const RUNS = { numRuns: 200 };
/** A fixed seed for the broken merges: the counterexample is found the same way every time. */
const BROKEN_RUNS = { numRuns: 200, seed: 18, endOnFailure: true };

/** A record set, and the same set shuffled with records repeated 1–3 times (as copies, each copy placed on its own). */
const shuffledWithRepeats = recordSet.chain((records) =>
  fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { minLength: records.length, maxLength: records.length }).map((places) => ({
    records,
    arrival: records
      .flatMap((record, i) => (places[i] ?? []).map((place) => ({ record: { ...record }, place })))
      .sort((a, b) => a.place - b.place)
      .map(({ record }) => record),
  })),
);

const sameWhateverOrder = (merge: Merge) =>
  fc.property(shuffledWithRepeats, ({ records, arrival }) => {
    expect(outcomeList(merge(arrival))).toEqual(outcomeList(merge(records)));
  });

const neverComesBack = (merge: Merge) =>
  fc.property(shuffledWithRepeats, ({ arrival }) => {
    let before = new Set<string>();
    for (let n = 1; n <= arrival.length; n += 1) {
      const now = deletedIds(merge(arrival.slice(0, n)));
      for (const id of before) expect(now.has(id), `${id} came back after record ${n}`).toBe(true);
      before = now;
    }
  });

const noPutLostWithoutDelete = (merge: Merge) =>
  fc.property(recordSet, (records) => {
    const outcomes = merge(records);
    const tombstoned = new Set(records.filter((r) => r.op === 'del').map((r) => r.id));
    for (const record of records) {
      if (record.op === 'del') continue;
      const outcome = outcomes.get(record.id);
      expect(outcome).toBeDefined();
      if (outcome?.deleted === false) {
        expect(comparePuts(outcome.winner, record)).toBeGreaterThanOrEqual(0);
        continue;
      }
      const answersDeleted = records.some(
        (r) => r.op !== 'del' && r.id === record.id && r.entry.kind === 'follow-up' && tombstoned.has(r.entry.data.checkInId),
      );
      expect(tombstoned.has(record.id) || answersDeleted, `${record.id} lost without a delete`).toBe(true);
    }
  });

const matchesReference = (merge: Merge) =>
  fc.property(recordSet, (records) => {
    const simple = [...merge(records)].map(
      ([id, o]) => [id, o.deleted ? { deleted: true } : { deleted: false, value: o.winner.entry }] as const,
    );
    expect(new Map(simple)).toEqual(referenceMerge(records));
  });

/** A device checkpoints what it has; later records still arrive. Writers keep a follow-up's check-in (§5.2, §6.2). */
const checkpointChangesNothing = (restate: (outcomes: Map<string, Outcome>) => SyncRecord[]) =>
  fc.property(writtenRecordSet, writtenRecordSet, (before, later) => {
    const checkpoint = restate(mergeRecords(before));
    expect(outcomeList(mergeRecords([...checkpoint, ...later]))).toEqual(outcomeList(mergeRecords([...before, ...later])));
  });

describe('mergeRecords properties (§6.2)', () => {
  it('gives the same outcome for every order and repetition of one record set', () => {
    fc.assert(sameWhateverOrder(mergeRecords), RUNS);
  });

  it('grown in place a batch at a time, a set is the one collected at once', () => {
    fc.assert(
      fc.property(recordSet, recordSet, (a, b) => {
        const grown = growingRecordSet();
        collectInto(grown, a);
        collectInto(grown, b);
        expect(outcomeList(resolveRecords(grown))).toEqual(outcomeList(resolveRecords(collectRecords([...a, ...b]))));
        expect(grown.byId).toEqual(collectRecords([...a, ...b]).byId);
      }),
      RUNS,
    );
  });

  it('joins batches associatively and commutatively, as one batch', () => {
    fc.assert(
      fc.property(recordSet, recordSet, recordSet, (a, b, c) => {
        const [setA, setB, setC] = [a, b, c].map((batch) => collectRecords(batch)) as [
          ReturnType<typeof collectRecords>,
          ReturnType<typeof collectRecords>,
          ReturnType<typeof collectRecords>,
        ];
        const left = joinRecordSets(joinRecordSets(setA, setB), setC);
        const right = joinRecordSets(setA, joinRecordSets(setB, setC));
        expect(outcomeList(resolveRecords(left))).toEqual(outcomeList(resolveRecords(right)));
        expect(outcomeList(resolveRecords(joinRecordSets(setB, setA)))).toEqual(outcomeList(resolveRecords(joinRecordSets(setA, setB))));
        expect(outcomeList(resolveRecords(left))).toEqual(outcomeList(mergeRecords([...a, ...b, ...c])));
      }),
      RUNS,
    );
  });

  it('never brings a deleted entry back, whatever order records arrive in', () => {
    fc.assert(neverComesBack(mergeRecords), RUNS);
  });

  it('loses no put unless a delete for its id (or its check-in) exists', () => {
    fc.assert(noPutLostWithoutDelete(mergeRecords), RUNS);
  });

  it('agrees with §6.1 written the plain way', () => {
    fc.assert(matchesReference(mergeRecords), RUNS);
  });

  it('gives the same outcome when a checkpoint replaces the records it restates, whatever arrives later', () => {
    fc.assert(checkpointChangesNothing(winningRecords), RUNS);
  });
});

/** Rules broken on purpose, each a plausible mistake. */
const latestRecordWins: Merge = (records) => {
  const best = new Map<string, SyncRecord>();
  for (const record of records) {
    const current = best.get(record.id);
    if (!current || compareOrdered(record, current) > 0) best.set(record.id, record);
  }
  return new Map(
    [...best].map(([id, r]): [string, Outcome] => [
      id,
      r.op === 'del' ? { deleted: true, cause: 'tombstone', restate: r } : { deleted: false, winner: r },
    ]),
  );
};

const firstArrivalWins: Merge = (records) => {
  const first = new Map<string, PutRecord>();
  for (const record of records) if (record.op !== 'del' && !first.has(record.id)) first.set(record.id, record);
  const outcomes = mergeRecords(records);
  for (const [id, outcome] of outcomes) if (!outcome.deleted) outcomes.set(id, { deleted: false, winner: first.get(id) as PutRecord });
  return outcomes;
};

const cascadeByWinnerOnly: Merge = (records) => {
  const set = collectRecords(records);
  const outcomes = resolveRecords(set);
  for (const [id, outcome] of outcomes) {
    const latest = set.byId.get(id)?.latest;
    if (!outcome.deleted || outcome.cause !== 'cascade' || !latest || latest.entry.kind !== 'follow-up') continue;
    if (!set.byId.get(latest.entry.data.checkInId)?.tombstone) outcomes.set(id, { deleted: false, winner: latest });
  }
  return outcomes;
};

const dropOrphanFollowUps: Merge = (records) => {
  const outcomes = mergeRecords(records);
  for (const [id, outcome] of outcomes) {
    if (outcome.deleted || outcome.winner.entry.kind !== 'follow-up') continue;
    const checkInId = outcome.winner.entry.data.checkInId;
    if (outcomes.get(checkInId)?.deleted !== false)
      outcomes.set(id, { deleted: true, cause: 'cascade', checkInId, restate: outcome.winner });
  }
  return outcomes;
};

/** Why a property failed on a broken merge (fast-check keeps the assertion as the cause), or 'held'. */
const failureOf = <T extends [unknown, ...unknown[]]>(property: fc.IProperty<T>): string => {
  try {
    fc.assert(property, BROKEN_RUNS);
  } catch (error) {
    return String((error as Error).cause ?? error);
  }
  return 'held';
};

describe('the properties can fail', () => {
  it('catches a merge where the first put to arrive wins', () => {
    expect(failureOf(sameWhateverOrder(firstArrivalWins))).not.toBe('held');
  });

  it('catches a merge where a later put outranks a tombstone', () => {
    expect(failureOf(neverComesBack(latestRecordWins))).toMatch(/came back/);
    expect(failureOf(matchesReference(latestRecordWins))).not.toBe('held');
  });

  it('catches a cascade that asks only the newest follow-up record', () => {
    expect(failureOf(neverComesBack(cascadeByWinnerOnly))).toMatch(/came back/);
  });

  it('catches a checkpoint that restates live entries only, leaving tombstones out', () => {
    const putsOnly = (outcomes: Map<string, Outcome>): SyncRecord[] => [...outcomes.values()].flatMap((o) => (o.deleted ? [] : [o.winner]));
    expect(failureOf(checkpointChangesNothing(putsOnly))).not.toBe('held');
  });

  it('catches a merge that drops follow-ups whose check-in has not arrived', () => {
    expect(failureOf(noPutLostWithoutDelete(dropOrphanFollowUps))).toMatch(/lost without a delete/);
  });
});
