import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import type { Entry } from '../../../shared/entry-schema';
import { createVaultService } from '../vault-service';
import { createFakeKeychain } from './fake-keychain';
import { failureKeeper } from './keep-failed';
import { bundleChild, killChild, spawnChild, strayFiles } from './kill-harness';
import { byId } from './vault-fixtures';

/**
 * kill -9 during the upgrade of a version-1 vault: each round copies the
 * fixture (testing/v1-vault) afresh, starts a child that unlocks it (the
 * unlock rolls it into version 2) and kills it after a random delay around
 * when the roll's rename was last seen to happen, so kills fall before, inside
 * and after the roll. The parent then opens the vault itself: no problem may
 * be reported, every entry must be there, and no temp file may outlive it.
 *
 * The rename time is learned from what every kill left on disk, not only from
 * children that lived to say "open": on a loaded machine a child can need ten
 * times longer than on an idle one, and an estimate fed only by finished
 * children never grows once every kill lands early (CI saw 40 of 40 before the
 * rename). The first round runs to "open" to start the estimate.
 */
export interface UpgradeLoopOptions {
  root: string;
  fixture: string;
  kills: number;
  onProgress?: (done: number) => void;
}

export interface UpgradeLoopResult {
  kills: number;
  /** What the kills left on disk, by snapshot version and journal state. */
  states: Record<string, number>;
  /** Kills that left the snapshot still version 1 (before the roll's rename), and already version 2. */
  v1: number;
  v2: number;
  /** Kills that left a temp file of the roll behind: cut after the upgrade began, before its rename. */
  staged: number;
  strayTempFilesMax: number;
  /** Entries the vault holds (the fixture's), read back after every kill. */
  entriesAtEnd: number;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

export const runUpgradeKillLoop = async (options: UpgradeLoopOptions): Promise<UpgradeLoopResult> => {
  const dir = join(options.root, 'vault');
  const keychain = createFakeKeychain();
  const scrypt = { N: 2 ** 10, r: 8, p: 1 };
  const want = byId(JSON.parse(await readFile(join(options.fixture, 'entries.json'), 'utf8')) as Entry[]);
  const result: UpgradeLoopResult = { kills: 0, states: {}, v1: 0, v2: 0, staged: 0, strayTempFilesMax: 0, entriesAtEnd: want.length };
  const keeper = failureKeeper(options.root, dir);
  const command = await bundleChild('upgrade-child.ts', options.root);
  // When, after "go", the roll's rename happens here: started by the first round, then nudged by every kill.
  let renameMs: number | undefined;
  for (let index = 0; index < options.kills; index += 1) {
    // A fresh copy each round, without the last round's high-water mark (which would rightly call it older).
    await rm(dir, { recursive: true, force: true });
    await rm(`${dir}.mark`, { force: true });
    await cp(options.fixture, dir, { recursive: true, filter: (source) => !source.endsWith('entries.json') });
    const child = spawnChild(command, [dir]);
    await child.ready;
    const started = performance.now();
    child.proc.stdin.write('go\n');
    let delay: number | undefined;
    if (renameMs === undefined) {
      await child.opened;
      renameMs = Math.max(5, 0.8 * (performance.now() - started));
    } else {
      // Mostly around the rename, some anywhere from start-up.
      delay = renameMs * (Math.random() < 0.2 ? Math.random() * 1.3 : 0.5 + Math.random());
      await sleep(delay);
    }
    await killChild(child, index + 1);
    result.kills += 1;

    const snapshot = (await readFile(join(dir, 'snapshot.bin'))).subarray(0, 8).toString('ascii');
    const journal = (await readFile(join(dir, 'journal.log'), 'latin1')).slice(0, 2);
    const state = `${snapshot}, journal ${journal || 'empty'}`;
    result.states[state] = (result.states[state] ?? 0) + 1;
    if (snapshot === 'ATSNAP01') result.v1 += 1;
    else if (snapshot === 'ATSNAP02') result.v2 += 1;
    else throw new Error(`kill ${index + 1}: snapshot.bin starts ${JSON.stringify(snapshot)}, neither version`);
    // Early kills say the rename comes later, late ones that it came sooner: equal steps up and down keep the
    // estimate where about half the aimed kills land on each side, whatever the machine's load does.
    if (delay !== undefined && delay >= 0.5 * renameMs) renameMs = snapshot === 'ATSNAP01' ? renameMs * 1.2 : Math.max(2, renameMs / 1.2);
    if ((await strayFiles(dir)) > 0) result.staged += 1;

    keeper.beforeCheck(index + 1, child.lines, child.stderr);
    const check = createVaultService({ dir, keychain, scrypt });
    try {
      const status = await check.unlock({ method: 'keychain' });
      if (status.problems.length > 0) throw new Error(`kill ${index + 1} (${state}): problems ${JSON.stringify(status.problems)}`);
      const got = byId(await check.entries());
      if (!isDeepStrictEqual(got, want))
        throw new Error(`kill ${index + 1} (${state}): ${got.length} entries read back, ${want.length} expected`);
    } catch (error) {
      throw keeper.kept(error);
    } finally {
      await check.close();
    }
    result.strayTempFilesMax = Math.max(result.strayTempFilesMax, await strayFiles(dir));
    options.onProgress?.(index + 1);
  }
  return result;
};
