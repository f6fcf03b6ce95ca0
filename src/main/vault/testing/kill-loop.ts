import { join } from 'node:path';

import { createVaultService } from '../vault-service';
import { createFakeKeychain } from './fake-keychain';
import { failureKeeper } from './keep-failed';
import { bundleChild, checkAcknowledged, reopenAfterKill, runKills } from './kill-harness';
import { FAST_SCRYPT } from './vault-fixtures';

/**
 * kill -9 fault injection, shared by the test suite (≥200 kills) and
 * `bench/stress.ts` (1000+). A child (append-child.ts) appends, deletes and
 * compacts in a loop and acknowledges each operation on stdout after it
 * resolved; the parent kills it with SIGKILL at a random moment, then opens
 * the vault itself and checks that every acknowledged entry is there and
 * every acknowledged delete is gone.
 *
 * Speed: starting Node costs ~100 ms, more than a whole iteration should. So
 * the harness always starts the next child ahead and it waits, fully loaded,
 * for "go" — start-up overlaps the current child's run and the parent's check.
 */
export interface KillLoopOptions {
  root: string;
  kills: number;
  rollAfterRecords?: number;
  /** Longest time a child runs after opening before it is killed. */
  maxWindowMs?: number;
  onProgress?: (done: number, result: KillLoopResult) => void;
}

export interface KillLoopResult {
  kills: number;
  killedBeforeOpen: number;
  /** Kills that landed between a delete's start and its acknowledgement (tombstone write or compaction). */
  killedMidDelete: number;
  appendsAcknowledged: number;
  deletesAcknowledged: number;
  tornTails: number;
  entriesAtEnd: number;
}

export const runKillLoop = async (options: KillLoopOptions): Promise<KillLoopResult> => {
  const dir = join(options.root, 'vault');
  const rollAfter = options.rollAfterRecords ?? 64;
  const keychain = createFakeKeychain();
  const fresh = createVaultService({ dir, keychain, scrypt: FAST_SCRYPT });
  await fresh.setup({ useKeychain: true, createRecoveryKey: false });
  await fresh.close();

  const alive = new Set<string>();
  const deleted = new Set<string>();
  const result: KillLoopResult = {
    kills: 0,
    killedBeforeOpen: 0,
    killedMidDelete: 0,
    appendsAcknowledged: 0,
    deletesAcknowledged: 0,
    tornTails: 0,
    entriesAtEnd: 0,
  };
  const keeper = failureKeeper(options.root, dir);
  await runKills({
    command: await bundleChild('append-child.ts', options.root),
    args: [dir, String(rollAfter)],
    kills: options.kills,
    maxWindowMs: options.maxWindowMs ?? 40,
    // Paced by the child's own progress (0-6 acknowledged appends), then the random window: a loaded
    // machine then still kills after and during acknowledged work, not ever earlier (the window is
    // real time, and a starved child gets less done in it).
    pace: { line: /^a /, count: () => Math.floor(Math.random() * 7) },
    afterKill: async ({ index, child, beforeOpen }) => {
      const round = `kill ${index + 1}`;
      result.kills += 1;
      if (beforeOpen) result.killedBeforeOpen += 1;
      const pending = new Set<string>();
      for (const line of child.lines) {
        const [op, id = ''] = line.split(' ');
        if (op === 'a') {
          alive.add(id);
          result.appendsAcknowledged += 1;
        } else if (op === 'x') pending.add(id);
        else if (op === 'd') {
          pending.delete(id);
          alive.delete(id);
          deleted.add(id);
          result.deletesAcknowledged += 1;
        }
      }
      if (pending.size > 0) result.killedMidDelete += 1;

      keeper.beforeCheck(index + 1, child.lines, child.stderr);
      const check = createVaultService({ dir, keychain, scrypt: FAST_SCRYPT, rollAfterRecords: rollAfter });
      try {
        const { tornTails, present } = await reopenAfterKill(check, { method: 'keychain' }, round);
        result.tornTails += tornTails;
        // A delete killed before its acknowledgement may or may not have happened; both are correct.
        for (const id of pending) if (!present.has(id)) alive.delete(id);
        checkAcknowledged(round, present, alive, deleted);
        result.entriesAtEnd = present.size;
      } catch (error) {
        throw keeper.kept(error);
      } finally {
        await check.close();
      }
      options.onProgress?.(index + 1, result);
    },
  });
  return result;
};
