import { copyFile, cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import type { Entry } from '../../../shared/entry-schema';
import { createVaultService, type VaultService } from '../vault-service';
import { createFakeKeychain } from './fake-keychain';
import { failureKeeper } from './keep-failed';
import { bundleChild, killChild, spawnChild, strayFiles } from './kill-harness';
import { byId, checkIn, followUp, keyIdIn } from './vault-fixtures';

/**
 * kill -9 during a re-key (issue 14): a vault with check-ins, follow-ups and
 * deletes is set up once; each round copies it afresh (with its mark), starts
 * a child that unlocks it and re-keys it from the old passphrase to the new
 * one, and kills the child after a random delay drawn over the time a child
 * has been seen to need. The parent then opens the vault itself: exactly one
 * of the two passphrases must open it (the new one once the child said
 * "rekeyed"), with no problem, every live entry, no deleted one, and nothing
 * staged or temporary left beside it.
 */
export interface RekeyLoopOptions {
  root: string;
  kills: number;
  /** Check-ins in the vault (each with a follow-up; every fifth deleted). */
  checkIns?: number;
  onProgress?: (done: number) => void;
}

export interface RekeyLoopResult {
  kills: number;
  /** Rounds that left the old key in force, and the new. */
  old: number;
  new: number;
  /** Kills after the child acknowledged the re-key. */
  afterAcknowledged: number;
  /** Kills before the child had unlocked (the re-key had not begun). */
  beforeOpen: number;
  strayFilesMax: number;
  entries: number;
}

const OLD = 'old passphrase from a card';
const NEW = 'new passphrase, freshly made';
const SCRYPT = { N: 2 ** 10, r: 8, p: 1 };
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

const buildFixture = async (dir: string, checkIns: number): Promise<{ live: Entry[]; deleted: string[] }> => {
  const vault = createVaultService({ dir, keychain: createFakeKeychain(), scrypt: SCRYPT, rollAfterRecords: 1e6 });
  try {
    const setup = await vault.setup({ passphrase: OLD, useKeychain: true, createRecoveryKey: true });
    await vault.keepRecoveryKey(setup.recoveryKey as string);
    const deleted: string[] = [];
    for (let index = 0; index < checkIns; index += 1) {
      const saved = await vault.append(checkIn(`check-in ${index}`));
      await vault.append(followUp(saved.id));
      if (index % 5 === 4) deleted.push(...(await vault.delete(saved.id)).deletedIds);
    }
    // Some records left in the journal, so the re-key also folds a journal into its snapshot.
    for (let index = 0; index < 5; index += 1) await vault.append(checkIn(`in the journal ${index}`));
    return { live: byId(await vault.entries()), deleted };
  } finally {
    await vault.close();
  }
};

/** Opens with `passphrase`, or answers undefined when it is the wrong one. */
const tryOpen = async (dir: string, passphrase: string): Promise<VaultService | undefined> => {
  const vault = createVaultService({ dir, keychain: createFakeKeychain(), scrypt: SCRYPT });
  try {
    await vault.unlock({ method: 'passphrase', passphrase });
    return vault;
  } catch (error) {
    await vault.close();
    if ((error as { code?: string }).code === 'wrong-passphrase') return undefined;
    throw error;
  }
};

export const runRekeyKillLoop = async (options: RekeyLoopOptions): Promise<RekeyLoopResult> => {
  const dir = join(options.root, 'vault');
  const fixture = join(options.root, 'fixture');
  const { live, deleted } = await buildFixture(fixture, options.checkIns ?? 60);
  const oldKeyId = await keyIdIn(fixture);
  const result: RekeyLoopResult = { kills: 0, old: 0, new: 0, afterAcknowledged: 0, beforeOpen: 0, strayFilesMax: 0, entries: live.length };
  const keeper = failureKeeper(options.root, dir);
  const command = await bundleChild('rekey-child.ts', options.root);
  // How long "open" to "rekeyed" takes here, learned from the first round (run to its end) and every acknowledged one.
  let rekeyMs: number | undefined;
  for (let index = 0; index < options.kills; index += 1) {
    await rm(dir, { recursive: true, force: true });
    await cp(fixture, dir, { recursive: true });
    await copyFile(`${fixture}.mark`, `${dir}.mark`);
    const child = spawnChild(command, [dir, OLD, NEW]);
    await child.ready;
    let openedAt: number | undefined;
    void child.opened.then(() => (openedAt = performance.now()));
    child.proc.stdin.write('go\n');
    if (rekeyMs === undefined) {
      while (!child.lines.includes('rekeyed') && child.proc.exitCode === null) await sleep(2);
      rekeyMs = Math.max(5, performance.now() - (openedAt ?? performance.now()));
    } else if (Math.random() < 0.1) {
      // Some kills anywhere from start-up: during the lock take-over and the unlock.
      await sleep(Math.random() * 20);
    } else {
      await child.opened;
      const window = rekeyMs;
      const watch = setInterval(() => {
        if (child.lines.includes('rekeyed') && openedAt !== undefined) {
          rekeyMs = Math.max(5, 0.8 * window + 0.2 * (performance.now() - openedAt));
          clearInterval(watch);
        }
      }, 2);
      await sleep(window * Math.random() * 1.4);
      clearInterval(watch);
    }
    const opened = openedAt !== undefined;
    await killChild(child, index + 1);
    result.kills += 1;
    const acknowledged = child.lines.includes('rekeyed');
    if (acknowledged) result.afterAcknowledged += 1;
    if (!opened) result.beforeOpen += 1;

    keeper.beforeCheck(index + 1, child.lines, child.stderr);
    try {
      const rekeyed = (await keyIdIn(dir)) !== oldKeyId;
      if (acknowledged && !rekeyed) throw new Error(`kill ${index + 1}: the re-key was acknowledged but vault.json names the old key`);
      // The passphrase that must not open it is tried first: exactly one of the two opens the vault, never both, never neither.
      const wrong = await tryOpen(dir, rekeyed ? OLD : NEW);
      if (wrong) {
        await wrong.close();
        throw new Error(`kill ${index + 1}: the ${rekeyed ? 'old' : 'new'} passphrase opened the vault`);
      }
      const check = await tryOpen(dir, rekeyed ? NEW : OLD);
      if (!check) throw new Error(`kill ${index + 1}: the ${rekeyed ? 'new' : 'old'} passphrase did not open the vault`);
      try {
        const status = await check.status();
        if (status.problems.length > 0) throw new Error(`kill ${index + 1}: problems ${JSON.stringify(status.problems)}`);
        const got = byId(await check.entries());
        if (!isDeepStrictEqual(got, live)) throw new Error(`kill ${index + 1}: ${got.length} entries read back, ${live.length} expected`);
        for (const id of deleted) if (await check.get(id)) throw new Error(`kill ${index + 1}: deleted entry ${id} is back`);
      } finally {
        await check.close();
      }
      result[rekeyed ? 'new' : 'old'] += 1;
    } catch (error) {
      throw keeper.kept(error);
    }
    result.strayFilesMax = Math.max(result.strayFilesMax, await strayFiles(dir, /^snapshot-/));
    options.onProgress?.(index + 1);
  }
  return result;
};
