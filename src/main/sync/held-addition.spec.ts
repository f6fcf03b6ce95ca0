import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { addsAnything, heldAddition } from './held-addition';
import { mergeRecords } from './merge-records';
import type { SyncRecord } from './sync-record';
import { recordSet } from './testing/record-arbitraries';
import { checkIn, del, DEVICE_B, DEVICE_C, entryId, followUp, put } from './testing/sync-records';

const T = 1_795_424_400_000;
const [X, Y, Z, F] = [entryId(1), entryId(2), entryId(3), entryId(10)];

describe('heldAddition (§7.1 "Add them anyway")', () => {
  const here = mergeRecords([put(checkIn(X), [T, 0]), put(checkIn(Y), [T, 1]), put(checkIn(Z), [T, 2]), del(Z, [T, 3])]);

  it('adds the entries nothing here names, and the deletes of entries live here', () => {
    const branch = [put(checkIn(F, 'written by the other copy'), [T + 5, 0], DEVICE_B), del(Y, [T + 6, 0], DEVICE_B)];
    expect(heldAddition(here, branch)).toEqual({ puts: [checkIn(F, 'written by the other copy')], deleteIds: [Y] });
  });

  it('leaves alone what both branches name, what is deleted already, and what the branch deletes itself', () => {
    const branch = [
      // X is here: the accepted branch's version stays, even against a later edit in the held one.
      put(checkIn(X, 'edited in the held branch'), [T + 50, 0], DEVICE_B, 'edit'),
      // Z was deleted here; a tombstone for it changes nothing, nor does a put.
      del(Z, [T + 7, 0], DEVICE_B),
      put(checkIn(Z, 'again'), [T + 8, 0], DEVICE_B),
      // Written and deleted within the branch: nothing to add, nothing to delete here.
      put(checkIn(entryId(20)), [T + 9, 0], DEVICE_B),
      del(entryId(20), [T + 10, 0], DEVICE_B),
      // A tombstone for an id nothing here names.
      del(entryId(21), [T + 11, 0], DEVICE_B),
    ];
    const addition = heldAddition(here, branch);
    expect(addition).toEqual({ puts: [], deleteIds: [] });
    expect(addsAnything(addition)).toBe(false);
  });

  it('does not add a follow-up answering a check-in deleted here or in the branch', () => {
    const deletedHere = [put(followUp(F, Z), [T + 5, 0], DEVICE_B)];
    expect(heldAddition(here, deletedHere).puts).toEqual([]);
    const deletedThere = [put(checkIn(entryId(30)), [T + 5, 0], DEVICE_B), put(followUp(F, entryId(30)), [T + 6, 0], DEVICE_B)];
    expect(heldAddition(here, [...deletedThere, del(entryId(30), [T + 7, 0], DEVICE_B)]).puts).toEqual([]);
    // Answering a check-in that stays: added with it.
    expect(heldAddition(here, deletedThere).puts.map((entry) => entry.id)).toEqual([entryId(10), entryId(30)]);
  });

  it('of several versions in the branch, adds the one its own order picks', () => {
    const branch = [put(checkIn(F, 'later'), [T + 9, 0], DEVICE_B, 'edit'), put(checkIn(F, 'first'), [T + 5, 0], DEVICE_B)];
    expect(heldAddition(here, branch).puts).toEqual([checkIn(F, 'later')]);
  });

  it('once added and written as this computer’s own, the branch has nothing more to add: nobody is asked twice', () => {
    fc.assert(
      fc.property(recordSet, recordSet, (accepted, branch) => {
        const before = mergeRecords(accepted);
        const { puts, deleteIds } = heldAddition(before, branch);
        // What this computer then writes, stamped after everything it has seen (as the engine stamps).
        const later = 2 * T;
        const own: SyncRecord[] = [
          ...puts.map((entry, i) => put(entry, [later, i], DEVICE_C)),
          ...deleteIds.map((id, i) => del(id, [later, puts.length + i], DEVICE_C)),
        ];
        const after = mergeRecords([...accepted, ...own]);
        expect(addsAnything(heldAddition(after, branch))).toBe(false);
        // Nothing live here before is lost but what the branch deletes (with follow-ups answering it); nothing deleted
        // comes back.
        for (const [id, outcome] of before) {
          if (outcome.deleted) {
            expect(after.get(id)?.deleted, id).toBe(true);
            continue;
          }
          // A follow-up goes when any version of it answers a check-in the branch deletes (§6.1 rule 2).
          if (after.get(id)?.deleted) expect(deleteIds.includes(id) || outcome.winner.entry.kind === 'follow-up', id).toBe(true);
          if (deleteIds.includes(id)) expect(after.get(id)?.deleted, id).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
