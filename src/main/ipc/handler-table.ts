import type { Contract } from '../../shared/ipc/contract';
import type { VaultState } from '../../shared/vault-states';
import type { SyncDriver } from '../sync/sync-driver';
import type { DeferredDeletes } from '../vault/deferred-deletes';
import type { VaultService } from '../vault/vault-service';
import { type AppHandlerDeps, createAppHandlers } from './app-handlers';
import { createCheckinHandlers } from './checkin-handlers';
import { createDevicesHandlers, type FolderDialogPort } from './devices-handlers';
import type { HandlerTable } from './dispatch';
import { createExportHandlers, type SaveDialogPort } from './export-handlers';
import { createInsightsHandlers } from './insights-handlers';
import { gateWhileLocked } from './locked-gate';
import { createPausesHandlers, type PausesPort } from './pauses-handlers';
import type { RecoveryClipboard } from './recovery-clipboard';
import { createRecoveryKeyHandlers } from './recovery-key-handlers';
import { createVaultHandlers, type VaultHandlers } from './vault-handlers';

export interface HandlerDeps extends AppHandlerDeps {
  vault: VaultService;
  /** The clock decisions are made with (follow-up timing, recency); tests move it. */
  now?: () => number;
  /** Told after a window locked, unlocked, set up or erased the history, so every window can follow. */
  onVaultStateChanged?: (state: VaultState) => void;
  /** Told after a check-in or follow-up was saved, so a window showing the history can offer the latest. */
  onHistoryChanged?: () => void;
  pauses: PausesPort;
  dialog: SaveDialogPort;
  /** For the recovery key only; it clears the clipboard again. */
  clipboard: RecoveryClipboard;
  /** Where deletes asked for while locked wait for the next unlock. */
  deferredDeletes?: DeferredDeletes;
  /** Sync through a folder the person already syncs; its check-ins and deletes go through it (the vault's own calls when it is off). */
  sync: SyncDriver;
  folderDialog: FolderDialogPort;
}

/**
 * The one table of handlers, one per channel in the contract. The Electron
 * app and the browser test harness both build it here, so the end-to-end
 * tests exercise exactly the code the app runs.
 */
export const createHandlerTable = (deps: HandlerDeps): HandlerTable<Contract> =>
  // While locked, only what the lock screen and help need gets through (locked-gate.ts).
  gateWhileLocked(
    {
      ...createAppHandlers(deps),
      ...announceHistoryChanges(
        announceVaultChanges(createVaultHandlers(deps.vault, deps.deferredDeletes, deps.sync), deps.onVaultStateChanged),
        deps.onHistoryChanged,
      ),
      ...createPausesHandlers(deps.pauses),
      ...createExportHandlers(deps.vault, deps.dialog),
      ...createRecoveryKeyHandlers(deps.vault, { clipboard: deps.clipboard, dialog: deps.dialog }, deps.sync),
      ...createInsightsHandlers(deps.vault, deps.dialog),
      ...createCheckinHandlers(deps.vault, deps.settings, deps.now),
      ...createDevicesHandlers(deps.sync, deps.folderDialog, deps.vault, deps.onVaultStateChanged),
    },
    () => deps.vault.isLocked,
    () => deps.settings.get(),
  );

/** A check-in saved in one window (the popover) while another shows the history (the app window). */
const announceHistoryChanges = (handlers: VaultHandlers, announce: HandlerDeps['onHistoryChanged']): VaultHandlers => {
  if (!announce) return handlers;
  return {
    ...handlers,
    'vault.append': async (request, ctx) => {
      const entry = await handlers['vault.append'](request, ctx);
      announce();
      return entry;
    },
  };
};

/** Wraps the handlers that change the vault's state so main can tell every window. */
const announceVaultChanges = (handlers: VaultHandlers, announce: HandlerDeps['onVaultStateChanged']): VaultHandlers => {
  if (!announce) return handlers;
  return {
    ...handlers,
    'vault.setup': async (request, ctx) => {
      const result = await handlers['vault.setup'](request, ctx);
      announce(result.status.state);
      return result;
    },
    'vault.unlock': async (request, ctx) => tell(await handlers['vault.unlock'](request, ctx)),
    'vault.lock': async (request, ctx) => tell(await handlers['vault.lock'](request, ctx)),
    'vault.erase': async (request, ctx) => tell(await handlers['vault.erase'](request, ctx)),
  };
  function tell<S extends { state: VaultState }>(status: S): S {
    announce?.(status.state);
    return status;
  }
};
