import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Entry, EntryInput } from '../../../shared/entry-schema';
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

/** Entries in id order, to compare histories read back in any order. */
export const byId = (entries: readonly Entry[]): Entry[] => [...entries].sort((a, b) => a.id.localeCompare(b.id));

/** The data key's id as vault.json names it: it changes with a re-key and only then. */
export const keyIdIn = async (dir: string): Promise<string> =>
  (JSON.parse(await readFile(join(dir, 'vault.json'), 'utf8')) as { keyId: string }).keyId;

/** The services a test opened, to close after it (`afterEach(vaults.closeAll)`): an open one holds the folder's lock. */
export interface OpenVaults {
  track<T extends VaultService>(vault: T): T;
  closeAll(): Promise<void>;
}

export const openVaults = (): OpenVaults => {
  const services: VaultService[] = [];
  return {
    track: (vault) => {
      services.push(vault);
      return vault;
    },
    closeAll: async () => {
      for (const vault of services.splice(0)) await vault.close();
    },
  };
};

export interface SeededVault {
  /** Still unlocked. */
  vault: VaultService;
  /** What it holds, by id. */
  live: Entry[];
  /** The check-in deleted with its follow-up. */
  deletedIds: string[];
  recoveryKey: string;
}

/**
 * A history worth re-keying: set up with `passphrase` and a recovery key the
 * person kept; two check-ins with follow-ups, one of them deleted with its
 * follow-up (tombstones, then the compaction a delete runs), and one more
 * check-in after that, left in the journal.
 */
export const seedVault = async (vault: VaultService, setup: { passphrase: string; useKeychain: boolean }): Promise<SeededVault> => {
  const made = await vault.setup({ ...setup, createRecoveryKey: true });
  const recoveryKey = made.recoveryKey as string;
  await vault.keepRecoveryKey(recoveryKey);
  const first = await vault.append(checkIn('first'));
  const answer = await vault.append(followUp(first.id));
  const gone = await vault.append(checkIn('to be deleted'));
  const goneAnswer = await vault.append(followUp(gone.id));
  const last = await vault.append(checkIn('last'));
  const { deletedIds } = await vault.delete(gone.id);
  if ([...deletedIds].sort().join(' ') !== [gone.id, goneAnswer.id].sort().join(' '))
    throw new Error(`seedVault: the delete took ${deletedIds.join(', ')}, not the check-in and its follow-up`);
  const tail = await vault.append(checkIn('after the delete, in the journal'));
  return { vault, live: byId([first, answer, last, tail]), deletedIds, recoveryKey };
};
