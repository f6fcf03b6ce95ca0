import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import type { Entry } from '../../../shared/entry-schema';
import { seededRandom } from '../../insights/testing/history-generator';
import type { FakeKeychain } from '../../vault/testing/fake-keychain';
import { checkIn, FAST_SCRYPT, followUp } from '../../vault/testing/vault-fixtures';
import { createVaultService, type VaultService } from '../../vault/vault-service';
import { SyncEngine, type SyncIdentity } from '../sync-engine';
import { AdversarialCopier, type CopierCounts, type Random } from './adversarial-copier';
import { copyDataDir, type Given, makeComputer } from './sync-computers';

/**
 * Two or three computers, each with its own data dir and its own replica of
 * one sync folder, driven by one seed: people check in, answer follow-ups,
 * delete, passes run, computers restart, and between them the adversarial
 * copier moves files as badly as a sync tool can. Then the copier settles
 * and passes run until nothing changes. The properties (issue 18) are
 * checked at every step and at the end; a failure names the seed and the
 * last steps, and `SEED=n` replays one.
 */
export interface ScenarioOptions {
  root: string;
  seed: number;
  devices?: number;
  steps?: number;
  /**
   * Copies of a whole data dir mid-run (§4.3, §10 "Clone and restore"):
   * `clone` copies computer 0 into a new computer that runs beside it
   * through the same replica; `restore` puts back an older copy of computer
   * 1's data dir in place of the current one. Exactly one install of each
   * pair must move to a new id, nothing acknowledged may be lost, and no
   * fork may stay held.
   */
  copies?: 'clone' | 'restore' | 'both';
  /** The clone syncs through its own copy of the folder (a cloned VM), with a two-way tool between it and the original's. */
  cloneReplica?: 'shared' | 'own';
}

export interface ScenarioResult {
  seed: number;
  copies: ScenarioOptions['copies'];
  devices: number;
  steps: number;
  acknowledged: number;
  deleted: number;
  entriesAtEnd: number;
  restarts: number;
  /** Installs that moved to a new device id (§4.3), by the old id. */
  moves: number;
  /** The most segments one pass reported held as forks (§7.1) on the way: > 0 when two copies really forked. */
  forksHeld: number;
  passes: number;
  settleRounds: number;
  copier: CopierCounts;
}

interface Computer {
  index: number;
  /** Which replica of the sync folder it reads and writes (a clone shares its original's). */
  replica: number;
  dataDir: string;
  vaultDir: string;
  keychain: FakeKeychain;
  vault: VaultService;
  engine: SyncEngine;
  identity: SyncIdentity;
  /** This computer's clock is off by this much (±1 h). */
  skewMs: number;
  /** Every id this computer has shown. */
  shown: Set<string>;
  /** Deleted ids this computer showed and then stopped showing: they must never come back here. */
  gone: Set<string>;
  /** Old device ids this install moved away from. */
  movedFrom: string[];
}

const hex = (random: Random, length = 32): string => Array.from({ length }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');

export const runScenario = async (options: ScenarioOptions): Promise<ScenarioResult> => {
  const random = seededRandom(options.seed);
  const deviceCount = options.devices ?? 2 + Math.floor(random() * 2);
  const steps = options.steps ?? 60;
  const log: string[] = [];
  const fail = (message: string): never => {
    throw new Error(`seed ${options.seed}: ${message}\nlast steps:\n  ${log.slice(-25).join('\n  ')}`);
  };
  const vaultId = hex(random);
  const replicas = Array.from({ length: deviceCount }, (_, index) => join(options.root, `F${index}`, 'attune-sync'));
  const computers: Computer[] = [];
  const result: ScenarioResult = {
    seed: options.seed,
    copies: options.copies,
    devices: deviceCount,
    steps,
    acknowledged: 0,
    deleted: 0,
    entriesAtEnd: 0,
    restarts: 0,
    moves: 0,
    forksHeld: 0,
    passes: 0,
    settleRounds: 0,
    copier: undefined as unknown as CopierCounts,
  };

  /** Every entry whose append resolved, and every id whose delete resolved (with the follow-ups it took). */
  const acknowledged = new Map<string, Entry>();
  const deleted = new Set<string>();

  const startEngine = async (computer: Omit<Computer, 'engine'>): Promise<SyncEngine> =>
    SyncEngine.start({
      vault: computer.vault,
      syncRoot: replicas[computer.replica] as string,
      localDir: `${computer.vaultDir}.sync`,
      identity: computer.identity,
      now: () => Date.now() + computer.skewMs,
    });

  // The first computer's history; the others are made around its data key (what linking does).
  let given: Given | undefined;
  for (let index = 0; index < deviceCount; index += 1) {
    const dataDir = join(options.root, `computer-${index}`);
    const made = await makeComputer(dataDir, replicas[index] as string, vaultId, given, hex(random));
    given = made.given;
    const { vaultDir, keychain, vault, identity } = made.computer;
    const skewMs = Math.round((random() * 2 - 1) * 3_600_000);
    const partial = {
      index,
      replica: index,
      dataDir,
      vaultDir,
      keychain,
      vault,
      identity,
      skewMs,
      shown: new Set<string>(),
      gone: new Set<string>(),
      movedFrom: [],
    };
    computers.push({ ...partial, engine: await startEngine(partial) });
  }
  // Which replica each device id is written from; a device id made by a move joins it (noticeMoves).
  const owners = new Map(computers.map((computer) => [computer.identity.deviceId, computer.replica]));
  const copier = new AdversarialCopier(random, replicas, owners);

  /** After anything an engine did: a move to a new id is counted, and the copier learns where the new id is written. */
  const noticeMoves = (computer: Computer): void => {
    const moved = computer.engine.movedFrom;
    if (moved !== undefined && !computer.movedFrom.includes(moved)) {
      computer.movedFrom.push(moved);
      result.moves += 1;
      log.push(`${computer.index} moved ${moved.slice(0, 6)} → ${computer.engine.deviceId.slice(0, 6)}`);
    }
    computer.identity = { ...computer.identity, deviceId: computer.engine.deviceId };
    if (!owners.has(computer.engine.deviceId)) owners.set(computer.engine.deviceId, computer.replica);
  };

  const expected = (): Map<string, Entry> => {
    const live = new Map<string, Entry>();
    for (const [id, entry] of acknowledged) {
      if (deleted.has(id)) continue;
      // Rule 2: a follow-up answering a deleted check-in goes with it, wherever it was written.
      if (entry.kind === 'follow-up' && deleted.has(entry.data.checkInId)) continue;
      live.set(id, entry);
    }
    return live;
  };

  /** After every step: nothing a computer saw deleted comes back there, and its vault holds nothing unknown. */
  const checkComputer = async (computer: Computer): Promise<void> => {
    const listed = await computer.vault.entries();
    const ids = new Set(listed.map((entry) => entry.id));
    for (const id of computer.gone) if (ids.has(id)) fail(`computer ${computer.index} shows ${id} again after it was deleted there`);
    // Once this computer has shown an entry and stopped showing it because it was deleted, it never shows it again.
    for (const id of computer.shown) if (!ids.has(id) && deleted.has(id)) computer.gone.add(id);
    for (const id of ids) computer.shown.add(id);
    for (const entry of listed) {
      const known = acknowledged.get(entry.id);
      if (known === undefined) fail(`computer ${computer.index} shows ${entry.id}, which nobody saved`);
    }
  };

  const restart = async (computer: Computer): Promise<void> => {
    await computer.engine.idle();
    noticeMoves(computer);
    await computer.vault.close();
    computer.vault = createVaultService({ dir: computer.vaultDir, keychain: computer.keychain, scrypt: FAST_SCRYPT });
    const status = await computer.vault.unlock({ method: 'keychain' });
    if (status.problems.length > 0) fail(`computer ${computer.index} reopened with problems ${JSON.stringify(status.problems)}`);
    const { key, keyId } = await computer.vault.syncKey();
    computer.identity = { ...computer.identity, keyId, keys: new Map([[keyId, key]]) };
    computer.engine = await startEngine(computer);
    noticeMoves(computer);
    result.restarts += 1;
  };

  const copyPlan = {
    clone: options.copies === 'clone' || options.copies === 'both' ? Math.floor(steps / 3) : -1,
    snapshot: options.copies === 'restore' || options.copies === 'both' ? Math.floor(steps / 6) : -1,
    restore: options.copies === 'restore' || options.copies === 'both' ? Math.floor((steps * 2) / 3) : -1,
  };
  const snapshotDir = join(options.root, 'backup-of-1');
  let clone: Computer | undefined;
  let snapshotId = '';

  const note = async (computer: Computer, text: string): Promise<void> => {
    const entry = await computer.engine.append(checkIn(`seed ${options.seed} on ${computer.index}: ${text}`));
    acknowledged.set(entry.id, entry);
    noticeMoves(computer);
  };

  /** A disk clone of computer 0 starts beside it; both then write (the second writer finds the first in its folder). */
  const cloneComputer = async (): Promise<string> => {
    const original = computers[0] as Computer;
    await original.engine.idle();
    const index = computers.length;
    const dataDir = join(options.root, `computer-${index}`);
    await copyDataDir(original.dataDir, dataDir);
    let replica = original.replica;
    if (options.cloneReplica === 'own') {
      replica = replicas.length;
      replicas.push(join(options.root, `F${replica}`, 'attune-sync'));
      await copyDataDir(replicas[original.replica] as string, replicas[replica] as string);
      await copier.shareDevice(original.identity.deviceId, replica);
    }
    const vaultDir = join(dataDir, 'vault');
    const vault = createVaultService({ dir: vaultDir, keychain: original.keychain, scrypt: FAST_SCRYPT });
    const status = await vault.unlock({ method: 'keychain' });
    if (status.problems.length > 0) fail(`the clone opened with problems ${JSON.stringify(status.problems)}`);
    const partial = {
      ...original,
      index,
      replica,
      dataDir,
      vaultDir,
      vault,
      identity: { ...original.identity },
      shown: new Set(original.shown),
      gone: new Set(original.gone),
      movedFrom: [],
    };
    clone = { ...partial, engine: await startEngine(partial) };
    computers.push(clone);
    await note(original, 'the original after the clone');
    await note(clone, 'the clone');
    return `clone 0 as ${index}`;
  };

  /** The data dir of computer 1 as a backup takes it; one more entry after it, so the backup is older than the folder. */
  const snapshotComputer = async (): Promise<string> => {
    const computer = computers[1] as Computer;
    await computer.engine.idle();
    await copyDataDir(computer.dataDir, snapshotDir);
    snapshotId = computer.engine.deviceId;
    await note(computer, 'after the backup');
    return 'backup of 1';
  };

  /** The backup replaces computer 1's data dir (its sync folder replica stays as it is now) and starts. */
  const restoreComputer = async (): Promise<string> => {
    const computer = computers[1] as Computer;
    // Everything it acknowledged is in its replica before its data dir goes (§7.3 would not run again: own/ goes with it).
    await computer.engine.pass();
    await computer.engine.idle();
    await computer.vault.close();
    await copyDataDir(snapshotDir, computer.dataDir);
    computer.vault = createVaultService({ dir: computer.vaultDir, keychain: computer.keychain, scrypt: FAST_SCRYPT });
    const status = await computer.vault.unlock({ method: 'keychain' });
    if (status.problems.length > 0) fail(`the restored computer opened with problems ${JSON.stringify(status.problems)}`);
    // A restored backup shows what it held until its first pass: what was deleted since may show again until then.
    computer.shown = new Set();
    computer.gone = new Set();
    // The backup's own/ is its id's at the time it was taken.
    computer.identity = { ...computer.identity, deviceId: snapshotId };
    computer.engine = await startEngine(computer);
    noticeMoves(computer);
    await computer.engine.pass();
    return 'restore 1 from its backup';
  };

  const act = async (computer: Computer): Promise<string> => {
    const roll = random();
    const live = [...(await computer.vault.entries())];
    if (roll < 0.3) {
      const entry = await computer.engine.append(checkIn(`seed ${options.seed} on ${computer.index}`));
      acknowledged.set(entry.id, entry);
      return `${computer.index} check-in ${entry.id.slice(0, 6)}`;
    }
    if (roll < 0.42) {
      const target = live.filter((entry) => entry.kind === 'check-in');
      const checkInEntry = target[Math.floor(random() * target.length)];
      if (!checkInEntry) return `${computer.index} follow-up: no check-in`;
      const entry = await computer.engine.append(followUp(checkInEntry.id));
      acknowledged.set(entry.id, entry);
      return `${computer.index} follow-up ${entry.id.slice(0, 6)} to ${checkInEntry.id.slice(0, 6)}`;
    }
    if (roll < 0.52) {
      const target = live[Math.floor(random() * live.length)];
      if (!target) return `${computer.index} delete: nothing`;
      const { deletedIds } = await computer.engine.delete(target.id);
      for (const id of deletedIds) deleted.add(id);
      return `${computer.index} delete ${deletedIds.map((id) => id.slice(0, 6)).join(',')}`;
    }
    if (roll < 0.9) {
      const pass = await computer.engine.pass();
      noticeMoves(computer);
      result.forksHeld = Math.max(
        result.forksHeld,
        pass.devices.reduce((sum, device) => sum + device.held, 0),
      );
      result.passes += 1;
      return `${computer.index} pass merged ${pass.merged} applied ${JSON.stringify(pass.appliedLocally)} published ${pass.published}`;
    }
    await restart(computer);
    return `${computer.index} restart`;
  };

  for (let step = 0; step < steps; step += 1) {
    if (step === copyPlan.clone) log.push(await cloneComputer());
    if (step === copyPlan.snapshot) log.push(await snapshotComputer());
    if (step === copyPlan.restore) log.push(await restoreComputer());
    const computer = computers[Math.floor(random() * computers.length)] as Computer;
    log.push(random() < 0.45 ? await copier.step() : await act(computer));
    noticeMoves(computer);
    for (const each of computers) await checkComputer(each);
  }

  // The sync tool catches up; passes run until a whole round changes nothing.
  let held = 0;
  for (let round = 1; ; round += 1) {
    if (round > 12) fail('still changing after 12 settle rounds');
    let changed = await copier.settle();
    held = 0;
    for (const computer of computers) {
      const pass = await computer.engine.pass();
      noticeMoves(computer);
      held += pass.devices.reduce((sum, device) => sum + device.held, 0);
      result.passes += 1;
      changed += pass.merged + pass.published + pass.appliedLocally.deleted + pass.appliedLocally.put;
      log.push(`settle ${round}: ${computer.index} merged ${pass.merged} published ${pass.published}`);
    }
    for (const each of computers) await checkComputer(each);
    result.settleRounds = round;
    if (changed === 0) break;
  }

  if (held > 0) fail(`${held} segments still held as forks after settling`);
  if (clone) {
    const movers = [computers[0] as Computer, clone].filter((computer) => computer.movedFrom.length > 0);
    if (movers.length !== 1) fail(`${movers.length} of the clone and its original moved to a new id`);
  }
  if (copyPlan.restore >= 0 && (computers[1] as Computer).movedFrom.length !== 1)
    fail(`the restored computer moved ${(computers[1] as Computer).movedFrom.length} times`);
  const want = expected();
  for (const computer of computers) {
    const listed = await computer.vault.entries();
    const got = new Map(listed.map((entry) => [entry.id, entry]));
    for (const [id, entry] of want) {
      const there = got.get(id);
      if (!there) fail(`computer ${computer.index} lacks acknowledged entry ${id}`);
      else if (!isDeepStrictEqual(there, entry)) fail(`computer ${computer.index} holds ${id} otherwise`);
    }
    for (const id of got.keys()) if (!want.has(id)) fail(`computer ${computer.index} still shows ${id}, which was deleted`);
  }
  // Every vault opens clean from its files after all of it.
  for (const computer of computers) {
    await restart(computer);
    if ((await computer.vault.entries()).length !== want.size) fail(`computer ${computer.index} reopened with another history`);
    await computer.engine.idle();
    await computer.vault.close();
  }
  result.acknowledged = acknowledged.size;
  result.deleted = deleted.size;
  result.entriesAtEnd = want.size;
  result.copier = copier.counts;
  return result;
};
