import { vaultCopy } from '../../shared/copy';
import type { recoveryKeyContract } from '../../shared/ipc/recovery-key-contract';
import { RECOVERY_KEY_FILE_NAME } from '../vault/recovery-key-file';
import type { VaultService } from '../vault/vault-service';
import type { HandlerTable } from './dispatch';
import type { SaveDialogPort } from './export-handlers';
import type { RecoveryClipboard } from './recovery-clipboard';

/** Make, copy or save the recovery key main holds, never text from the renderer (see recovery-clipboard.ts for the clearing). */
export const createRecoveryKeyHandlers = (
  vault: VaultService,
  ports: { clipboard: RecoveryClipboard; dialog: SaveDialogPort },
  /** Saving the key to a file keeps it: sync waiting for a kept key after a re-key goes on (sync-format.md §4.6). */
  onKept?: () => Promise<void>,
): HandlerTable<typeof recoveryKeyContract> => ({
  'vault.makeRecoveryKey': async () => ({ recoveryKey: await vault.makeRecoveryKey() }),
  'vault.copyRecoveryKey': async () => {
    await ports.clipboard.copy(await vault.waitingRecoveryKeyText());
    return null;
  },
  'vault.saveRecoveryKey': async () => {
    // Asked before the dialog opens, so a key that is gone never shows a dialog for nothing.
    await vault.waitingRecoveryKeyText();
    const path = await ports.dialog.chooseSavePath(RECOVERY_KEY_FILE_NAME, 'txt');
    if (path === null) return { saved: false };
    const saved = await vault.saveRecoveryKeyFile(path, vaultCopy.recovery.fileIntro);
    await onKept?.();
    return { saved: true, path: saved.path, status: saved.status };
  },
});
