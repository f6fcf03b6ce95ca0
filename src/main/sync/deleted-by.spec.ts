import { describe, expect, it } from 'vitest';

import type { Entry } from '../../shared/entry-schema';
import { addToBurst, BURST_GAP_MS, deletedBy } from './deleted-by';
import { diffAgainstLocal } from './local-diff';
import { mergeRecords } from './merge-records';
import type { SyncRecord } from './sync-record';
import { checkIn, del, DEVICE_A, DEVICE_B, DEVICE_C, entryId, followUp, put } from './testing/sync-records';

const T = 1_795_424_400_000;
const answersTo = (entries: readonly Entry[]) => {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return (id: string): string | undefined => {
    const entry = byId.get(id);
    return entry?.kind === 'follow-up' ? entry.data.checkInId : undefined;
  };
};

/** What a pass removes here (the diff), attributed: the engine's way, on a merged set and a local history. */
const attribute = (records: SyncRecord[], local: Entry[], own: string[] = [DEVICE_A]): Map<string, number> => {
  const outcomes = mergeRecords(records);
  const diff = diffAgainstLocal(outcomes, { entries: new Map(local.map((entry) => [entry.id, entry])), markDeleted: new Set() });
  return deletedBy(outcomes, diff.deleteLocally, answersTo(local), new Set(own));
};

describe('deletedBy (§11 Q5)', () => {
  it('counts each removed entry for the computer whose tombstone decided it; a follow-up goes with its check-in', () => {
    const [x, f, y, z] = [entryId(1), entryId(2), entryId(3), entryId(4)];
    const local = [checkIn(x), followUp(f, x), checkIn(y), checkIn(z)];
    const records = [...local.map((entry, i) => put(entry, [T, i], DEVICE_A)), del(x, [T, 10], DEVICE_B), del(y, [T, 11], DEVICE_C)];
    expect(attribute(records, local)).toEqual(
      new Map([
        [DEVICE_B, 2],
        [DEVICE_C, 1],
      ]),
    );
  });

  it('a follow-up written here to a check-in another computer deleted (never published) is that computer’s too', () => {
    const [x, f] = [entryId(1), entryId(2)];
    const local = [checkIn(x), followUp(f, x)];
    // Only the check-in reached the merged set before the other computer deleted it.
    expect(attribute([put(checkIn(x), [T, 0], DEVICE_A), del(x, [T, 5], DEVICE_B)], local)).toEqual(new Map([[DEVICE_B, 2]]));
  });

  it('the first tombstone decides: two computers deleting one entry count it once, for the earlier', () => {
    const x = entryId(1);
    const records = [put(checkIn(x), [T, 0], DEVICE_A), del(x, [T, 9], DEVICE_C), del(x, [T, 7], DEVICE_B)];
    expect(attribute(records, [checkIn(x)])).toEqual(new Map([[DEVICE_B, 1]]));
  });

  it('leaves out this computer’s own deletes, under its id and the ids it wrote as before a move', () => {
    const [x, y] = [entryId(1), entryId(2)];
    const local = [checkIn(x), checkIn(y)];
    const records = [put(checkIn(x), [T, 0]), put(checkIn(y), [T, 1]), del(x, [T, 5], DEVICE_A), del(y, [T, 6], DEVICE_C)];
    expect(attribute(records, local, [DEVICE_A, DEVICE_C])).toEqual(new Map());
  });
});

describe('addToBurst', () => {
  it('deletes arriving within the gap of the last ones add up; after a longer quiet, a new burst starts', () => {
    let burst = addToBurst(undefined, 12, 1_000);
    burst = addToBurst(burst, 9, 1_000 + BURST_GAP_MS);
    expect(burst).toEqual({ count: 21, at: 1_000 + BURST_GAP_MS });
    expect(addToBurst(burst, 3, 2_001 + 2 * BURST_GAP_MS)).toEqual({ count: 3, at: 2_001 + 2 * BURST_GAP_MS });
  });
});
