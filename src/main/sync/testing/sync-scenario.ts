import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import type { Entry } from '../../../shared/entry-schema';
import { seededRandom } from '../../insights/testing/history-generator';
import type { RecoveryWrap } from '../../vault/key-file';
import { createFakeKeychain, type FakeKeychain } from '../../vault/testing/fake-keychain';
import { checkIn, FAST_SCRYPT, followUp } from '../../vault/testing/vault-fixtures';
import { createVaultService, type VaultService } from '../../vault/vault-service';
import { SyncEngine, type SyncIdentity } from '../sync-engine';
import { AdversarialCopier, type CopierCounts, type Random } from './adversarial-copier';

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
}

export interface ScenarioResult {
  seed: number;
  devices: number;
  steps: number;
  acknowledged: number;
  deleted: number;
  entriesAtEnd: number;
  restarts: number;
  passes: number;
  settleRounds: number;
  copier: CopierCounts;
}

interface Computer {
  index: number;
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
    devices: deviceCount,
    steps,
    acknowledged: 0,
    deleted: 0,
    entriesAtEnd: 0,
    restarts: 0,
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
      syncRoot: replicas[computer.index] as string,
      localDir: `${computer.vaultDir}.sync`,
      identity: computer.identity,
      now: () => Date.now() + computer.skewMs,
    });

  // The first computer's history; the others are made around its data key (what linking does).
  let given: { dataKey: Buffer; keyId: string; check: { iv: string; tag: string }; recovery: RecoveryWrap } | undefined;
  for (let index = 0; index < deviceCount; index += 1) {
    const vaultDir = join(options.root, `computer-${index}`, 'vault');
    await mkdir(join(options.root, `computer-${index}`), { recursive: true });
    await mkdir(join(replicas[index] as string, 'devices'), { recursive: true });
    await mkdir(`${vaultDir}.sync`, { recursive: true });
    const keychain = createFakeKeychain();
    const vault = createVaultService({ dir: vaultDir, keychain, scrypt: FAST_SCRYPT });
    if (given) await vault.setup({ useKeychain: true, createRecoveryKey: false }, { ...given, dataKey: Buffer.from(given.dataKey) });
    else {
      const made = await vault.setup({ useKeychain: true, createRecoveryKey: true });
      await vault.keepRecoveryKey(made.recoveryKey as string);
      const { key, keyId, keyFile } = await vault.syncKey();
      given = { dataKey: key.export(), keyId, check: keyFile.check, recovery: keyFile.wraps.recovery as RecoveryWrap };
    }
    const { key, keyId } = await vault.syncKey();
    const identity: SyncIdentity = { vaultId, deviceId: hex(random), keyId, keys: new Map([[keyId, key]]) };
    const skewMs = Math.round((random() * 2 - 1) * 3_600_000);
    const partial = { index, vaultDir, keychain, vault, identity, skewMs, shown: new Set<string>(), gone: new Set<string>() };
    computers.push({ ...partial, engine: await startEngine(partial) });
  }
  const copier = new AdversarialCopier(
    random,
    replicas,
    new Map(computers.map((computer) => [computer.identity.deviceId, computer.index])),
  );

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
    await computer.vault.close();
    computer.vault = createVaultService({ dir: computer.vaultDir, keychain: computer.keychain, scrypt: FAST_SCRYPT });
    const status = await computer.vault.unlock({ method: 'keychain' });
    if (status.problems.length > 0) fail(`computer ${computer.index} reopened with problems ${JSON.stringify(status.problems)}`);
    const { key, keyId } = await computer.vault.syncKey();
    computer.identity = { ...computer.identity, keyId, keys: new Map([[keyId, key]]) };
    computer.engine = await startEngine(computer);
    result.restarts += 1;
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
      result.passes += 1;
      return `${computer.index} pass merged ${pass.merged} applied ${JSON.stringify(pass.appliedLocally)} published ${pass.published}`;
    }
    await restart(computer);
    return `${computer.index} restart`;
  };

  for (let step = 0; step < steps; step += 1) {
    const computer = computers[Math.floor(random() * computers.length)] as Computer;
    log.push(random() < 0.45 ? await copier.step() : await act(computer));
    for (const each of computers) await checkComputer(each);
  }

  // The sync tool catches up; passes run until a whole round changes nothing.
  for (let round = 1; ; round += 1) {
    if (round > 12) fail('still changing after 12 settle rounds');
    let changed = await copier.settle();
    for (const computer of computers) {
      const pass = await computer.engine.pass();
      result.passes += 1;
      changed += pass.merged + pass.published + pass.appliedLocally.deleted + pass.appliedLocally.put;
      log.push(`settle ${round}: ${computer.index} merged ${pass.merged} published ${pass.published}`);
    }
    for (const each of computers) await checkComputer(each);
    result.settleRounds = round;
    if (changed === 0) break;
  }

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
