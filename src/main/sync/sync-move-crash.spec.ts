import { beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { failIfStalled, KILL_LOOP_BACKSTOP_MS } from '../vault/testing/stall-watchdog';
import { runSyncMoveKillLoop } from './testing/sync-move-kill-loop';

/**
 * kill -9 while moving to a new device id (docs/sync-format.md §4.3): a
 * computer on another machine, or restored from a backup while its newer self
 * went on, is killed at random moments — taking its new id, finishing the
 * move at its engine's start, and after — and after each kill the next start
 * finishes the move, keeps every acknowledged entry, brings back no deleted
 * one, writes nothing more as the old id, and agrees with the other computer.
 */
let root: string;
const tempDir = useTempDirs();
beforeEach(() => {
  root = tempDir('attune-crash-move-');
});

describe('SIGKILL while moving to a new device id', () => {
  it('finishes the move and loses nothing after each of 30 kills', { timeout: KILL_LOOP_BACKSTOP_MS }, async () => {
    const result = await failIfStalled((onProgress) => runSyncMoveKillLoop({ root, kills: 30, onProgress }));
    console.info(`sync move kill loop: ${JSON.stringify(result)}`);
    expect(result.kills).toBe(30);
    expect(result.anotherMachine).toBe(15);
    expect(result.restoredBackup).toBe(15);
    expect(result.idsTaken).toBe(30);
    // Kills fell during the move and after it.
    expect(result.beforeLinked + result.whileStarting).toBeGreaterThan(0);
    expect(result.afterMerged).toBeGreaterThan(0);
  });
});
