import { settingsCopy } from '../../../../shared/copy';
import type { IpcError } from '../../../../shared/ipc/result';

/**
 * What "Replace the encryption key" says when main refuses it, and whether
 * the current passphrase field should be typed in again. Main's calm message
 * fits most refusals; two are said for this action: a full disk (the old key
 * stays in force) and snapshot damage waiting in History (nothing is written
 * until the person chooses there).
 */
export const replaceKeyProblem = (error: Pick<IpcError, 'code' | 'message'>): { text: string; retype: boolean } => {
  switch (error.code) {
    case 'disk-full':
      return { text: settingsCopy.privacy.newKey.diskFull, retype: false };
    case 'vault-damaged':
      return { text: settingsCopy.privacy.newKey.held, retype: false };
    case 'wrong-passphrase':
    case 'passphrase-malformed':
    case 'too-many-attempts':
      return { text: error.message, retype: true };
    default:
      return { text: error.message, retype: false };
  }
};
