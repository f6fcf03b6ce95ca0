import type { exportContract } from '../../shared/ipc/export-contract';
import type { VaultService } from '../vault/vault-service';
import type { HandlerTable } from './dispatch';

/** Main's save dialog (the platform layer implements it; the harness stands in). */
export interface SaveDialogPort {
  /** An absolute path the person chose, or null when they cancelled. */
  chooseSavePath(suggestedName: string, extension: 'json' | 'csv' | 'html' | 'txt'): Promise<string | null>;
}

/** "attune-export-2026-11-23.json": dated, neutral (the file name may be seen by others). */
export const suggestedExportName = (now: number, extension: string): string =>
  `attune-export-${new Date(now).toISOString().slice(0, 10)}.${extension}`;

export const createExportHandlers = (
  vault: VaultService,
  dialog: SaveDialogPort,
  now: () => number = Date.now,
): HandlerTable<typeof exportContract> => ({
  'vault.saveExport': async ({ format, range }) => {
    const path = await dialog.chooseSavePath(suggestedExportName(now(), format), format);
    if (path === null) return { saved: false };
    const result = await vault.export({ path, format, ...(range ? { range } : {}), confirmPlaintext: true });
    return { saved: true, path: result.path, count: result.count };
  },
});
