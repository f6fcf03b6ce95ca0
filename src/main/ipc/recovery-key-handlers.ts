import { vaultCopy } from '../../shared/copy';
import type { recoveryKeyContract } from '../../shared/ipc/recovery-key-contract';
import { AttuneError } from '../attune-error';
import { RECOVERY_KEY_FILE_NAME } from '../vault/recovery-key-file';
import type { VaultService } from '../vault/vault-service';
import type { HandlerTable } from './dispatch';
import type { SaveDialogPort } from './export-handlers';
import type { RecoveryClipboard } from './recovery-clipboard';

/** Make, copy or save the recovery key main holds, never text from the renderer (see recovery-clipboard.ts for the clearing). */
export const createRecoveryKeyHandlers = (
  vault: VaultService,
  ports: { clipboard: RecoveryClipboard; dialog: SaveDialogPort },
  sync?: {
    /** Saving the key to a file keeps it: sync waiting for a kept key after a re-key goes on (sync-format.md §4.6). */
    recoveryKept(): Promise<void>;
    hasLink(): Promise<boolean>;
  },
): HandlerTable<typeof recoveryKeyContract> => ({
  'vault.makeRecoveryKey': async () => {
    // Synced, the folder's key file keeps the old recovery key's wrap (and a sync tool's version history keeps
    // that file): a new recovery key alone would leave the old one opening everything. A re-key is the way
    // (§4.6, §11 Q11). A history with no recovery key kept (a re-key waiting for one) still makes one here.
    if ((await sync?.hasLink()) && (await vault.status()).methods.recovery)
      throw new AttuneError('synced-new-key', 'while synced, a new recovery key comes with a new encryption key');
    return { recoveryKey: await vault.makeRecoveryKey() };
  },
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
    await sync?.recoveryKept();
    return { saved: true, path: saved.path, status: saved.status };
  },
});
