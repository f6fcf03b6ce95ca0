import { MIN_PASSPHRASE_LENGTH, vaultCopy } from '../../../../shared/copy';

/** What stops a new passphrase from being set, in words; null when nothing does (or the keychain is chosen). */
export const newPassphraseProblem = (method: 'keychain' | 'passphrase', passphrase: string, confirm: string): string | null => {
  if (method !== 'passphrase') return null;
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return vaultCopy.setup.tooShort(MIN_PASSPHRASE_LENGTH);
  if (passphrase !== confirm) return vaultCopy.setup.noMatch;
  return null;
};
