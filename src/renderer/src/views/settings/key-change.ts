import type { VaultResponse } from '../../../../shared/ipc/vault-contract';

type Status = VaultResponse<'vault.status'>;

/** What Privacy tells Change passphrase and Replace the encryption key, and what they tell it back. */
export interface KeyChangeProps {
  /** The history has a passphrase now, asked for as proof; without one the keychain proves it. */
  hasPassphrase: boolean;
  onchanged: (status: Status) => void;
  /** A re-key made a new recovery key: shown once, like at set-up, by the section. */
  onrecoverykey?: (recoveryKey: string) => void;
}

/** Main's answer passed on: the status to the section, a new recovery key to be shown once. True when one was made. */
export const passOn = (answer: { status: Status; recoveryKey: string | null }, to: Omit<KeyChangeProps, 'hasPassphrase'>): boolean => {
  to.onchanged(answer.status);
  if (answer.recoveryKey === null) return false;
  to.onrecoverykey?.(answer.recoveryKey);
  return true;
};
