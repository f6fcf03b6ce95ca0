import { beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { runRekeyKillLoop } from './testing/rekey-kill-loop';
import { failIfStalled, KILL_LOOP_BACKSTOP_MS } from './testing/stall-watchdog';

/**
 * kill -9 during a re-key (issue 14): a child re-keys a vault of check-ins,
 * follow-ups and deletes and is killed at random moments; each time exactly
 * one of the old and the new passphrase opens it (the new one once the
 * re-key was acknowledged), with every live entry, no deleted one, no
 * problem and nothing left staged. vault-rekey.spec.ts stops the same path
 * before each of its file calls in process; this runs it in real processes.
 */
let root: string;
const tempDir = useTempDirs();
beforeEach(() => {
  root = tempDir('attune-crash-rekey-');
});

describe('SIGKILL during a re-key', () => {
  it('opens with the old or the new passphrase and loses nothing, over 40 kills', { timeout: KILL_LOOP_BACKSTOP_MS }, async () => {
    const result = await failIfStalled((onProgress) => runRekeyKillLoop({ root, kills: 40, onProgress }));
    console.info(`rekey kill loop: ${JSON.stringify(result)}`);
    expect(result.kills).toBe(40);
    // Kills fell on both sides of the commit point.
    expect(result.old).toBeGreaterThan(0);
    expect(result.new).toBeGreaterThan(0);
    expect(result.strayFilesMax).toBe(0);
  });
});
