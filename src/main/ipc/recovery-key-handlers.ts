import { RECOVERY_CLIPBOARD_CLEAR_MS, type recoveryKeyContract } from '../../shared/ipc/recovery-key-contract';
import type { TimerClock, TimerHandle } from '../pauses/ports';
import { RECOVERY_KEY_FILE_NAME } from '../vault/recovery-key-file';
import type { VaultService } from '../vault/vault-service';
import type { HandlerTable } from './dispatch';
import type { SaveDialogPort } from './export-handlers';

/** The system clipboard (the platform layer implements it; the harness stands in and records). */
export interface ClipboardPort {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): void;
}

/** Clears the clipboard only while it still holds `key`; a clipboard that cannot be read is left alone. */
export const clearIfStill = async (clipboard: ClipboardPort, key: string): Promise<boolean> => {
  const now = await clipboard.readText().catch(() => null);
  if (now !== key) return false;
  clipboard.clear();
  return true;
};

/**
 * Copy or save the recovery key main holds, never text from the renderer.
 * A copied key is a secret on the clipboard, where any app can read it: main
 * clears it after a minute, but only if it is still the key (something the
 * person copied since is theirs to keep).
 */
export const createRecoveryKeyHandlers = (
  vault: VaultService,
  ports: { clipboard: ClipboardPort; dialog: SaveDialogPort; timer: Pick<TimerClock, 'setTimeout' | 'clearTimeout'> },
): HandlerTable<typeof recoveryKeyContract> => {
  let pendingClear: TimerHandle | undefined;
  return {
    'vault.makeRecoveryKey': async () => ({ recoveryKey: await vault.makeRecoveryKey() }),
    'vault.copyRecoveryKey': async () => {
      const key = await vault.waitingRecoveryKeyText();
      await ports.clipboard.writeText(key);
      // One clear at a time: a second copy starts the minute again.
      if (pendingClear !== undefined) ports.timer.clearTimeout(pendingClear);
      pendingClear = ports.timer.setTimeout(() => {
        pendingClear = undefined;
        void clearIfStill(ports.clipboard, key);
      }, RECOVERY_CLIPBOARD_CLEAR_MS);
      return null;
    },
    'vault.saveRecoveryKey': async () => {
      // Asked before the dialog opens, so a key that is gone never shows a dialog for nothing.
      await vault.waitingRecoveryKeyText();
      const path = await ports.dialog.chooseSavePath(RECOVERY_KEY_FILE_NAME, 'txt');
      if (path === null) return { saved: false };
      const saved = await vault.saveRecoveryKeyFile(path);
      return { saved: true, path: saved.path, status: saved.status };
    },
  };
};
