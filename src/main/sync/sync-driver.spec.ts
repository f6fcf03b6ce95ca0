import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Entry } from '../../shared/entry-schema';
import { MovableClock } from '../app/testing/movable-clock';
import { type FsPort, nodeFs } from '../fs/fs-port';
import { createMemoryLogger } from '../log/logger';
import { byId, checkIn, makeVault, openVaults } from '../vault/testing/vault-fixtures';
import type { VaultService } from '../vault/vault-service';
import { BURST_GAP_MS } from './deleted-by';
import { nodeClearFs } from './folder-clear-fs';
import { PASS_EVERY_MS, SyncDriver } from './sync-driver';
import { linkSync } from './sync-link';
import { copyDataDir } from './testing/sync-computers';

/**
 * Sync in the running app (sync-driver.ts): it starts with the unlock and
 * stops with the lock, publishes the person's check-ins and deletes, and its
 * timer brings in what another computer wrote. Two real vaults, one folder.
 */
const vaults = openVaults();
const drivers: SyncDriver[] = [];
afterEach(async () => {
  for (const driver of drivers.splice(0)) await driver.stop();
  await vaults.closeAll();
});
const tempDir = useTempDirs();
let root: string;
let folder: string;
beforeEach(async () => {
  root = tempDir('attune-driver-');
  folder = join(root, 'Nextcloud');
  await mkdir(folder);
});

const machineId = async () => 'this-machine';

/** The laptop: a history with a kept recovery key, syncing through the folder. */
const firstComputer = async () => {
  const clock = new MovableClock();
  const log = createMemoryLogger();
  const first = vaults.track(makeVault(join(root, 'one')));
  const made = await first.setup({ passphrase: 'first computer words', useKeychain: false, createRecoveryKey: true });
  await first.keepRecoveryKey(made.recoveryKey as string);
  const one = new SyncDriver({ vault: first, vaultDir: join(root, 'one', 'vault'), timer: clock, log, machineId });
  drivers.push(one);
  await one.vaultStateChanged('unlocked');
  expect(one.current().state).toBe('off');
  expect(await one.setUp(folder, 'Laptop')).toBe('set-up');
  expect(one.current()).toMatchObject({ state: 'on', folder, deviceName: 'Laptop' });
  return { clock, log, first, one, recoveryKey: made.recoveryKey as string };
};

const twoComputers = async () => {
  const { clock, log, first, one, recoveryKey } = await firstComputer();
  const second = vaults.track(makeVault(join(root, 'two')));
  const linked = await linkSync(
    { fs: nodeFs, vaultDir: join(root, 'two', 'vault'), folder, machineId: 'other-machine', now: () => clock.now() },
    second,
    {
      recoveryKey,
      setup: { passphrase: 'second computer words', useKeychain: false, createRecoveryKey: false },
      deviceName: 'Desktop',
    },
  );
  expect(linked.kind).toBe('linked');
  const two = new SyncDriver({
    vault: second,
    vaultDir: join(root, 'two', 'vault'),
    timer: clock,
    log,
    machineId: async () => 'other-machine',
  });
  drivers.push(two);
  await two.vaultStateChanged('unlocked');
  return { clock, log, first, second, one, two, recoveryKey };
};

/** Lets the timers' passes run: each is queued behind the driver's other work. */
const settle = async (clock: MovableClock, ...drivers: SyncDriver[]): Promise<void> => {
  clock.advance(PASS_EVERY_MS);
  for (const driver of drivers) await driver.passNow();
};

describe('SyncDriver', () => {
  it('a check-in and a delete on one computer reach the other with the passes', async () => {
    const { clock, first, second, one, two } = await twoComputers();
    // One folder at a time: a second set-up while sync runs is refused, and nothing changes.
    await expect(one.setUp(join(root, 'elsewhere'), 'Laptop')).rejects.toMatchObject({ code: 'invalid-request' });
    expect(one.current()).toMatchObject({ state: 'on', folder });
    const entry = await one.append(checkIn('written on the laptop'));
    await settle(clock, one, two);
    expect(await second.get(entry.id)).toEqual(entry);
    expect(two.current().devices).toEqual([expect.objectContaining({ deviceId: expect.any(String), waiting: [], held: 0 })]);

    const answer = await two.append(checkIn('and one on the desktop'));
    await one.delete(entry.id);
    await settle(clock, one, two);
    await settle(clock, one, two);
    expect(await second.get(entry.id)).toBeUndefined();
    expect((await first.entries()).map((found) => found.id)).toEqual([answer.id]);
  });

  it('many entries deleted here by another computer: its row says how many and when; 20 or fewer, or its own, never', async () => {
    const { clock, one, two } = await twoComputers();
    const written: Entry[] = [];
    for (let i = 0; i < 45; i += 1) written.push(await two.append(checkIn(`desktop ${i}`)));
    await settle(clock, two, one);
    const desktopRow = () => one.current().devices.find((device) => device.name === 'Desktop');
    const deleteOnDesktop = async (from: number, to: number): Promise<void> => {
      for (const entry of written.slice(from, to)) await two.delete(entry.id);
      await settle(clock, two, one);
      await settle(clock, two, one);
    };
    expect(desktopRow()).toMatchObject({ manyDeleted: null });

    // 20 at once: applied, and not worth a line.
    await deleteOnDesktop(0, 20);
    expect(desktopRow()).toMatchObject({ manyDeleted: null });

    // After a quiet while, 21 more: the line (they may come over more than one pass; they are one clear-out).
    clock.advance(BURST_GAP_MS + 1);
    const before = clock.now();
    await deleteOnDesktop(20, 41);
    const said = desktopRow()?.manyDeleted;
    expect(said?.count).toBe(21);
    expect(said?.at).toBeGreaterThan(before);
    expect(said?.at).toBeLessThanOrEqual(clock.now());
    // The computer that deleted them says nothing of its own deletes.
    expect(two.current().devices.map((device) => device.manyDeleted)).toEqual([null]);

    // One more soon after belongs to the same clear-out; a lock ends the line (it is said for this session of sync).
    await deleteOnDesktop(41, 42);
    expect(desktopRow()?.manyDeleted?.count).toBe(22);
    await one.vaultStateChanged('locked');
    await one.vaultStateChanged('unlocked');
    expect(desktopRow()).toMatchObject({ manyDeleted: null });
  });

  it('stops at the lock (the plain vault calls answer again) and starts with the next unlock', async () => {
    const { clock, first, second, one, two } = await twoComputers();
    await one.vaultStateChanged('locked');
    expect(one.current().state).toBe('locked');
    await first.unlock({ method: 'passphrase', passphrase: 'first computer words' });
    // Written while sync was stopped (a start that had not finished): the next start's pass publishes it.
    const unsynced = await first.append(checkIn('not yet published'));
    await one.vaultStateChanged('unlocked');
    expect(one.current().state).toBe('on');
    await settle(clock, two);
    expect(await second.get(unsynced.id)).toEqual(unsynced);
    expect(clock.pendingTimers()).toBeGreaterThan(0);
    await one.stop();
    await two.stop();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('a copy started on another machine takes its own device id and goes on syncing, and says so once', async () => {
    const { clock, log, first, second, one, two } = await twoComputers();
    const entry = await one.append(checkIn('before the copy'));
    const onDesktop = await two.append(checkIn('on the desktop, before the copy'));
    await settle(clock, one, two);
    await two.stop();
    // The original stays behind (a copy of its data dir, kept to start it again below).
    await copyDataDir(join(root, 'two'), join(root, 'original'));
    /** A driver for the data dir in `dir`, started on `machine`. */
    const startOn = async (vault: VaultService, dir: string, machine: string): Promise<SyncDriver> => {
      const driver = new SyncDriver({ vault, vaultDir: join(root, dir, 'vault'), timer: clock, log, machineId: async () => machine });
      drivers.push(driver);
      await driver.vaultStateChanged('unlocked');
      return driver;
    };
    // The same data dir, now on a machine with another id (a restored backup on a new computer).
    const moved = await startOn(second, 'two', 'new-machine');
    expect(moved.current()).toMatchObject({ state: 'on', movedToOwnId: true, deviceName: 'Desktop' });
    const after = await moved.append(checkIn('after the move'));
    await settle(clock, moved, one);
    expect(await first.get(after.id)).toEqual(after);
    expect(await second.get(entry.id)).toEqual(entry);
    // One Desktop, not two: the old id's folder shows nothing past the move, so it is folded into the new one.
    expect(one.current().devices.map((device) => device.name)).toEqual(['Desktop']);
    expect(await one.addedElsewhere([onDesktop.id, after.id])).toEqual([
      { id: onDesktop.id, name: 'Desktop' },
      { id: after.id, name: 'Desktop' },
    ]);
    // Nor does the moved copy list its own old id, or mark what it wrote under it as added elsewhere: after a restart too.
    expect(moved.current().devices.map((device) => device.name)).toEqual(['Laptop']);
    await moved.stop();
    const restarted = await startOn(second, 'two', 'new-machine');
    expect(restarted.current()).toMatchObject({ state: 'on', movedToOwnId: false });
    expect(restarted.current().devices.map((device) => device.name)).toEqual(['Laptop']);
    expect(await restarted.addedElsewhere([onDesktop.id, entry.id])).toEqual([{ id: entry.id, name: 'Laptop' }]);

    // The original starts again on its own machine and writes: two computers named Desktop now, each its own row.
    const original = vaults.track(makeVault(join(root, 'original')));
    await original.unlock({ method: 'passphrase', passphrase: 'second computer words' });
    const stayed = await startOn(original, 'original', 'other-machine');
    expect(stayed.current()).toMatchObject({ state: 'on', movedToOwnId: false });
    await stayed.append(checkIn('on the original, after the copy moved'));
    await settle(clock, stayed, one, restarted);
    expect(one.current().devices.map((device) => device.name)).toEqual(['Desktop', 'Desktop']);
    expect(
      restarted
        .current()
        .devices.map((device) => device.name)
        .sort(),
    ).toEqual(['Desktop', 'Laptop']);
  });

  it('removing this computer stops sync, keeps its history, and the other computer sees it removed', async () => {
    const { clock, first, one, two } = await twoComputers();
    const entry = await one.append(checkIn('kept here'));
    await settle(clock, one, two);
    expect(await one.hasLink()).toBe(true);
    expect(await one.remove()).toMatchObject({ outcome: 'removed', status: { state: 'off', folder: null } });
    expect(await one.hasLink()).toBe(false);
    expect(await first.get(entry.id)).toEqual(entry);
    await settle(clock, two);
    expect(two.current().devices).toEqual([expect.objectContaining({ name: 'Laptop', final: true })]);
  });

  it("the last computer can take Attune's files out of the folder as it stops; never while another still syncs there", async () => {
    const { clock, second, one, two } = await twoComputers();
    const entry = await one.append(checkIn('written on the laptop'));
    await writeFile(join(folder, 'the person’s own file.txt'), 'mine');
    await settle(clock, one, two);
    await settle(clock, one, two);
    // The desktop still syncs: asked to go too, the folder keeps everything, and the laptop stops as usual.
    expect(await one.remove({ alsoFolderFiles: true })).toMatchObject({ outcome: 'removed', folderFiles: 'another-computer' });
    await settle(clock, two);
    expect(two.current().devices).toEqual([expect.objectContaining({ name: 'Laptop', final: true })]);
    expect(await second.get(entry.id)).toEqual(entry);
    // Now the desktop is the last one: its files, the laptop's final segment, the keys and format.json all go.
    expect(await two.remove({ alsoFolderFiles: true })).toMatchObject({ outcome: 'removed', folderFiles: 'deleted' });
    expect(await readdir(folder)).toEqual(['the person’s own file.txt']);
    // The history on each computer stays.
    expect(await second.get(entry.id)).toEqual(entry);
  });

  it('stopping without asking leaves the folder as the other computers need it', async () => {
    const { clock, one } = await firstComputer();
    await one.append(checkIn('written here'));
    await settle(clock, one);
    expect(await one.remove()).toMatchObject({ outcome: 'removed', folderFiles: 'kept' });
    expect((await readdir(join(folder, 'attune-sync'))).sort()).toEqual(['devices', 'format.json', 'keys']);
  });

  it('a file in the folder that will not go is said, and the rest goes', async () => {
    const { clock, log, first, one } = await firstComputer();
    await one.stop();
    const clearFs = {
      list: nodeClearFs.list,
      rmdir: nodeClearFs.rmdir,
      unlink: (path: string) =>
        path.endsWith('format.json') ? Promise.reject(Object.assign(new Error('in use'), { code: 'EBUSY' })) : nodeClearFs.unlink(path),
    };
    const again = new SyncDriver({ vault: first, vaultDir: join(root, 'one', 'vault'), timer: clock, log, machineId, clearFs });
    drivers.push(again);
    await again.vaultStateChanged('unlocked');
    await again.append(checkIn('written here'));
    await settle(clock, again);
    expect(await again.remove({ alsoFolderFiles: true })).toMatchObject({ outcome: 'removed', folderFiles: 'some-left' });
    expect(await readdir(join(folder, 'attune-sync'))).toEqual(['format.json']);
    expect(log.lines.some((line) => line.message === 'sync: some files stay in the sync folder')).toBe(true);
  });

  it('after stopping, the same folder can be chosen again: what changed meanwhile travels, and its own check-ins stay its own', async () => {
    const { clock, first, second, one, two } = await twoComputers();
    const kept = await one.append(checkIn('written before stopping'));
    const goner = await one.append(checkIn('deleted while not syncing'));
    const fromDesktop = await two.append(checkIn('from the desktop'));
    await settle(clock, one, two);
    await settle(clock, one, two);
    expect(await one.remove()).toMatchObject({ outcome: 'removed' });
    // While this computer is not syncing: one new check-in, one delete.
    const meanwhile = await one.append(checkIn('written while not syncing'));
    await one.delete(goner.id);
    // A folder of another history is still refused.
    const elsewhere = join(root, 'Elsewhere');
    await mkdir(elsewhere);
    const third = vaults.track(makeVault(join(root, 'three')));
    const made = await third.setup({ passphrase: 'third computer words', useKeychain: false, createRecoveryKey: true });
    await third.keepRecoveryKey(made.recoveryKey as string);
    const stranger = new SyncDriver({
      vault: third,
      vaultDir: join(root, 'three', 'vault'),
      timer: clock,
      log: createMemoryLogger(),
      machineId,
    });
    drivers.push(stranger);
    await stranger.vaultStateChanged('unlocked');
    expect(await stranger.setUp(elsewhere, 'Other')).toBe('set-up');
    expect(await one.setUp(elsewhere, 'Laptop')).toBe('already-set-up');
    expect(one.current().state).toBe('off');

    expect(await one.setUp(folder, 'Laptop again')).toBe('set-up');
    expect(one.current()).toMatchObject({ state: 'on', deviceName: 'Laptop again' });
    await settle(clock, one, two);
    await settle(clock, one, two);
    expect(await second.get(meanwhile.id)).toEqual(meanwhile);
    expect(await second.get(goner.id)).toBeUndefined();
    expect((await first.entries()).map((entry) => entry.id).sort()).toEqual([kept.id, meanwhile.id, fromDesktop.id].sort());
    // History's marks: the desktop's check-in only, never this computer's own from before it stopped.
    expect(await one.addedElsewhere([kept.id, meanwhile.id, fromDesktop.id])).toEqual([{ id: fromDesktop.id, name: 'Desktop' }]);
    // And across a restart.
    await one.stop();
    await one.vaultStateChanged('unlocked');
    expect(await one.addedElsewhere([kept.id, meanwhile.id, fromDesktop.id])).toEqual([{ id: fromDesktop.id, name: 'Desktop' }]);
  });

  it('a folder that does not take the final file: nothing is removed, sync goes on, and removing later works', async () => {
    const { clock, log, first, one, two } = await twoComputers();
    await one.stop();
    let refuse = false;
    const devices = join(folder, 'attune-sync', 'devices');
    const fs: FsPort = {
      ...nodeFs,
      open: (path, flags, mode) =>
        refuse && path.startsWith(devices)
          ? Promise.reject(Object.assign(new Error('read-only'), { code: 'EROFS' }))
          : nodeFs.open(path, flags, mode),
    };
    const unplugged = new SyncDriver({ vault: first, vaultDir: join(root, 'one', 'vault'), timer: clock, log, machineId, fs });
    drivers.push(unplugged);
    await unplugged.vaultStateChanged('unlocked');
    await unplugged.append(checkIn('written before the folder went away'));
    refuse = true;
    expect(await unplugged.remove()).toMatchObject({ outcome: 'folder-unavailable', status: { state: 'on', folder } });
    expect(await unplugged.hasLink()).toBe(true);
    refuse = false;
    await settle(clock, unplugged, two);
    expect(two.current().devices).toEqual([expect.objectContaining({ name: 'Laptop', final: false })]);
    expect(await unplugged.remove()).toMatchObject({ outcome: 'removed' });
  });

  it('a new name reaches the other computer at its next start; History learns which entries came from where', async () => {
    const { clock, log, second, one, two } = await twoComputers();
    const fromLaptop = await one.append(checkIn('laptop'));
    const fromDesktop = await two.append(checkIn('desktop'));
    await settle(clock, one, two);
    await settle(clock, one, two);
    await expect(one.rename('  Work laptop  ')).resolves.toMatchObject({ deviceName: 'Work laptop' });
    await one.passNow();
    await two.stop();
    const restarted = new SyncDriver({
      vault: second,
      vaultDir: join(root, 'two', 'vault'),
      timer: clock,
      log,
      machineId: async () => 'other-machine',
    });
    drivers.push(restarted);
    await restarted.vaultStateChanged('unlocked');
    expect(restarted.current().devices).toEqual([expect.objectContaining({ name: 'Work laptop' })]);
    expect(await restarted.addedElsewhere([fromLaptop.id, fromDesktop.id, 'not-an-entry-id'])).toEqual([
      { id: fromLaptop.id, name: 'Work laptop' },
    ]);
    expect(await one.addedElsewhere([fromLaptop.id, fromDesktop.id])).toEqual([{ id: fromDesktop.id, name: 'Desktop' }]);
    // The laptop's own state.bin keeps the name across its restart too.
    await one.stop();
    await one.vaultStateChanged('unlocked');
    expect(one.current()).toMatchObject({ state: 'on', deviceName: 'Work laptop' });
    // Off: nothing to rename, and History marks nothing.
    await restarted.vaultStateChanged('locked');
    await expect(restarted.rename('Desktop')).rejects.toMatchObject({ code: 'invalid-request' });
    expect(await restarted.addedElsewhere([fromLaptop.id])).toEqual([]);
  });

  it('after Erase everything, sync stops and its files here go; the folder and the other computer keep theirs', async () => {
    const { clock, first, one, two } = await twoComputers();
    const entry = await one.append(checkIn('kept by the desktop'));
    await settle(clock, one, two);
    await first.erase();
    await one.vaultStateChanged('not-set-up');
    await one.erased();
    expect(one.current()).toMatchObject({ state: 'off', folder: null, deviceName: null });
    expect(await one.hasLink()).toBe(false);
    await settle(clock, two);
    expect(two.current().devices).toEqual([expect.objectContaining({ name: 'Laptop', final: false })]);
    expect((await readdir(join(folder, 'attune-sync', 'devices'))).length).toBe(2);
    expect(await two.addedElsewhere([entry.id])).toEqual([{ id: entry.id, name: 'Laptop' }]);
  });

  it('at its start, a copy in the folder that a power cut left torn (same size, other bytes) is written again', async () => {
    const { clock, log, first, one, two } = await twoComputers();
    await one.append(checkIn('published, then torn in the folder'));
    await settle(clock, one, two);
    await one.stop();
    const mine = join(folder, 'attune-sync', 'devices');
    // The laptop's folder: the one device the desktop lists.
    const own = two.current().devices[0]?.deviceId;
    const segments = (await readdir(join(mine, own as string))).filter((name) => name.startsWith('seg-')).sort();
    const torn = join(mine, own as string, segments.at(-1) as string);
    const bytes = await readFile(torn);
    await writeFile(torn, Buffer.alloc(bytes.length));
    const again = new SyncDriver({ vault: first, vaultDir: join(root, 'one', 'vault'), timer: clock, log, machineId });
    drivers.push(again);
    await again.vaultStateChanged('unlocked');
    expect(await readFile(torn)).toEqual(bytes);
  });

  it('a computer with its own history joins with the recovery key and its own passphrase: the two become one history', async () => {
    const { clock, log, first, one, recoveryKey } = await firstComputer();
    const fromLaptop = await one.append(checkIn('written on the laptop'));
    const desktopDir = join(root, 'two');
    const second = vaults.track(makeVault(desktopDir));
    const own = await second.setup({ passphrase: 'desktop words', useKeychain: false, createRecoveryKey: true });
    await second.keepRecoveryKey(own.recoveryKey as string);
    const fromDesktop = await second.append(checkIn('written on the desktop before it synced'));
    const goneHere = await second.append(checkIn('deleted on the desktop'));
    await second.delete(goneHere.id);
    const two = new SyncDriver({
      vault: second,
      vaultDir: join(desktopDir, 'vault'),
      timer: clock,
      log,
      machineId: async () => 'other-machine',
    });
    drivers.push(two);
    await two.vaultStateChanged('unlocked');
    const vaultFile = await readFile(join(desktopDir, 'vault', 'vault.json'));

    // Proven by the passphrase that opens it now: a wrong one changes nothing, here or in the folder.
    const request = { recoveryKey, deviceName: 'Desktop', current: { method: 'passphrase' as const, passphrase: 'not the words' } };
    await expect(two.link(folder, request)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(await two.link(folder, { ...request, recoveryKey: own.recoveryKey as string })).toBe('wrong-recovery-key');
    expect(await readFile(join(desktopDir, 'vault', 'vault.json'))).toEqual(vaultFile);
    expect(await two.hasLink()).toBe(false);
    expect(await readdir(join(folder, 'attune-sync', 'devices'))).toHaveLength(1);

    const current = { method: 'passphrase' as const, passphrase: 'desktop words' };
    expect(await two.link(folder, { ...request, current })).toBe('linked');
    expect(two.current()).toMatchObject({ state: 'on', deviceName: 'Desktop' });
    await settle(clock, one, two);
    const union = byId([fromLaptop, fromDesktop]);
    expect(byId(await second.entries())).toEqual(union);
    expect(byId(await first.entries())).toEqual(union);
    expect(await first.get(goneHere.id)).toBeUndefined();
    expect(await one.addedElsewhere([fromDesktop.id, fromLaptop.id])).toEqual([{ id: fromDesktop.id, name: 'Desktop' }]);
    expect(await two.addedElsewhere([fromDesktop.id, fromLaptop.id])).toEqual([{ id: fromLaptop.id, name: 'Laptop' }]);

    // The desktop now opens with its own passphrase and with the laptop's recovery key; its old recovery key opens nothing.
    await two.vaultStateChanged('locked');
    await second.lock();
    await expect(second.unlock({ method: 'recovery', recoveryKey: own.recoveryKey as string })).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    expect(await second.unlock({ method: 'recovery', recoveryKey })).toMatchObject({ problems: [] });
    await second.lock();
    expect(await second.unlock(current)).toMatchObject({ problems: [] });
    await two.vaultStateChanged('unlocked');
    expect(two.current()).toMatchObject({ state: 'on', deviceName: 'Desktop' });
    const later = await two.append(checkIn('after joining'));
    await settle(clock, two, one);
    expect(await first.get(later.id)).toEqual(later);
  });

  it('a new key on one computer: it waits for the recovery key, the other enters it, and both sync under it (§4.6)', async () => {
    const { clock, log, first, second, one, two, recoveryKey: oldKey } = await twoComputers();
    const before = await one.append(checkIn('before the new key'));
    // Renamed in this run: the name goes over to the new key with the link.
    await one.rename('Work laptop');
    await settle(clock, one, two);
    const { recoveryKey: newKey } = await one.withNewKey((stage) =>
      first.rekey({ method: 'passphrase', passphrase: 'first computer words' }, { stage }),
    );
    // Nothing goes out until the new recovery key is kept; the check-in is saved here all the same.
    expect(one.current().state).toBe('needs-recovery-key');
    const meanwhile = await one.append(checkIn('while the new key waits'));
    expect(await first.get(meanwhile.id)).toEqual(meanwhile);
    await first.keepRecoveryKey(newKey as string);
    await one.recoveryKept();
    expect(one.current()).toMatchObject({ state: 'on', deviceName: 'Work laptop' });
    expect((await readdir(join(folder, 'attune-sync', 'keys'))).length).toBe(2);

    // The desktop cannot read the laptop's new files yet, says so, and what it writes still reaches the laptop.
    await settle(clock, one, two);
    // (Names are read once per start: the new one, sealed under the new key, shows once the key is taken.)
    expect(two.current().devices).toEqual([expect.objectContaining({ name: 'Laptop', needsKey: [expect.any(String)] })]);
    const fromDesktop = await two.append(checkIn('from the desktop, old key'));
    await settle(clock, two, one);
    expect(await first.get(fromDesktop.id)).toEqual(fromDesktop);

    // Its old recovery key opens nothing new; a wrong passphrase changes nothing; then the new key is taken.
    const passphrase = { method: 'passphrase' as const, passphrase: 'second computer words' };
    expect(await two.adoptKey({ recoveryKey: oldKey, current: passphrase })).toBe('wrong-recovery-key');
    await expect(two.adoptKey({ recoveryKey: newKey as string, current: { ...passphrase, passphrase: 'not it' } })).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    expect(two.current().state).toBe('on');
    expect(await two.adoptKey({ recoveryKey: newKey as string, current: passphrase })).toBe('adopted');
    await settle(clock, one, two, one, two);
    expect(two.current().devices).toEqual([expect.objectContaining({ name: 'Work laptop', needsKey: [] })]);
    expect(one.current().devices).toEqual([expect.objectContaining({ name: 'Desktop', needsKey: [] })]);
    const all = byId([before, meanwhile, fromDesktop]);
    expect(byId(await first.entries())).toEqual(all);
    expect(byId(await second.entries())).toEqual(all);

    // After a restart of both, the link opens under the new key and reads what was written under the old one.
    await one.stop();
    await two.stop();
    const again = (vault: typeof first, dir: string, id: string) => {
      const driver = new SyncDriver({ vault, vaultDir: join(root, dir, 'vault'), timer: clock, log, machineId: async () => id });
      drivers.push(driver);
      return driver;
    };
    const oneAgain = again(first, 'one', 'this-machine');
    const twoAgain = again(second, 'two', 'other-machine');
    await oneAgain.vaultStateChanged('unlocked');
    await twoAgain.vaultStateChanged('unlocked');
    expect(oneAgain.current()).toMatchObject({ state: 'on', deviceName: 'Work laptop' });
    expect(twoAgain.current().devices).toEqual([expect.objectContaining({ name: 'Work laptop', needsKey: [] })]);
    const later = await twoAgain.append(checkIn('after both restarted'));
    await settle(clock, twoAgain, oneAgain);
    expect(await first.get(later.id)).toEqual(later);

    // A third computer joining now needs only the new recovery key, and gets everything.
    const third = vaults.track(makeVault(join(root, 'three')));
    const joined = await linkSync(
      { fs: nodeFs, vaultDir: join(root, 'three', 'vault'), folder, machineId: 'third-machine', now: () => clock.now() },
      third,
      {
        recoveryKey: newKey as string,
        setup: { passphrase: 'third computer words', useKeychain: false, createRecoveryKey: false },
        deviceName: 'Tablet',
      },
    );
    expect(joined.kind).toBe('linked');
    const three = again(third, 'three', 'third-machine');
    await three.vaultStateChanged('unlocked');
    expect(byId(await third.entries())).toEqual(byId([...all, later]));

    // One recovery key for both now: the new one opens the desktop's history; the old one opens neither.
    await twoAgain.vaultStateChanged('locked');
    await second.lock();
    await expect(second.unlock({ method: 'recovery', recoveryKey: oldKey })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(await second.unlock({ method: 'recovery', recoveryKey: newKey as string })).toMatchObject({ problems: [] });
  });

  it('two new keys before either recovery key is kept: the link follows both, and the other takes the last one', async () => {
    const { clock, first, second, one, two } = await twoComputers();
    const words = { method: 'passphrase' as const, passphrase: 'first computer words' };
    await one.withNewKey((stage) => first.rekey(words, { stage }));
    expect(one.current().state).toBe('needs-recovery-key');
    const { recoveryKey: lastKey } = await one.withNewKey((stage) => first.rekey(words, { stage }));
    expect(one.current().state).toBe('needs-recovery-key');
    // A lock and an unlock between: the link still opens, and still waits.
    await one.vaultStateChanged('locked');
    await one.vaultStateChanged('unlocked');
    expect(one.current().state).toBe('needs-recovery-key');
    await first.keepRecoveryKey(lastKey as string);
    await one.recoveryKept();
    expect(one.current().state).toBe('on');
    const entry = await one.append(checkIn('under the last key'));
    expect(
      await two.adoptKey({ recoveryKey: lastKey as string, current: { method: 'passphrase', passphrase: 'second computer words' } }),
    ).toBe('adopted');
    await settle(clock, one, two);
    expect(await second.get(entry.id)).toEqual(entry);
  });

  it('is off without a link, and the plain vault calls answer', async () => {
    const vault = vaults.track(makeVault(join(root, 'alone')));
    await vault.setup({ passphrase: 'no folder here', useKeychain: false, createRecoveryKey: false });
    const driver = new SyncDriver({
      vault,
      vaultDir: join(root, 'alone', 'vault'),
      timer: new MovableClock(),
      log: createMemoryLogger(),
      machineId,
    });
    drivers.push(driver);
    await driver.vaultStateChanged('unlocked');
    expect(driver.current().state).toBe('off');
    const entry = await driver.append(checkIn('only here'));
    expect(await vault.get(entry.id)).toEqual(entry);
    expect(await driver.setUp(folder, 'Laptop')).toBe('needs-recovery-key');
  });
});
