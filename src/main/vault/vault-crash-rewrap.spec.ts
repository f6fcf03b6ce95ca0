import { beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { runRewrapKillLoop } from './testing/rewrap-kill-loop';
import { failIfStalled, KILL_LOOP_BACKSTOP_MS } from './testing/stall-watchdog';

/**
 * kill -9 on the passphrase-change path (issue 9, storage faults): a child
 * rewraps vault.json (and appends) in a loop and is killed at random moments;
 * after an acknowledged change only the new passphrase opens the vault, after
 * an unacknowledged one exactly one of old and new does (never neither:
 * nothing is lost), and every acknowledged entry is readable.
 * `npx tsx bench/stress.ts --kills 1000` runs it longer.
 */
let root: string;
const tempDir = useTempDirs();
beforeEach(() => {
  root = tempDir('attune-crash-rewrap-');
});

describe('SIGKILL during a passphrase change', () => {
  it(
    'the vault always opens with exactly one passphrase, the acknowledged one when there is one, over 50 kills',
    { timeout: KILL_LOOP_BACKSTOP_MS },
    async () => {
      const result = await failIfStalled((onProgress) => runRewrapKillLoop({ root, kills: 50, onProgress }));
      console.info(`rewrap kill loop: ${JSON.stringify(result)}`);
      expect(result.kills).toBe(50);
      // Most kills land inside a change (between "about to change" and its acknowledgement).
      expect(result.killedMidChange).toBeGreaterThan(20);
      expect(result.changesAcknowledged).toBeGreaterThan(10);
      expect(result.appendsAcknowledged).toBeGreaterThan(5);
      expect(result.strayTempFilesMax).toBe(0);
    },
  );
});
