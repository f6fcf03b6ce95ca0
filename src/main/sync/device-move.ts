import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';

import type { FsPort } from '../fs/fs-port';
import { isNotFound } from '../fs/storage-error';
import type { VaultService } from '../vault/vault-service';
import { syncRootIn } from './format-file';
import { createInstall, readInstall } from './install-file';
import { readSyncState, type SyncState, writeSyncState } from './sync-state-file';

/**
 * Moving this install to a new device id (docs/sync-format.md §4.3): the
 * local half. own/ is renamed `retired-<old id>/` first — from then on the
 * old id's chain is never written again, whatever happens next — then a new
 * install.json and state.bin are written under the new id. The engine
 * finishes the move at its next start (or at once): it merges the retired
 * segments as its own history, writes device.json and a checkpoint under the
 * new id, deletes what it published in the old folder after the fork point,
 * and removes the retired folder. A kill anywhere leaves a state that the
 * next start finishes.
 */
export const RETIRED_PREFIX = 'retired-';
const HEX32 = /^[0-9a-f]{32}$/;

/** Old ids whose own/ was retired here and whose move is not finished yet. */
export const listRetired = async (fs: FsPort, localDir: string): Promise<string[]> => {
  let names: string[];
  try {
    names = await fs.readdir(localDir);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  return names
    .filter((name) => name.startsWith(RETIRED_PREFIX) && HEX32.test(name.slice(RETIRED_PREFIX.length)))
    .map((name) => name.slice(RETIRED_PREFIX.length));
};

export const retiredDir = (localDir: string, oldId: string): string => join(localDir, `${RETIRED_PREFIX}${oldId}`);

export interface MoveIds {
  readonly vaultId: string;
  readonly keyId: string;
  readonly oldId: string;
}

/** Retire own/ and write install.json and state.bin under a new id; returns the new id. */
export const moveInstall = async (
  fs: FsPort,
  localDir: string,
  key: KeyObject,
  ids: MoveIds,
  state: SyncState,
  machineId: string | undefined,
  now: number,
): Promise<string> => {
  const retired = retiredDir(localDir, ids.oldId);
  try {
    await fs.rename(join(localDir, 'own'), retired);
  } catch (error) {
    // No own/ (nothing published yet, or a kill after the rename): an empty retired folder still marks the move.
    if (!isNotFound(error)) throw error;
    await fs.mkdir(retired, 0o700);
  }
  const install = await createInstall(fs, localDir, machineId, now);
  await writeSyncState(fs, localDir, key, { vaultId: ids.vaultId, deviceId: install.deviceId, keyId: ids.keyId }, state);
  return install.deviceId;
};

/**
 * state.bin is sealed under the device id. A kill between install.json and
 * state.bin during a move leaves state.bin under the retired id: read it
 * with that id.
 */
export const readStateDuringMove = async (
  fs: FsPort,
  localDir: string,
  key: KeyObject,
  ids: { deviceId: string; keyId: string },
): ReturnType<typeof readSyncState> => {
  const read = await readSyncState(localDir, key, ids);
  if (read.kind !== 'unreadable') return read;
  for (const oldId of await listRetired(fs, localDir)) {
    const older = await readSyncState(localDir, key, { deviceId: oldId, keyId: ids.keyId });
    if (older.kind === 'ok') return older;
  }
  return read;
};

export interface MovedToAnotherMachine {
  readonly kind: 'moved';
  readonly movedFrom: string;
  readonly deviceId: string;
  readonly vaultId: string;
  readonly syncRoot: string;
  readonly localDir: string;
  readonly state: SyncState;
}

/**
 * §4.3 rule 1: resumeSync answered `another-machine` (a restored backup or a
 * cloned disk on another computer). Take a new id here before the engine
 * starts; the engine finishes the move (it sees the retired folder). The
 * caller then resumes as usual.
 */
export const moveToAnotherMachine = async (
  places: { fs: FsPort; vaultDir: string; machineId: string | undefined; now: () => number },
  vault: VaultService,
): Promise<MovedToAnotherMachine | { kind: 'unreadable' } | { kind: 'off' }> => {
  const localDir = `${places.vaultDir}.sync`; // sync-link.ts localDirFor, which imports this file
  const install = await readInstall(localDir);
  if (install.kind === 'absent') return { kind: 'off' };
  if (install.kind === 'unreadable') return { kind: 'unreadable' };
  const { key, keyId } = await vault.syncKey();
  const oldId = install.install.deviceId;
  const read = await readStateDuringMove(places.fs, localDir, key, { deviceId: oldId, keyId });
  if (read.kind === 'absent') return { kind: 'off' };
  if (read.kind === 'unreadable') return { kind: 'unreadable' };
  const deviceId = await moveInstall(
    places.fs,
    localDir,
    key,
    { vaultId: read.vaultId, keyId, oldId },
    read.state,
    places.machineId,
    places.now(),
  );
  return {
    kind: 'moved',
    movedFrom: oldId,
    deviceId,
    vaultId: read.vaultId,
    syncRoot: syncRootIn(read.state.folder),
    localDir,
    state: read.state,
  };
};
