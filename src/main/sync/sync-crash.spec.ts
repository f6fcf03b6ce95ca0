import { beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { failIfStalled, KILL_LOOP_BACKSTOP_MS } from '../vault/testing/stall-watchdog';
import { runSyncKillLoop } from './testing/sync-kill-loop';

/**
 * kill -9 while publishing and while merging (issue 18): one computer is a
 * child process killed at random moments — mid-merge of the other's records
 * (the journal path, and the roll path for over 1024), mid-publish, mid-delete
 * — and after each kill its vault opens clean, holds everything it
 * acknowledged and nothing it acknowledged deleting, and both computers show
 * the same history once they pass. The loop caught publishing to the folder
 * before own/ (a reused seq the other computer then held as a fork).
 */
let root: string;
const tempDir = useTempDirs();
beforeEach(() => {
  root = tempDir('attune-crash-sync-');
});

describe('SIGKILL while publishing and merging', () => {
  it('loses nothing and converges after each of 25 kills', { timeout: KILL_LOOP_BACKSTOP_MS }, async () => {
    const result = await failIfStalled((onProgress) => runSyncKillLoop({ root, kills: 25, onProgress }));
    console.info(`sync kill loop: ${JSON.stringify(result)}`);
    expect(result.kills).toBe(25);
    // Kills fell mid-merge and after it, among acknowledged check-ins and deletes.
    expect(result.duringMerge).toBeGreaterThan(0);
    expect(result.kills - result.duringMerge - result.beforeOpen).toBeGreaterThan(0);
    expect(result.acknowledgedPuts).toBeGreaterThan(0);
    expect(result.entriesAtEnd).toBeGreaterThan(1_100);
  });
});
