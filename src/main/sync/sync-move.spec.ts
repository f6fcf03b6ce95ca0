import { cp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { nodeFs } from '../fs/fs-port';
import { checkIn } from '../vault/testing/vault-fixtures';
import { FAST_SCRYPT } from '../vault/testing/vault-fixtures';
import { createVaultService } from '../vault/vault-service';
import { readDeviceInfo, readDeviceName } from './device-file';
import { listRetired, moveToAnotherMachine } from './device-move';
import { createInstall, readInstall } from './install-file';
import { judgeOwnFolder } from './own-folder-check';
import type { SyncEngine } from './sync-engine';
import { resumeSync, setUpSync } from './sync-link';
import { readSyncState } from './sync-state-file';
import { copyDataDir, makeComputer, newVaultId, reopen, startEngine, type TestComputer } from './testing/sync-computers';

/**
 * docs/sync-format.md §4.3: a copy of an install — a restored backup, a
 * cloned disk or VM — that finds another writer in its own folder, or finds
 * itself on another machine, moves to a new device id and keeps its history;
 * the copy it shares the id with stays. On real files.
 */
const tempDir = useTempDirs();

const ids = async (computer: TestComputer): Promise<string[]> => (await computer.vault.entries()).map((entry) => entry.id).sort();
const segmentsIn = async (dir: string): Promise<string[]> =>
  (await readdir(dir).catch((): string[] => [])).filter((n) => n.startsWith('seg-'));

/**
 * A clone and its original (a and c, each through its own replica) each
 * write seq 2 under one device id; a third computer (b, through a third
 * replica) is given both branches, so its next pass holds one of them.
 * With `deletes`, each branch first deletes an entry both had (a's own
 * `base`, b's `onB`), so whichever is held holds a delete and a check-in.
 */
const cloneWithThirdComputer = async (root: string, { deletes = false } = {}) => {
  const vaultId = newVaultId();
  // Each runs through its own replica of the folder (a cloned VM syncs its own copy).
  const replica = (name: string): string => join(root, name, 'attune-sync');
  const { computer: a, given } = await makeComputer(join(root, 'a'), replica('Fa'), vaultId);
  // A third computer, through a third replica, sees both branches.
  const { computer: b } = await makeComputer(join(root, 'b'), replica('Fb'), vaultId, given);
  const engineB = await startEngine(b);
  const engineA0 = await startEngine(a);
  const base = await engineA0.append(checkIn('before the clone'));
  const onB = deletes ? await engineB.append(checkIn('on b, before the clone')) : undefined;
  if (onB) {
    await cp(join(replica('Fb'), 'devices'), join(replica('Fa'), 'devices'), { recursive: true });
    await engineA0.pass();
  }
  await engineA0.idle();
  await copyDataDir(a.dataDir, join(root, 'c'));
  await cp(replica('Fa'), replica('Fc'), { recursive: true });
  const c: TestComputer = {
    ...a,
    dataDir: join(root, 'c'),
    vaultDir: join(root, 'c', 'vault'),
    localDir: join(root, 'c', 'vault.sync'),
    syncRoot: replica('Fc'),
    vault: createVaultService({ dir: join(root, 'c', 'vault'), keychain: a.keychain, scrypt: FAST_SCRYPT }),
  };
  await c.vault.unlock({ method: 'keychain' });
  const engineC = await startEngine(c);
  if (onB) {
    await engineA0.delete(base.id);
    await engineC.delete(onB.id);
  }
  const fromA = await engineA0.append(checkIn('on the original'));
  const fromC = await engineC.append(checkIn('on the clone'));
  const oldId = a.identity.deviceId;
  const folder = (r: string): string => join(replica(r), 'devices', oldId);
  const seqTwo = async (r: string): Promise<string> => (await segmentsIn(folder(r))).find((n) => n.startsWith('seg-00000002')) ?? '';
  const [nameA, nameC] = [await seqTwo('Fa'), await seqTwo('Fc')];
  expect(nameA).not.toBe(nameC);
  // The sync tool brings each one's branch into the other's replica, and both into b's.
  const branchA = await segmentsIn(folder('Fa'));
  const branchC = (await segmentsIn(folder('Fc'))).filter((name) => !branchA.includes(name));
  for (const name of branchA) await cp(join(folder('Fa'), name), join(folder('Fc'), name), { force: false });
  for (const name of branchC) await cp(join(folder('Fc'), name), join(folder('Fa'), name));

  await cp(join(replica('Fa'), 'devices'), join(replica('Fb'), 'devices'), { recursive: true });
  return { a, b, c, base, onB, engineA0, engineB, engineC, fromA, fromC, oldId, folder, replica, nameA, nameC };
};

describe('judgeOwnFolder (§4.3 rule 2)', () => {
  it('the older copy moves, the newer stays, and at one seq the greater hash moves', () => {
    expect(judgeOwnFolder([], { seq: 4, hash: 'aa' })).toBe('alone');
    expect(judgeOwnFolder([{ seq: 5, hash: '00' }], { seq: 4, hash: 'ff' })).toBe('move');
    expect(judgeOwnFolder([{ seq: 3, hash: 'ff' }], { seq: 4, hash: '00' })).toBe('stay');
    expect(judgeOwnFolder([{ seq: 4, hash: 'bb' }], { seq: 4, hash: 'cc' })).toBe('move');
    expect(judgeOwnFolder([{ seq: 4, hash: 'cc' }], { seq: 4, hash: 'bb' })).toBe('stay');
  });
});

describe('an install that finds another writer as itself moves to a new id (§4.3)', () => {
  it('a restored older copy of the data dir moves, keeps what its newer self wrote and deleted, and a peer gets all of it', async () => {
    const root = tempDir('attune-move-restore-');
    const syncRoot = join(root, 'F', 'attune-sync');
    const vaultId = newVaultId();
    const { computer: a, given } = await makeComputer(join(root, 'a'), syncRoot, vaultId);
    const { computer: b } = await makeComputer(join(root, 'b'), syncRoot, vaultId, given);
    let engineA = await startEngine(a);
    const early = [await engineA.append(checkIn('before the backup')), await engineA.append(checkIn('also before'))];
    await engineA.pass();
    await engineA.idle();
    await copyDataDir(a.dataDir, join(root, 'backup'));
    const later = await engineA.append(checkIn('after the backup'));
    await engineA.delete((early[0] as { id: string }).id);
    await engineA.pass();
    const oldId = engineA.deviceId;
    const folderBefore = await segmentsIn(join(syncRoot, 'devices', oldId));

    // The backup replaces the data dir and starts.
    await engineA.idle();
    await a.vault.close();
    await copyDataDir(join(root, 'backup'), a.dataDir);
    await reopen(a);
    expect(await ids(a)).toEqual(early.map((entry) => entry.id).sort());
    engineA = await startEngine(a, { state: { folder: join(root, 'F'), deviceName: 'Sam’s laptop' } });
    expect(engineA.movedFrom).toBe(oldId);
    expect(engineA.deviceId).not.toBe(oldId);
    await engineA.pass();
    expect(await ids(a)).toEqual([(early[1] as { id: string }).id, later.id].sort());

    // The move is written down: install.json, state.bin and device.json under the new id; a checkpoint in its folder.
    const install = await readInstall(a.localDir);
    expect(install.kind === 'ok' && install.install.deviceId).toBe(engineA.deviceId);
    const key = a.identity.keys.get(a.identity.keyId);
    if (!key) throw new Error('no key');
    // Both say which id it moved from, with the newest seq of it merged then: its newer self's last one.
    const newest = Math.max(...folderBefore.map((name) => Number(name.slice(4, 12))));
    const state = await readSyncState(a.localDir, key, { deviceId: engineA.deviceId, keyId: a.identity.keyId });
    expect(state.kind === 'ok' && state.state.movedFrom).toEqual([{ deviceId: oldId, seq: newest }]);
    expect(await readDeviceInfo(syncRoot, engineA.deviceId, vaultId, () => key)).toEqual({
      name: 'Sam’s laptop',
      movedFrom: [{ deviceId: oldId, seq: newest }],
    });
    expect(await segmentsIn(join(syncRoot, 'devices', engineA.deviceId))).toHaveLength(1);
    expect(await listRetired(nodeFs, a.localDir)).toEqual([]);
    // The restored copy wrote nothing as the old id: the newer self's files stand as they were.
    expect(await segmentsIn(join(syncRoot, 'devices', oldId))).toEqual(folderBefore);

    const engineB = await startEngine(b);
    const passB = await engineB.pass();
    expect(await ids(b)).toEqual(await ids(a));
    expect(passB.devices.every((device) => device.held === 0)).toBe(true);

    // A restart stays on the new id and moves no further.
    await reopen(a);
    a.identity = { ...a.identity, deviceId: engineA.deviceId };
    const again = await startEngine(a);
    expect(again.movedFrom).toBeUndefined();
    expect(again.deviceId).toBe(engineA.deviceId);
    // A new name later keeps what it moved from.
    await again.rename('Sam’s desk');
    expect(await readDeviceInfo(syncRoot, engineA.deviceId, vaultId, () => key)).toEqual({
      name: 'Sam’s desk',
      movedFrom: [{ deviceId: oldId, seq: newest }],
    });
    for (const engine of [engineA, engineB, again]) await engine.idle();
    await a.vault.close();
    await b.vault.close();
  });

  it('of a clone and its original that each wrote the same seq, exactly one moves and takes back its fork', async () => {
    const root = tempDir('attune-move-clone-');
    const { a, b, c, base, engineA0, engineB, engineC, fromA, fromC, oldId, folder, replica, nameA, nameC } =
      await cloneWithThirdComputer(root);
    const forked = await engineB.pass();
    expect(forked.devices.find((device) => device.deviceId === oldId)?.held).toBe(1);

    const engines: Record<'a' | 'c', SyncEngine> = { a: engineA0, c: engineC };
    await engines.a.pass();
    await engines.c.pass();
    const moved = (['a', 'c'] as const).filter((which) => engines[which].movedFrom === oldId);
    expect(moved).toHaveLength(1);
    const mover = moved[0] as 'a' | 'c';
    // The greater hash at seq 2 moves (f = m).
    expect(mover).toBe(nameA > nameC ? 'a' : 'c');
    const [moverName, stayerName] = mover === 'a' ? [nameA, nameC] : [nameC, nameA];
    const moverReplica = mover === 'a' ? 'Fa' : 'Fc';
    const stayerReplica = mover === 'a' ? 'Fc' : 'Fa';
    // The mover deleted its fork from the old folder; the stayer's seq 2 stands.
    expect(await segmentsIn(folder(moverReplica))).not.toContain(moverName);
    expect(await segmentsIn(folder(moverReplica))).toContain(stayerName);

    // The sync tool mirrors both replicas; each then holds the other's entries.
    const moverComputer = mover === 'a' ? a : c;
    const stayerComputer = mover === 'a' ? c : a;
    const newId = engines[mover].deviceId;
    await rm(join(replica(stayerReplica), 'devices', oldId), { recursive: true });
    await cp(folder(moverReplica), join(replica(stayerReplica), 'devices', oldId), { recursive: true });
    await cp(join(replica(moverReplica), 'devices', newId), join(replica(stayerReplica), 'devices', newId), { recursive: true });
    await engines.a.pass();
    await engines.c.pass();
    const all = [base.id, fromA.id, fromC.id].sort();
    // The third replica follows: the mover's fork is gone from the old folder, so the held branch is released (§7.1).
    await rm(join(replica('Fb'), 'devices'), { recursive: true });
    await cp(join(replica(stayerReplica), 'devices'), join(replica('Fb'), 'devices'), { recursive: true });
    const released = await engineB.pass();
    expect(released.devices.every((device) => device.held === 0)).toBe(true);
    expect(await ids(b)).toEqual(all);
    expect(await ids(moverComputer)).toEqual(all);
    expect(await ids(stayerComputer)).toEqual(all);
    expect(engines[mover === 'a' ? 'c' : 'a'].deviceId).toBe(oldId);
    expect(await readFile(join(folder(moverReplica), stayerName))).toBeTruthy();
    for (const engine of [...Object.values(engines), engineB]) await engine.idle();
    await b.vault.close();
    await a.vault.close();
    await c.vault.close();
  });

  it('a computer holding a fork adds it anyway: one history here, said no more, after a restart too, and sent on', async () => {
    const root = tempDir('attune-move-add-held-');
    const { a, b, c, base, engineA0, engineB, engineC, fromA, fromC, oldId } = await cloneWithThirdComputer(root);
    const forked = await engineB.pass();
    expect(forked.devices.find((device) => device.deviceId === oldId)?.held).toBe(1);
    const before = await ids(b);
    expect(before).toHaveLength(2);
    // One of the two seq 2 files was merged, the other kept aside: its check-in is not here yet.
    expect([fromA.id, fromC.id].filter((id) => before.includes(id))).toHaveLength(1);

    expect(await engineB.addHeld(oldId)).toEqual({ put: 1, deleted: 0 });
    const added = await engineB.pass();
    expect(await ids(b)).toEqual([base.id, fromA.id, fromC.id].sort());
    expect(added.devices.find((device) => device.deviceId === oldId)?.held).toBe(0);
    // Added as this computer's own: its next delta carries the check-in, so the others get it from here.
    expect(added.published).toBe(1);
    // Asked again, nothing more to add.
    expect(await engineB.addHeld(oldId)).toEqual({ put: 0, deleted: 0 });

    // After a restart the fork is still in the folder and still held, but holds nothing new: no line.
    await engineB.idle();
    await reopen(b);
    const again = await startEngine(b);
    const restarted = await again.pass();
    expect(restarted.devices.find((device) => device.deviceId === oldId)?.held).toBe(0);
    expect(await ids(b)).toEqual([base.id, fromA.id, fromC.id].sort());
    for (const engine of [engineA0, engineC, again]) await engine.idle();
    for (const computer of [a, b, c]) await computer.vault.close();
  });

  it('adding a held branch anyway takes its deletes too: gone everywhere, and nothing deleted comes back', async () => {
    const root = tempDir('attune-move-add-held-deletes-');
    const { a, b, c, base, onB, engineA0, engineB, engineC, fromA, fromC, oldId, replica } = await cloneWithThirdComputer(root, {
      deletes: true,
    });
    if (!onB) throw new Error('no entry on b');
    const forked = await engineB.pass();
    // Both files of the other branch (its delete, then its check-in) are held.
    expect(forked.devices.find((device) => device.deviceId === oldId)?.held).toBe(2);
    // One branch was merged: its delete and its check-in are here; the other's are not.
    const before = await ids(b);
    expect(before).toHaveLength(2);
    const heldCheckIn = before.includes(fromA.id) ? fromC.id : fromA.id;
    const heldDelete = before.includes(base.id) ? base.id : onB.id;
    expect(before).not.toContain(heldCheckIn);
    expect(before).toContain(heldDelete);

    expect(await engineB.addHeld(oldId)).toEqual({ put: 1, deleted: 1 });
    const added = await engineB.pass();
    const all = [fromA.id, fromC.id].sort();
    expect(await ids(b)).toEqual(all);
    expect(added.devices.find((device) => device.deviceId === oldId)?.held).toBe(0);
    expect(await engineB.addHeld(oldId)).toEqual({ put: 0, deleted: 0 });

    // The sync tool brings every file to every replica; one of the two copies moves, and each pass then has it all.
    const mirror = async (): Promise<void> => {
      for (const to of ['Fa', 'Fb', 'Fc'])
        for (const from of ['Fa', 'Fb', 'Fc'])
          if (from !== to) await cp(join(replica(from), 'devices'), join(replica(to), 'devices'), { recursive: true, force: false });
    };
    for (let round = 0; round < 2; round += 1) {
      await mirror();
      for (const engine of [engineA0, engineC, engineB]) await engine.pass();
    }
    expect([engineA0.movedFrom, engineC.movedFrom].filter((id) => id === oldId)).toHaveLength(1);
    for (const computer of [a, b, c]) expect(await ids(computer)).toEqual(all);

    // After a restart, b's history is the same and the held branch, still in its folder, asks nothing.
    await engineB.idle();
    await reopen(b);
    const again = await startEngine(b);
    const restarted = await again.pass();
    expect(await ids(b)).toEqual(all);
    expect(restarted.devices.every((device) => device.held === 0)).toBe(true);
    for (const engine of [engineA0, engineC, again]) await engine.idle();
    for (const computer of [a, b, c]) await computer.vault.close();
  });

  it('a data dir that finds itself on another machine (rule 1) moves before its engine starts, and the engine finishes the move', async () => {
    const root = tempDir('attune-move-machine-');
    const vaultDir = join(root, 'a', 'vault');
    const folder = join(root, 'F');
    const { computer: a } = await makeComputer(join(root, 'a'), join(folder, 'attune-sync'), newVaultId());
    const places = { fs: nodeFs, vaultDir, folder, machineId: 'a'.repeat(32), now: Date.now };
    const setUp = await setUpSync(places, a.vault, 'Desk');
    if (setUp.kind !== 'set-up') throw new Error(setUp.kind);
    a.identity = setUp.identity;
    const first = await startEngine({ ...a, syncRoot: setUp.syncRoot });
    const entry = await first.append(checkIn('on the first machine'));
    await first.idle();

    const elsewhere = { ...places, machineId: 'b'.repeat(32) };
    expect((await resumeSync(elsewhere, a.vault)).kind).toBe('another-machine');
    const moved = await moveToAnotherMachine(elsewhere, a.vault);
    if (moved.kind !== 'moved') throw new Error(moved.kind);
    expect(moved.movedFrom).toBe(setUp.identity.deviceId);
    const resumed = await resumeSync(elsewhere, a.vault);
    if (resumed.kind !== 'resumed') throw new Error(resumed.kind);
    expect(resumed.identity.deviceId).toBe(moved.deviceId);
    const engine = await startEngine({ ...a, identity: resumed.identity, syncRoot: resumed.syncRoot });
    expect(engine.movedFrom).toBe(setUp.identity.deviceId);
    await engine.pass();
    expect(
      await readDeviceName(resumed.syncRoot, moved.deviceId, resumed.identity.vaultId, () =>
        resumed.identity.keys.get(resumed.identity.keyId),
      ),
    ).toBe('Desk');
    expect(await segmentsIn(join(resumed.syncRoot, 'devices', moved.deviceId))).toHaveLength(1);
    // Nothing published before the move is taken back: the old id's folder is a peer's now.
    expect(await segmentsIn(join(resumed.syncRoot, 'devices', setUp.identity.deviceId))).toHaveLength(1);
    expect((await ids(a)).includes(entry.id)).toBe(true);
    await engine.idle();
    await a.vault.close();
  });
});

describe('a move cut short by a kill is finished by the next start (§4.3 steps 1–2)', () => {
  const setUp = async (root: string) => {
    const folder = join(root, 'F');
    const vaultDir = join(root, 'a', 'vault');
    const { computer: a } = await makeComputer(join(root, 'a'), join(folder, 'attune-sync'), newVaultId());
    const places = { fs: nodeFs, vaultDir, folder, machineId: undefined, now: Date.now };
    const made = await setUpSync(places, a.vault, 'Desk');
    if (made.kind !== 'set-up') throw new Error(made.kind);
    a.identity = made.identity;
    const engine = await startEngine({ ...a, syncRoot: made.syncRoot });
    const entry = await engine.append(checkIn('before the move'));
    await engine.idle();
    return { a, places, made, entry };
  };

  it('own/ retired, install.json not yet new: the old id starts with nothing of its own, and moves', async () => {
    const { a, places, made, entry } = await setUp(tempDir('attune-move-kill-1-'));
    const oldId = made.identity.deviceId;
    await rename(join(a.localDir, 'own'), join(a.localDir, `retired-${oldId}`));
    const resumed = await resumeSync(places, a.vault);
    if (resumed.kind !== 'resumed') throw new Error(resumed.kind);
    expect(resumed.identity.deviceId).toBe(oldId);
    const engine = await startEngine({ ...a, identity: resumed.identity, syncRoot: resumed.syncRoot });
    expect(engine.movedFrom).toBe(oldId);
    expect(engine.deviceId).not.toBe(oldId);
    // The old chain was not extended: its one segment stands alone.
    expect(await segmentsIn(join(resumed.syncRoot, 'devices', oldId))).toHaveLength(1);
    expect(await segmentsIn(join(resumed.syncRoot, 'devices', engine.deviceId))).toHaveLength(1);
    expect(await listRetired(nodeFs, a.localDir)).toEqual([]);
    const after = await resumeSync(places, a.vault);
    expect(after.kind === 'resumed' && after.identity.deviceId).toBe(engine.deviceId);
    expect((await ids(a)).includes(entry.id)).toBe(true);
    await engine.idle();
    await a.vault.close();
  });

  it('install.json new, state.bin still under the old id: resuming reads it under the retired id, and the engine finishes', async () => {
    const { a, places, made } = await setUp(tempDir('attune-move-kill-2-'));
    const oldId = made.identity.deviceId;
    await rename(join(a.localDir, 'own'), join(a.localDir, `retired-${oldId}`));
    const install = await createInstall(nodeFs, a.localDir, undefined, Date.now());
    const resumed = await resumeSync(places, a.vault);
    if (resumed.kind !== 'resumed') throw new Error(resumed.kind);
    expect(resumed.identity.deviceId).toBe(install.deviceId);
    expect(resumed.state.deviceName).toBe('Desk');
    const engine = await startEngine({ ...a, identity: resumed.identity, syncRoot: resumed.syncRoot });
    expect(engine.movedFrom).toBe(oldId);
    const key = resumed.identity.keys.get(resumed.identity.keyId);
    if (!key) throw new Error('no key');
    expect(await readDeviceName(resumed.syncRoot, install.deviceId, resumed.identity.vaultId, () => key)).toBe('Desk');
    expect(await segmentsIn(join(resumed.syncRoot, 'devices', install.deviceId))).toHaveLength(1);
    expect(await listRetired(nodeFs, a.localDir)).toEqual([]);
    // state.bin is sealed under the new id now: resuming no longer needs the retired folder.
    expect((await readSyncState(a.localDir, key, { deviceId: install.deviceId, keyId: resumed.identity.keyId })).kind).toBe('ok');
    await engine.idle();
    await a.vault.close();
  });
});
