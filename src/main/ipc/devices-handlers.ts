import type { devicesContract } from '../../shared/ipc/devices-contract';
import type { VaultState } from '../../shared/vault-states';
import { stoppedStatus, type SyncDriver, type SyncStatus } from '../sync/sync-driver';
import type { VaultService } from '../vault/vault-service';
import type { HandlerTable } from './dispatch';

export interface FolderDialogPort {
  /** An absolute path to a folder the person chose, or null when they cancelled. */
  chooseFolder(): Promise<string | null>;
}

/** Plain data for the contract: the driver's reports may carry more than the window needs. */
const forWindow = (status: SyncStatus, linked: boolean) => ({
  state: status.state,
  folder: status.folder,
  deviceName: status.deviceName,
  devices: status.devices.map((device) => ({
    deviceId: device.deviceId,
    name: device.name,
    folder: device.folder,
    waiting: device.waiting.map(({ from, to }) => ({ from, to })),
    backwards: device.backwards,
    pending: device.pending,
    unreadable: device.unreadable,
    notOurs: device.notOurs,
    held: device.held,
    needsKey: [...device.needsKey],
    final: device.final,
    lastSeenAt: device.lastSeenAt ?? null,
    manyDeleted: device.manyDeleted === null ? null : { count: device.manyDeleted.count, at: device.manyDeleted.at },
  })),
  ownWaiting: status.ownWaiting,
  lastPassAt: status.lastPassAt,
  movedToOwnId: status.movedToOwnId,
  linked,
});

/** Settings › Devices: what sync sees, setting it up in a folder main's own dialog picks, and a pass now. */
export const createDevicesHandlers = (
  sync: SyncDriver,
  dialog: FolderDialogPort,
  vault: Pick<VaultService, 'status'>,
  /** A link opens the history: every window follows, as after an unlock. */
  onVaultStateChanged?: (state: VaultState) => void,
): HandlerTable<typeof devicesContract> => {
  /**
   * While unlocked, sync's start (or a pass) may still be under way on its
   * queue: the window gets the status after it, not the 'locked' left from
   * before the unlock. While locked, only that and whether a link exists,
   * whatever the driver still holds.
   */
  const now = async (status?: SyncStatus) => {
    const linked = await sync.hasLink();
    const state = (await vault.status()).state;
    if (state === 'locked') return forWindow(stoppedStatus('locked'), linked);
    if (status) return forWindow(status, linked);
    if (state === 'unlocked') await sync.settled();
    return forWindow(sync.current(), linked);
  };
  return {
    'devices.status': () => now(),
    'devices.setUp': async ({ deviceName }) => {
      const folder = await dialog.chooseFolder();
      if (folder === null) return { outcome: 'cancelled', status: await now() };
      const outcome = await sync.setUp(folder, deviceName);
      return { outcome, status: await now() };
    },
    'devices.syncNow': async () => now(await sync.passNow()),
    'devices.remove': async ({ alsoFolderFiles }) => {
      const { outcome, folderFiles, status } = await sync.remove({ alsoFolderFiles });
      return { outcome, folderFiles, status: await now(status) };
    },
    'devices.rename': async ({ deviceName }) => now(await sync.rename(deviceName)),
    'devices.addHeld': async ({ deviceId }) => now(await sync.addHeld(deviceId)),
    'devices.addedElsewhere': async ({ ids }) => ({ entries: await sync.addedElsewhere(ids) }),
    'devices.link': async (request) => {
      const folder = await dialog.chooseFolder();
      const outcome = folder === null ? 'cancelled' : await sync.link(folder, request);
      const status = await vault.status();
      if (outcome === 'linked') onVaultStateChanged?.(status.state);
      return { outcome, vault: status, status: await now() };
    },
    'devices.adoptKey': async (request) => {
      const outcome = await sync.adoptKey(request);
      return { outcome, vault: await vault.status(), status: await now() };
    },
  };
};
