import { join } from 'node:path';

import { createVaultService } from '../vault-service';
import { createFakeKeychain } from './fake-keychain';
import { failureKeeper } from './keep-failed';
import { bundleChild, checkAcknowledged, reopenAfterKill, runKills, strayFiles } from './kill-harness';
import { checkIn, FAST_SCRYPT, followUp } from './vault-fixtures';

/**
 * kill -9 on the compaction path: a child (compaction-child.ts) deletes
 * (tombstones, then a roll: new snapshot by temp file + rename, then the
 * journal cut to zero) and compacts in a loop; the parent kills it at random
 * moments and after each kill opens the vault itself and checks:
 * - every acknowledged entry is readable, every acknowledged delete stays
 *   deleted (with the follow-ups it took along);
 * - a delete killed before its acknowledgement happened whole or not at all:
 *   the check-in and all its follow-ups are gone together, or all still there;
 * - nothing is reported but a torn tail (a kill mid-write), never damage;
 * - no temp file of an interrupted roll outlives the next open (counted
 *   here, asserted by the callers).
 */
export interface CompactionLoopOptions {
  root: string;
  kills: number;
  maxWindowMs?: number;
  /** The child keeps the vault between these sizes. */
  low?: number;
  high?: number;
  rollAfterRecords?: number;
  onProgress?: (done: number, result: CompactionLoopResult) => void;
}

export interface CompactionLoopResult {
  kills: number;
  killedBeforeOpen: number;
  /** Kills between a delete's start and its acknowledgement. */
  killedMidDelete: number;
  /** …of which the delete had happened (the entry was gone on reopen). */
  midDeleteLanded: number;
  /** Kills between a compaction's start and its acknowledgement. */
  killedMidCompaction: number;
  appendsAcknowledged: number;
  deletesAcknowledged: number;
  compactionsAcknowledged: number;
  tornTails: number;
  /** Temp files (`.*.tmp`) in the vault folder after a reopen, most seen at once. */
  strayTempFilesMax: number;
  entriesAtEnd: number;
}

export const runCompactionKillLoop = async (options: CompactionLoopOptions): Promise<CompactionLoopResult> => {
  const dir = join(options.root, 'vault');
  const low = options.low ?? 150;
  const high = options.high ?? 250;
  const rollAfter = options.rollAfterRecords ?? 64;
  const keychain = createFakeKeychain();

  // What the parent knows: acknowledged live entries (follow-ups with the check-in they answer) and acknowledged deletes.
  const alive = new Map<string, string | undefined>();
  const deleted = new Set<string>();

  const seed = createVaultService({ dir, keychain, scrypt: FAST_SCRYPT, rollAfterRecords: rollAfter });
  await seed.setup({ useKeychain: true, createRecoveryKey: false });
  for (let i = 0; i < (low + high) / 2; i += 1) {
    const parent = await seed.append(checkIn(`seed ${i}`));
    alive.set(parent.id, undefined);
    if (i % 3 === 0) alive.set((await seed.append(followUp(parent.id))).id, parent.id);
  }
  await seed.close();

  const result: CompactionLoopResult = {
    kills: 0,
    killedBeforeOpen: 0,
    killedMidDelete: 0,
    midDeleteLanded: 0,
    killedMidCompaction: 0,
    appendsAcknowledged: 0,
    deletesAcknowledged: 0,
    compactionsAcknowledged: 0,
    tornTails: 0,
    strayTempFilesMax: 0,
    entriesAtEnd: 0,
  };
  const followUpsOf = (checkInId: string): string[] => [...alive].filter(([, parent]) => parent === checkInId).map(([id]) => id);

  const keeper = failureKeeper(options.root, dir);
  const command = await bundleChild('compaction-child.ts', options.root);
  const { beforeOpen } = await runKills({
    command,
    args: [dir, String(rollAfter), String(low), String(high)],
    kills: options.kills,
    maxWindowMs: options.maxWindowMs ?? 60,
    // 0–2 acknowledged deletes before the random window, so a loaded machine still kills during and after them
    // (0–1 gave ~45 over 100 kills when the window added few, under the test's floor of 50).
    pace: { line: /^d /, count: () => Math.floor(Math.random() * 3) },
    afterKill: async ({ index, child }) => {
      const round = `kill ${index + 1}`;
      let pendingDelete: string | undefined;
      let pendingCompaction = false;
      for (const line of child.lines) {
        const [op, ...rest] = line.split(' ');
        if (op === 'a') {
          alive.set(rest[0] as string, undefined);
          result.appendsAcknowledged += 1;
        } else if (op === 'f') {
          alive.set(rest[0] as string, rest[1]);
          result.appendsAcknowledged += 1;
        } else if (op === 'x') pendingDelete = rest[0];
        else if (op === 'd') {
          for (const id of rest.slice(1)) {
            alive.delete(id);
            deleted.add(id);
          }
          pendingDelete = undefined;
          result.deletesAcknowledged += 1;
        } else if (op === 'k') pendingCompaction = true;
        else if (op === 'c') {
          pendingCompaction = false;
          result.compactionsAcknowledged += 1;
        }
      }
      if (pendingDelete !== undefined) result.killedMidDelete += 1;
      if (pendingCompaction) result.killedMidCompaction += 1;
      result.kills += 1;

      keeper.beforeCheck(index + 1, child.lines, child.stderr);
      const check = createVaultService({ dir, keychain, scrypt: FAST_SCRYPT, rollAfterRecords: rollAfter });
      try {
        const { tornTails, present } = await reopenAfterKill(check, { method: 'keychain' }, round);
        result.tornTails += tornTails;

        if (pendingDelete !== undefined) {
          // One write carries the tombstones for the check-in and its follow-ups: all of them or none.
          const group = [pendingDelete, ...followUpsOf(pendingDelete)];
          const gone = group.filter((id) => !present.has(id));
          if (gone.length !== 0 && gone.length !== group.length) {
            throw new Error(`${round}: an interrupted delete took ${gone.length} of ${group.length} entries it covers`);
          }
          if (gone.length === group.length && !present.has(pendingDelete)) {
            result.midDeleteLanded += 1;
            for (const id of group) {
              alive.delete(id);
              deleted.add(id);
            }
          }
        }
        checkAcknowledged(round, present, alive.keys(), deleted);
        result.entriesAtEnd = present.size;
      } catch (error) {
        throw keeper.kept(error);
      } finally {
        await check.close();
      }
      result.strayTempFilesMax = Math.max(result.strayTempFilesMax, await strayFiles(dir));
      options.onProgress?.(index + 1, result);
    },
  });
  result.killedBeforeOpen = beforeOpen;
  return result;
};
