import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { checkpointRecords } from './checkpoint-records';
import { collectRecords, mergeRecords, resolveRecords } from './merge-records';
import { outcomeList, writtenRecordSet } from './testing/record-arbitraries';
import { checkIn, del, DEVICE_B, followUp, put } from './testing/sync-records';

describe('checkpointRecords', () => {
  it('restates one deciding record per carried id, and a cascade carries its tombstone along', () => {
    const records = [
      put(checkIn('check-in-1'), [1, 0]),
      put(followUp('follow-up-1', 'check-in-1'), [2, 0]),
      del('check-in-1', [3, 0], DEVICE_B),
      put(checkIn('check-in-2', 'old'), [4, 0]),
      put(checkIn('check-in-2', 'new'), [5, 0], DEVICE_B, 'edit'),
      put(checkIn('not-carried'), [6, 0]),
    ];
    const outcomes = mergeRecords(records);
    expect(checkpointRecords(outcomes, ['follow-up-1', 'check-in-2', 'unknown-id'])).toEqual([records[2], records[4], records[1]]);
  });

  it('a checkpoint of every id, merged alone, decides every id as the full set does', () => {
    fc.assert(
      fc.property(writtenRecordSet, (records) => {
        const outcomes = mergeRecords(records);
        const restated = checkpointRecords(outcomes, outcomes.keys());
        expect(outcomeList(resolveRecords(collectRecords(restated)))).toEqual(outcomeList(outcomes));
      }),
      { numRuns: 200 },
    );
  });

  it('any carried subset, merged into what peers already had, changes no outcome', () => {
    fc.assert(
      fc.property(writtenRecordSet, fc.func(fc.boolean()), (records, carry) => {
        const outcomes = mergeRecords(records);
        const carried = [...outcomes.keys()].filter((id) => carry(id));
        const restated = checkpointRecords(outcomes, carried);
        expect(outcomeList(resolveRecords(collectRecords(restated, collectRecords(records))))).toEqual(outcomeList(outcomes));
        // Alone, a carried id decides as it does in the full set (a cascade's check-in comes with it).
        const alone = resolveRecords(collectRecords(restated));
        for (const id of carried) expect(alone.get(id)).toEqual(outcomes.get(id));
      }),
      { numRuns: 200 },
    );
  });
});
