import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { runCompactionKillLoop } from './testing/compaction-kill-loop';
import { createFakeKeychain } from './testing/fake-keychain';
import { failIfStalled, KILL_LOOP_BACKSTOP_MS } from './testing/stall-watchdog';
import { checkIn, makeVault, vaultDirIn } from './testing/vault-fixtures';

/**
 * kill -9 on the compaction path (issue 9, storage faults): a child deletes
 * and compacts in a loop and is killed at random moments, mostly inside a
 * roll; after each kill the vault must hold every acknowledged entry, no
 * acknowledged delete may come back, an interrupted delete must have taken its
 * follow-ups with it or left them all, and no temp file of a killed roll may
 * survive the next open. `npx tsx bench/stress.ts --kills 1000` runs it longer.
 */
let root: string;
const tempDir = useTempDirs();
beforeEach(() => {
  root = tempDir('attune-crash-compaction-');
});

describe('SIGKILL during delete and compaction', () => {
  it('loses no acknowledged entry and revives no acknowledged delete over 50 kills', { timeout: KILL_LOOP_BACKSTOP_MS }, async () => {
    const result = await failIfStalled((onProgress) => runCompactionKillLoop({ root, kills: 50, onProgress }));
    console.info(`compaction kill loop: ${JSON.stringify(result)}`);
    expect(result.kills).toBe(50);
    // Most kills land inside a delete or a compaction, so the roll really is what is being cut.
    expect(result.killedMidDelete + result.killedMidCompaction).toBeGreaterThan(20);
    expect(result.deletesAcknowledged).toBeGreaterThan(25);
    expect(result.strayTempFilesMax).toBe(0);
    expect(result.entriesAtEnd).toBeGreaterThan(0);
  });

  it('the next open removes what a roll or rewrap killed before its rename left behind, and nothing else', async () => {
    const keychain = createFakeKeychain();
    const vault = makeVault(root, { keychain });
    await vault.setup({ useKeychain: true, createRecoveryKey: false });
    const kept = await vault.append(checkIn('kept'));
    const gone = await vault.append(checkIn('deleted, and its bytes must not linger'));
    await vault.close();
    const dir = vaultDirIn(root);
    // What a roll killed after writing its temp file looks like: a full snapshot that still holds the entry about to be deleted.
    await copyFile(join(dir, 'snapshot.bin'), join(dir, '.snapshot.bin.0123456789ab.tmp'));
    await copyFile(join(dir, 'vault.json'), join(dir, '.vault.json.ba9876543210.tmp'));
    await writeFile(join(dir, '.someone-elses.tmp'), 'not ours');
    const live = { snapshot: await readFile(join(dir, 'snapshot.bin')), keyFile: await readFile(join(dir, 'vault.json')) };

    const again = makeVault(root, { keychain });
    expect(await again.status()).toMatchObject({ state: 'locked' });
    expect((await readdir(dir)).sort()).toEqual(['.someone-elses.tmp', 'journal.log', 'snapshot.bin', 'vault.json']);
    expect(await readFile(join(dir, 'snapshot.bin'))).toEqual(live.snapshot);
    expect(await readFile(join(dir, 'vault.json'))).toEqual(live.keyFile);
    await again.unlock({ method: 'keychain' });
    expect(await again.delete(gone.id)).toEqual({ deletedIds: [gone.id], compacted: true });
    expect((await again.list({ limit: 10 })).entries.map((entry) => entry.id)).toEqual([kept.id]);
    await again.close();
  });
});
