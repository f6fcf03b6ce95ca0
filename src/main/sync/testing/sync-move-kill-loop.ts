import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { nodeFs } from '../../fs/fs-port';
import { bundleChild, checkAcknowledged, reopenAfterKill, runKills } from '../../vault/testing/kill-harness';
import { checkIn } from '../../vault/testing/vault-fixtures';
import { createVaultService, type VaultService } from '../../vault/vault-service';
import { readDeviceInfo } from '../device-file';
import { listRetired } from '../device-move';
import { foldMoved, type MovedFrom } from '../moved-ids';
import { type OpenedLink, openLink } from '../open-link';
import { SyncEngine } from '../sync-engine';
import { setUpSync } from '../sync-link';
import { createLedger, sameHistory } from './acknowledged-ledger';
import { copyDataDir, makeComputer, newVaultId, startEngine } from './sync-computers';

/**
 * kill -9 while a computer moves to a new device id (docs/sync-format.md
 * §4.3), at random moments. Two computers share one folder. Each round,
 * computer A (a child) starts as one of the two copies that must move:
 * - on another machine (rule 1): the "go" line carries a new machine id, so
 *   unlocking takes a new id before the engine starts, which finishes it;
 * - a restored backup (rule 2): here, A's data dir is copied aside, A's newer
 *   self checks in and deletes as the old id, then the copy is put back, so
 *   the engine finds a newer writer in its own folder and moves.
 * Then it checks in, answers and deletes until it is killed. After each kill
 * A starts here as the app would, and:
 * - its vault opens with at most a torn tail, holding every entry it (and its
 *   newer self) acknowledged, and none it acknowledged deleting;
 * - its move is finished: a new id, no retired folder, and a second start
 *   keeps that id;
 * - nothing was written as the old id after it was left;
 * - B shows the same history, holds nothing aside, and shows A as one row.
 */
export interface SyncMoveKillOptions {
  root: string;
  kills: number;
  onProgress?: (done: number) => void;
}

export interface SyncMoveKillResult {
  kills: number;
  anotherMachine: number;
  restoredBackup: number;
  /** Kills before the link was read (rule 1: mid-way through taking the new id). */
  beforeLinked: number;
  /** Kills while the engine started (finishing or making the move). */
  whileStarting: number;
  /** Kills after the first pass, among check-ins and deletes. */
  afterMerged: number;
  acknowledgedPuts: number;
  acknowledgedDeletes: number;
  idsTaken: number;
  entriesAtEnd: number;
}

/** Every count at zero: a run's start, and the sum of several runs (bench/stress.ts). */
export const emptyMoveKillResult = (): SyncMoveKillResult => ({
  kills: 0,
  anotherMachine: 0,
  restoredBackup: 0,
  beforeLinked: 0,
  whileStarting: 0,
  afterMerged: 0,
  acknowledgedPuts: 0,
  acknowledgedDeletes: 0,
  idsTaken: 0,
  entriesAtEnd: 0,
});

const hex = (): string => randomBytes(16).toString('hex');
const segmentsIn = async (dir: string): Promise<string[]> =>
  (await readdir(dir).catch((): string[] => [])).filter((name) => name.startsWith('seg-'));

export const runSyncMoveKillLoop = async (options: SyncMoveKillOptions): Promise<SyncMoveKillResult> => {
  const folder = join(options.root, 'F');
  const syncRoot = join(folder, 'attune-sync');
  const { computer: a, given } = await makeComputer(join(options.root, 'a'), syncRoot, newVaultId());
  let machine = hex();
  const placesFor = (machineId: string) => ({ fs: nodeFs, vaultDir: a.vaultDir, machineId, now: Date.now });
  const made = await setUpSync({ ...placesFor(machine), folder }, a.vault, 'Desk');
  if (made.kind !== 'set-up') throw new Error(`set up: ${made.kind}`);
  const { computer: b } = await makeComputer(join(options.root, 'b'), syncRoot, made.identity.vaultId, given);
  b.identity = { ...b.identity, vaultId: made.identity.vaultId };
  const engineB = await startEngine(b);
  let currentId = made.identity.deviceId;
  await a.vault.close();

  const ledger = createLedger();
  const result = emptyMoveKillResult();

  /** A started as the app starts it: the link read (moving if on another machine), then its engine. */
  const startA = async (vault: VaultService, round: string): Promise<{ engine: SyncEngine; opened: OpenedLink }> => {
    const opened = await openLink(placesFor(machine), vault, (what, error) => {
      throw new Error(`${round}: ${what}: ${String(error)}`);
    });
    const { resumed } = opened;
    if (resumed.kind !== 'resumed') throw new Error(`${round}: the link did not open: ${resumed.kind}`);
    const engine = await SyncEngine.start({
      vault,
      syncRoot: resumed.syncRoot,
      localDir: resumed.localDir,
      identity: resumed.identity,
      machineId: machine,
      state: resumed.state,
      formerIds: resumed.formerIds,
    });
    return { engine, opened };
  };
  const openA = async (round: string): Promise<{ vault: VaultService; engine: SyncEngine; opened: OpenedLink }> => {
    const vault = createVaultService({ dir: a.vaultDir, keychain: a.keychain, scrypt: { N: 2 ** 10, r: 8, p: 1 } });
    await reopenAfterKill(vault, { method: 'keychain' }, round);
    return { vault, ...(await startA(vault, round)) };
  };

  /** The next round's move: a new machine, or a backup put back after its newer self wrote as the same id. */
  let oldFolderBefore: string[] = [];
  const prepare = async (index: number): Promise<void> => {
    if (index % 2 === 0) {
      machine = hex();
      result.anotherMachine += 1;
    } else {
      const backup = join(options.root, 'backup');
      await copyDataDir(a.dataDir, backup);
      const round = `round ${index + 1}, the newer self`;
      const newer = await openA(round);
      const written = [await newer.engine.append(checkIn('the newer self')), await newer.engine.append(checkIn('and again'))];
      const gone = [...ledger.alive][0];
      if (gone) {
        const { deletedIds } = await newer.engine.delete(gone);
        ledger.read([`deleting ${gone}`, `del ${deletedIds.join(' ')}`]);
      }
      ledger.read(written.map((entry) => `put ${entry.id}`));
      await newer.engine.pass();
      await newer.engine.idle();
      await newer.vault.close();
      await copyDataDir(backup, a.dataDir);
      result.restoredBackup += 1;
    }
    oldFolderBefore = await segmentsIn(join(syncRoot, 'devices', currentId));
  };
  await prepare(0);

  const command = await bundleChild(join('..', '..', 'sync', 'testing', 'sync-move-kill-child.ts'), options.root);
  await runKills({
    command,
    args: [a.vaultDir],
    kills: options.kills,
    maxWindowMs: 60,
    beforeOpenShare: 0,
    // Most kills aimed from the unlock on, through the move; the rest after the first pass.
    pace: { line: /^merged$/, count: () => (Math.random() < 0.7 ? 0 : 1) },
    goLine: () => `go ${machine}`,
    afterKill: async ({ index, child }) => {
      const round = `kill ${index + 1}`;
      result.kills += 1;
      if (!child.lines.includes('linked')) result.beforeLinked += 1;
      else if (!child.lines.includes('merged')) result.whileStarting += 1;
      else result.afterMerged += 1;
      if (child.stderr.join('').length > 0) throw new Error(`${round}: the child said\n${child.stderr.join('')}`);
      const counted = ledger.read(child.lines);
      result.acknowledgedPuts += counted.puts;
      result.acknowledgedDeletes += counted.deletes;

      const oldId = currentId;
      const { vault, engine } = await openA(round);
      await engine.pass();
      const passB = await engineB.pass();
      await engine.pass();
      if (engine.deviceId === oldId) throw new Error(`${round}: still writing as ${oldId} after its move`);
      const retired = await listRetired(nodeFs, a.localDir);
      if (retired.length > 0) throw new Error(`${round}: the move left retired-${retired.join(', retired-')}`);
      const oldFolder = await segmentsIn(join(syncRoot, 'devices', oldId));
      const written = oldFolder.filter((name) => !oldFolderBefore.includes(name));
      if (written.length > 0) throw new Error(`${round}: ${written.join(', ')} written as the old id after it was left`);
      const held = passB.devices.filter((device) => device.held > 0);
      if (held.length > 0) throw new Error(`${round}: B holds files aside from ${held.map((device) => device.deviceId).join(', ')}`);
      // B shows one row for A, under its newest id: every id A left is folded into it (moved-ids.ts).
      const moves = new Map<string, MovedFrom>();
      for (const device of passB.devices) {
        const info = await readDeviceInfo(syncRoot, device.deviceId, b.identity.vaultId, (keyId) => b.identity.keys.get(keyId));
        moves.set(device.deviceId, info?.movedFrom ?? []);
      }
      const rows = foldMoved(passB.devices, moves).shown.map((device) => device.deviceId);
      if (rows.join() !== engine.deviceId) throw new Error(`${round}: B shows ${rows.length} rows for A (${rows.join(', ')})`);

      const present = new Set((await vault.entries()).map((entry) => entry.id));
      checkAcknowledged(round, present, ledger.alive, ledger.deleted);
      const onB = new Set((await b.vault.entries()).map((entry) => entry.id));
      checkAcknowledged(`${round}, on B`, onB, ledger.alive, ledger.deleted);
      sameHistory(round, present, onB);
      currentId = engine.deviceId;
      result.idsTaken += 1;
      await engine.idle();

      // The next start keeps the id: the move is done.
      const again = await startA(vault, `${round}, again`);
      if (again.engine.deviceId !== currentId || again.opened.movedFrom !== undefined || again.engine.movedFrom !== undefined)
        throw new Error(`${round}: the start after the move moved again (${again.engine.deviceId})`);
      await again.engine.idle();
      await vault.close();

      if (index + 1 < options.kills) await prepare(index + 1);
      options.onProgress?.(index + 1);
    },
  });
  result.entriesAtEnd = (await b.vault.entries()).length;
  await engineB.idle();
  await b.vault.close();
  return result;
};
