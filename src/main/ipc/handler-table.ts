import type { Contract } from '../../shared/ipc/contract';
import { type AppHandlerDeps, createAppHandlers } from './app-handlers';
import type { HandlerTable } from './dispatch';

export type HandlerDeps = AppHandlerDeps;

/**
 * The one table of handlers, one per channel in the contract. The Electron
 * app and the browser test harness both build it here, so the end-to-end
 * tests exercise exactly the code the app runs.
 */
export const createHandlerTable = (deps: HandlerDeps): HandlerTable<Contract> => ({
  ...createAppHandlers(deps),
});
