import type { VaultState } from '../../shared/vault-states';
import type { KeyFile } from './key-file';
import type { Keychain } from './keychain';
import type { VaultProblem } from './vault-problem';

/** What `vault.status` answers: plain data, never key material. */
export interface VaultStatus {
  state: VaultState;
  methods: { keychain: boolean; passphrase: boolean; recovery: boolean };
  keychainAvailable: boolean;
  entryCount: number | null;
  problems: VaultProblem[];
  recoveredFiles: number;
}

export interface StatusInputs {
  keyFile: KeyFile | undefined;
  /** Entry count while unlocked, null while locked or not set up. */
  unlockedCount: number | null;
  problems: readonly VaultProblem[];
  recoveredFiles: number;
  keychain: Keychain;
}

/** A copy, so no caller can reach into the service's own problem list. */
export const buildStatus = ({ keyFile, unlockedCount, problems, recoveredFiles, keychain }: StatusInputs): VaultStatus => {
  const wraps = keyFile?.wraps;
  let keychainAvailable: boolean;
  try {
    keychainAvailable = keychain.isAvailable();
  } catch {
    // A keychain that cannot even say whether it works is, for every decision here, one that does not.
    keychainAvailable = false;
  }
  return {
    state: !keyFile ? 'not-set-up' : unlockedCount !== null ? 'unlocked' : 'locked',
    methods: { keychain: Boolean(wraps?.keychain), passphrase: Boolean(wraps?.passphrase), recovery: Boolean(wraps?.recovery) },
    keychainAvailable,
    entryCount: unlockedCount,
    problems: problems.map((found) => ({ ...found, affected: found.affected.map((range) => ({ ...range })) })),
    recoveredFiles,
  };
};
