import { join } from 'node:path';

import type { EntryInput } from '../../../shared/entry-schema';
import type { ScryptParams } from '../kdf';
import { createVaultService, type VaultClock, type VaultService, type VaultServiceOptions } from '../vault-service';
import { createFakeKeychain, type FakeKeychain } from './fake-keychain';

/**
 * scrypt at N=2^14 keeps most tests fast; the parameters are stored per wrap,
 * so the same code path runs. The round-trip test uses the real N=2^17.
 */
export const FAST_SCRYPT: ScryptParams = { N: 2 ** 14, r: 8, p: 1 };

export const checkIn = (note?: string): EntryInput => ({
  kind: 'check-in',
  data: {
    states: ['freeze'],
    needs: ['rest'],
    capacity: 3,
    step: { id: 'drink-water', text: 'A glass of water' },
    ...(note === undefined ? {} : { note }),
  },
});

export const followUp = (checkInId: string): EntryInput => ({ kind: 'follow-up', data: { checkInId, outcome: 'a-bit' } });

/** A clock the test moves by hand. */
export const manualClock = (
  start = Date.UTC(2026, 10, 23, 9, 0, 0),
  offset = 60,
): VaultClock & { set(at: number): void; advance(ms: number): void } => {
  let now = start;
  return {
    now: () => now,
    offsetMinutes: () => offset,
    set: (at) => {
      now = at;
    },
    advance: (ms) => {
      now += ms;
    },
  };
};

export const vaultDirIn = (root: string): string => join(root, 'vault');

export const makeVault = (
  root: string,
  options: Partial<VaultServiceOptions> & { keychain?: FakeKeychain } = {},
): VaultService & { keychainFake: FakeKeychain } => {
  const keychain = options.keychain ?? createFakeKeychain();
  const service = createVaultService({ dir: vaultDirIn(root), scrypt: FAST_SCRYPT, ...options, keychain });
  return Object.assign(service, { keychainFake: keychain });
};
