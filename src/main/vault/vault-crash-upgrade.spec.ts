import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { failIfStalled, KILL_LOOP_BACKSTOP_MS } from './testing/stall-watchdog';
import { runUpgradeKillLoop } from './testing/upgrade-kill-loop';

/**
 * kill -9 while a version-1 vault is rewritten as version 2 (issue 14): the
 * upgrade is a roll, so a kill leaves the old files, the new snapshot with the
 * old journal (seqs it already holds), or the finished vault; each opens with
 * every entry and no problem. vault-upgrade.spec.ts stops the same upgrade at
 * every single file call in process; this runs it in real processes.
 */
const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'testing', 'v1-vault');
let root: string;
const tempDir = useTempDirs();
beforeEach(() => {
  root = tempDir('attune-crash-upgrade-');
});

describe('SIGKILL during the upgrade to format version 2', () => {
  it('the vault opens with every entry and no problem after each of 40 kills', { timeout: KILL_LOOP_BACKSTOP_MS }, async () => {
    const result = await failIfStalled((onProgress) => runUpgradeKillLoop({ root, fixture: FIXTURE, kills: 40, onProgress }));
    console.info(`upgrade kill loop: ${JSON.stringify(result)}`);
    expect(result.kills).toBe(40);
    // Kills fell on both sides of the roll's rename: some left the version-1 files, some the upgraded ones.
    expect(result.v1).toBeGreaterThan(0);
    expect(result.v2).toBeGreaterThan(0);
    expect(result.v1 + result.v2).toBe(40);
    expect(result.strayTempFilesMax).toBe(0);
  });
});
