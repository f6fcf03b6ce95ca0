import { type KeyObject, randomBytes } from 'node:crypto';

import type { FsPort } from '../fs/fs-port';
import { readRegularFile } from '../fs/regular-file';
import { importKey, KEY_BYTES } from '../vault/aead';
import type { Credential } from '../vault/credential';
import type { KeyFile } from '../vault/key-file';
import { verifyKeyCheck } from '../vault/key-wrap';
import type { SetupRequest, VaultService } from '../vault/vault-service';
import type { GivenKey } from '../vault/vault-setup';
import { writeDeviceFile } from './device-file';
import { readStateDuringMove } from './device-move';
import { createFormatFile, readFormatFile, SMALL_FILE_CAP, syncRootIn } from './format-file';
import { readFormerIds } from './former-ids-file';
import { createInstall, type Install, judgeInstall, readInstall } from './install-file';
import type { SyncIdentity } from './sync-identity';
import {
  keyFileFromVault,
  MAX_PREVIOUS,
  openPrevious,
  openSyncKeys,
  parseSyncKeyFile,
  type PreviousKey,
  sealPrevious,
  syncKeyFilePath,
  writeSyncKeyFile,
} from './sync-key-file';
import {
  promoteStagedState,
  readSyncState,
  removeStagedStates,
  stagedStateFile,
  type SyncState,
  writeStagedSyncState,
  writeSyncState,
} from './sync-state-file';

/**
 * Setting up sync on the first computer (docs/sync-format.md §4.2), linking
 * another (§4.4), and finding the link again at each unlock. Each answers
 * either what the engine needs to start, or a plain reason the person can
 * act on; nothing in the folder makes these throw.
 */
export const localDirFor = (vaultDir: string): string => `${vaultDir}.sync`;

export interface LinkPlaces {
  readonly fs: FsPort;
  /** The vault folder; sync's own files live beside it, in `<vault>.sync`. */
  readonly vaultDir: string;
  /** The folder the person chose (F); Attune uses only `F/attune-sync`. */
  readonly folder: string;
  /** This machine's id (machine-id.ts), or undefined when none can be read. */
  readonly machineId: string | undefined;
  readonly now: () => number;
}

export interface Linked {
  readonly identity: SyncIdentity;
  readonly syncRoot: string;
  readonly localDir: string;
  readonly state: SyncState;
  /** Ids this history wrote as before it last stopped syncing (former-ids-file.ts). */
  readonly formerIds: readonly string[];
}

export type SetUpResult =
  | ({ kind: 'set-up' } & Linked)
  /** The folder already holds a history (or another computer set it up at the same moment): link to it instead. */
  | { kind: 'already-set-up' }
  | { kind: 'needs-recovery-key' }
  | { kind: 'newer-folder' }
  | { kind: 'unreadable-folder' };

export type LinkResult =
  | ({ kind: 'linked' } & Linked)
  | { kind: 'not-set-up' }
  | { kind: 'newer-folder' }
  | { kind: 'unreadable-folder' }
  /** The typed words are not a recovery key: 'format' or 'checksum', as on the unlock screen. */
  | { kind: 'not-a-recovery-key'; reason: 'format' | 'checksum' }
  | { kind: 'wrong-recovery-key' }
  /** Asked to make a history here, but one exists (or to re-key one, but it is not open): nothing changed. */
  | { kind: 'has-history' };

const newInstall = async (places: LinkPlaces, localDir: string): Promise<Install> => {
  await places.fs.mkdir(localDir, 0o700);
  return createInstall(places.fs, localDir, places.machineId, places.now());
};

/**
 * §4.2 on the first computer: the vault is unlocked and keeps a recovery key;
 * F/attune-sync is absent. A folder that already holds this very history
 * (its key file opens with this vault's own key: this computer stopped
 * syncing there and comes back, or another computer started it from a copy
 * of this one) is joined as a new device, the engine's first pass
 * publishing what the folder lacks and this vault's deletes (§6.3).
 */
export const setUpSync = async (places: LinkPlaces, vault: VaultService, deviceName: string): Promise<SetUpResult> => {
  const syncRoot = syncRootIn(places.folder);
  const { key, keyId, keyFile } = await vault.syncKey();
  if (!keyFile.wraps.recovery) return { kind: 'needs-recovery-key' };
  const created = await createFormatFile(places.fs, syncRoot, randomBytes(16).toString('hex'), places.now());
  if (created.kind === 'exists') {
    const found = created.found;
    if (found.kind === 'newer') return { kind: 'newer-folder' };
    if (found.kind !== 'ok') return { kind: 'unreadable-folder' };
    if (!(await holdsThisKey(syncRoot, found.vaultId, keyId, key))) return { kind: 'already-set-up' };
    return { kind: 'set-up', ...(await joinAsNewDevice(places, syncRoot, found.vaultId, new Map([[keyId, key]]), keyId, deviceName)) };
  }
  const { vaultId } = created;
  await writeSyncKeyFile(places.fs, syncRoot, keyFileFromVault(vaultId, keyFile, places.now()));
  return { kind: 'set-up', ...(await joinAsNewDevice(places, syncRoot, vaultId, new Map([[keyId, key]]), keyId, deviceName)) };
};

/** The folder's key file for `keyId` is one this vault's own key authenticates: the same history, the same key. */
const holdsThisKey = async (syncRoot: string, vaultId: string, keyId: string, key: KeyObject): Promise<boolean> => {
  const bytes = await readRegularFile(syncKeyFilePath(syncRoot, keyId), SMALL_FILE_CAP, { noFollow: true }).catch(() => undefined);
  const file = bytes && parseSyncKeyFile(bytes, vaultId, keyId);
  return file !== undefined && verifyKeyCheck(key, keyId, file.check);
};

/** A new install, device.json and state.bin: this computer's place in a folder whose key it holds. */
const joinAsNewDevice = async (
  places: LinkPlaces,
  syncRoot: string,
  vaultId: string,
  keys: ReadonlyMap<string, KeyObject>,
  keyId: string,
  deviceName: string,
): Promise<Linked> => {
  const key = keys.get(keyId);
  if (!key) throw new Error('the current key is not among the keys');
  const localDir = localDirFor(places.vaultDir);
  const install = await newInstall(places, localDir);
  const ids = { vaultId, deviceId: install.deviceId, keyId };
  const name = await writeDeviceFile(places.fs, syncRoot, { ...ids, key, name: deviceName, now: places.now() });
  const previous = sealedPrevious(key, vaultId, keyId, keys);
  const state = { folder: places.folder, deviceName: name, ...(previous.length > 0 ? { previous } : {}) };
  await writeSyncState(places.fs, localDir, key, ids, state);
  return { identity: { ...ids, keys }, syncRoot, localDir, state, formerIds: await readFormerIds(localDir) };
};

/**
 * How this computer comes to hold the folder's key: with no history yet, its
 * history is made around it with the person's passphrase or keychain choice;
 * with a history of its own, that history is re-keyed to it (§4.4 step 3),
 * proven by the passphrase or keychain that opens it now, which stay.
 */
export type LinkRequest = { recoveryKey: string; deviceName: string } & ({ setup: SetupRequest } | { current: Credential });

/**
 * §4.4: the recovery key opens the folder's key, this computer's history is
 * made or re-keyed around it, and the engine's first pass brings the two
 * together (what only this computer had is published, §4.4 step 6). A wrong
 * passphrase throws as on the unlock screen, with nothing changed.
 */
export const linkSync = async (places: LinkPlaces, vault: VaultService, request: LinkRequest): Promise<LinkResult> => {
  const syncRoot = syncRootIn(places.folder);
  const format = await readFormatFile(syncRoot);
  if (format.kind === 'absent') return { kind: 'not-set-up' };
  if (format.kind === 'newer') return { kind: 'newer-folder' };
  if (format.kind === 'unreadable') return { kind: 'unreadable-folder' };
  const here = (await vault.status()).state;
  if ('setup' in request ? here !== 'not-set-up' : here !== 'unlocked') return { kind: 'has-history' };
  const opened = await openFolderKey(syncRoot, format.vaultId, request.recoveryKey);
  if (opened.kind !== 'opened') return opened;
  const { given, keys } = opened;
  try {
    if ('setup' in request) await vault.setup(request.setup, given);
    else if ((await vault.syncKey()).keyId !== given.keyId) await vault.rekey(request.current, { adopt: given });
  } finally {
    given.dataKey.fill(0);
  }
  return { kind: 'linked', ...(await joinAsNewDevice(places, syncRoot, format.vaultId, keys, given.keyId, request.deviceName)) };
};

type FolderKey =
  | { kind: 'opened'; given: GivenKey; keys: Map<string, KeyObject> }
  | { kind: 'not-a-recovery-key'; reason: 'format' | 'checksum' }
  | { kind: 'wrong-recovery-key' }
  | { kind: 'unreadable-folder' };

/**
 * §4.4 step 2: the folder's current key, opened with the recovery key, as a
 * vault takes it (data key, key id, check and recovery wrap), with every
 * key its chain reaches. The caller zeroes `given.dataKey`.
 */
export const openFolderKey = async (syncRoot: string, vaultId: string, recoveryKey: string): Promise<FolderKey> => {
  const opened = await openSyncKeys(syncRoot, recoveryKey, vaultId);
  if (!opened.ok)
    return opened.reason === 'format' || opened.reason === 'checksum'
      ? { kind: 'not-a-recovery-key', reason: opened.reason }
      : { kind: 'wrong-recovery-key' };
  const keyId = opened.currentKeyId;
  const bytes = await readRegularFile(syncKeyFilePath(syncRoot, keyId), SMALL_FILE_CAP, { noFollow: true }).catch(() => undefined);
  const keyFile = bytes && parseSyncKeyFile(bytes, vaultId, keyId);
  if (!keyFile) {
    opened.currentDataKey.fill(0);
    return { kind: 'unreadable-folder' };
  }
  const given = { dataKey: opened.currentDataKey, keyId, check: keyFile.check, recovery: keyFile.recovery };
  return { kind: 'opened', given, keys: opened.keys };
};

/** Every key but the current one, sealed under it (§2.2 `previous`): what state.bin keeps, and the folder's key file lists. */
const sealedPrevious = (key: KeyObject, vaultId: string, keyId: string, keys: ReadonlyMap<string, KeyObject>): PreviousKey[] =>
  [...keys]
    .filter(([id]) => id !== keyId)
    .slice(0, MAX_PREVIOUS)
    .map(([id, older]) => {
      const raw = older.export();
      try {
        return sealPrevious(key, vaultId, keyId, id, raw);
      } finally {
        raw.fill(0);
      }
    });

/** The current key and the older ones a state file keeps sealed under it (§4.6); an entry that does not open is left out. */
const keysWithPrevious = (
  key: KeyObject,
  vaultId: string,
  keyId: string,
  previous: readonly PreviousKey[] = [],
): Map<string, KeyObject> => {
  const keys = new Map([[keyId, key]]);
  for (const entry of previous) {
    const older = openPrevious(key, vaultId, keyId, entry);
    if (older?.length === KEY_BYTES && !keys.has(entry.keyId)) keys.set(entry.keyId, importKey(older));
    older?.fill(0);
  }
  return keys;
};

/**
 * §4.6, after this history took a new key (a re-key here, or the new key of
 * another computer): the link is sealed anew under it — state.bin keeps
 * every older key sealed under the new one, device.json names this computer
 * under it — so the next start opens it, reads what was written under the
 * old keys, and writes the new key's file into the folder.
 */
export const relinkUnderCurrentKey = async (places: Pick<LinkPlaces, 'fs' | 'now'>, vault: VaultService, linked: Linked): Promise<void> => {
  const { key, keyId } = await vault.syncKey();
  const { vaultId, deviceId } = linked.identity;
  const ids = { vaultId, deviceId, keyId };
  await writeSyncState(places.fs, linked.localDir, key, ids, stateUnder(key, keyId, linked));
  await removeStagedStates(places.fs, linked.localDir);
  // The folder may be away: the name is written again at the next rename, and reads as "Another computer" until then.
  await writeDeviceFile(places.fs, linked.syncRoot, {
    ...ids,
    key,
    name: linked.state.deviceName,
    now: places.now(),
    movedFrom: linked.state.movedFrom,
  }).catch(() => undefined);
};

/** The link as state.bin holds it under `key`: every other key the link knows, sealed under it. */
const stateUnder = (key: KeyObject, keyId: string, linked: Linked): SyncState => ({
  folder: linked.state.folder,
  deviceName: linked.state.deviceName,
  previous: sealedPrevious(key, linked.identity.vaultId, keyId, linked.identity.keys),
  ...(linked.state.movedFrom ? { movedFrom: linked.state.movedFrom } : {}),
});

/**
 * §4.6, before a re-key commits (VaultService.rekey's `stage`): the link
 * sealed under the new key, so a stop between the commit and
 * relinkUnderCurrentKey leaves a link the next start opens. `linked` holds
 * every key the new one must list (the one in use, older ones, and for an
 * adopted key the folder's chain).
 */
export const stageRelink = async (
  places: Pick<LinkPlaces, 'fs'>,
  linked: Linked,
  next: { key: KeyObject; keyId: string },
): Promise<void> => {
  const ids = { vaultId: linked.identity.vaultId, deviceId: linked.identity.deviceId, keyId: next.keyId };
  await writeStagedSyncState(places.fs, linked.localDir, next.key, ids, stateUnder(next.key, next.keyId, linked));
};

/** state.bin as the last re-key left it: a link staged under the key in use becomes state.bin when state.bin no longer opens. */
const readStateAfterRekey = async (
  fs: FsPort,
  localDir: string,
  key: KeyObject,
  ids: { deviceId: string; keyId: string },
): ReturnType<typeof readStateDuringMove> => {
  const read = await readStateDuringMove(fs, localDir, key, ids);
  if (read.kind === 'unreadable') {
    const staged = await readSyncState(localDir, key, ids, stagedStateFile(ids.keyId));
    if (staged.kind !== 'ok') return read;
    await promoteStagedState(fs, localDir, ids.keyId);
    return staged;
  }
  // Opened as it is: a staged file is from a re-key that never committed, or one already carried over.
  if (read.kind === 'ok') await removeStagedStates(fs, localDir);
  return read;
};

export type ResumeResult =
  | ({ kind: 'resumed' } & Linked)
  /** Sync was never set up here (or was removed). */
  | { kind: 'off' }
  /** install.json or state.bin does not open: sync waits for the folder to be chosen again. */
  | { kind: 'unreadable' }
  /** A restored backup or a cloned disk on another machine (§4.3 rule 1): this install needs a new device id. */
  | { kind: 'another-machine' }
  /**
   * §4.6: this history took a new key whose file is not in the folder yet,
   * and no recovery key for it is kept: nothing is published until one is,
   * or the other computers could never open what this one writes.
   */
  | ({ kind: 'needs-recovery-key' } & Linked);

/** At each unlock: the link made earlier, if there is one. */
export const resumeSync = async (places: Omit<LinkPlaces, 'folder'>, vault: VaultService): Promise<ResumeResult> => {
  const localDir = localDirFor(places.vaultDir);
  const install = await readInstall(localDir);
  if (install.kind === 'absent') return { kind: 'off' };
  if (install.kind === 'unreadable') return { kind: 'unreadable' };
  if (judgeInstall(install.install, places.machineId) === 'another-machine') return { kind: 'another-machine' };
  const { key, keyId, keyFile } = await vault.syncKey();
  const { deviceId } = install.install;
  const read = await readStateAfterRekey(places.fs, localDir, key, { deviceId, keyId });
  if (read.kind === 'absent') return { kind: 'off' };
  if (read.kind === 'unreadable') return { kind: 'unreadable' };
  const syncRoot = syncRootIn(read.state.folder);
  const written = await writeKeyFileOnce(places, syncRoot, read.vaultId, keyFile, read.state.previous);
  const linked: Linked = {
    identity: { vaultId: read.vaultId, deviceId, keyId, keys: keysWithPrevious(key, read.vaultId, keyId, read.state.previous) },
    syncRoot,
    localDir,
    state: read.state,
    formerIds: await readFormerIds(localDir),
  };
  return { kind: written === 'needs-recovery-key' ? 'needs-recovery-key' : 'resumed', ...linked };
};

/**
 * The folder's file for this history's current key (§2.2), written once:
 * after a re-key here it is the new key's, listing the older ones (§4.6).
 * A folder that is away now is tried again at the next start; a key file
 * already there is left as it is.
 */
const writeKeyFileOnce = async (
  places: Pick<LinkPlaces, 'fs' | 'now'>,
  syncRoot: string,
  vaultId: string,
  keyFile: KeyFile,
  previous: readonly PreviousKey[] = [],
): Promise<'written' | 'exists' | 'away' | 'needs-recovery-key'> => {
  const path = syncKeyFilePath(syncRoot, keyFile.keyId);
  if ((await places.fs.size(path).catch(() => undefined)) !== undefined) return 'exists';
  if (!keyFile.wraps.recovery) return 'needs-recovery-key';
  return writeSyncKeyFile(places.fs, syncRoot, keyFileFromVault(vaultId, keyFile, places.now(), previous)).catch(() => 'away' as const);
};
