import type { Contract } from '../../shared/ipc/contract';
import { type AppHandlerDeps, createAppHandlers } from './app-handlers';
import type { VaultService } from '../vault/vault-service';
import type { HandlerTable } from './dispatch';
import { type SaveDialogPort, createExportHandlers } from './export-handlers';
import { type PausesPort, createPausesHandlers } from './pauses-handlers';
import { createVaultHandlers } from './vault-handlers';

export interface HandlerDeps extends AppHandlerDeps {
  vault: VaultService;
  pauses: PausesPort;
  dialog: SaveDialogPort;
}

/**
 * The one table of handlers, one per channel in the contract. The Electron
 * app and the browser test harness both build it here, so the end-to-end
 * tests exercise exactly the code the app runs.
 */
export const createHandlerTable = (deps: HandlerDeps): HandlerTable<Contract> => ({
  ...createAppHandlers(deps),
  ...createVaultHandlers(deps.vault),
  ...createPausesHandlers(deps.pauses),
  ...createExportHandlers(deps.vault, deps.dialog),
});
