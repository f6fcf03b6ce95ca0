import { randomBytes } from 'node:crypto';
import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

import type { RecoveryWrap } from '../../vault/key-file';
import { createFakeKeychain, type FakeKeychain } from '../../vault/testing/fake-keychain';
import { FAST_SCRYPT } from '../../vault/testing/vault-fixtures';
import { createVaultService, type VaultService } from '../../vault/vault-service';
import { SyncEngine, type SyncEngineOptions, type SyncIdentity } from '../sync-engine';

/**
 * Computers made around one data key, as linking does (docs/sync-format.md
 * §4.4 step 3), each with its own data dir and a sync folder replica of its
 * choosing, for specs that drive a few of them by hand. The scenario
 * (sync-scenario.ts) makes its computers the same way.
 */
export interface Given {
  dataKey: Buffer;
  keyId: string;
  check: { iv: string; tag: string };
  recovery: RecoveryWrap;
}

export interface TestComputer {
  readonly dataDir: string;
  readonly vaultDir: string;
  readonly localDir: string;
  readonly syncRoot: string;
  readonly keychain: FakeKeychain;
  vault: VaultService;
  identity: SyncIdentity;
}

export const newVaultId = (): string => randomBytes(16).toString('hex');

/** The first computer (given undefined) makes the history and its key; later ones are made around `given`. */
export const makeComputer = async (
  dataDir: string,
  syncRoot: string,
  vaultId: string,
  given?: Given,
  deviceId: string = randomBytes(16).toString('hex'),
): Promise<{ computer: TestComputer; given: Given }> => {
  const vaultDir = join(dataDir, 'vault');
  await mkdir(dataDir, { recursive: true });
  await mkdir(join(syncRoot, 'devices'), { recursive: true });
  await mkdir(`${vaultDir}.sync`, { recursive: true });
  const keychain = createFakeKeychain();
  const vault = createVaultService({ dir: vaultDir, keychain, scrypt: FAST_SCRYPT });
  if (given) await vault.setup({ useKeychain: true, createRecoveryKey: false }, { ...given, dataKey: Buffer.from(given.dataKey) });
  else {
    const made = await vault.setup({ useKeychain: true, createRecoveryKey: true });
    await vault.keepRecoveryKey(made.recoveryKey as string);
    const { key, keyId, keyFile } = await vault.syncKey();
    given = { dataKey: key.export(), keyId, check: keyFile.check, recovery: keyFile.wraps.recovery as RecoveryWrap };
  }
  const { key, keyId } = await vault.syncKey();
  const identity: SyncIdentity = { vaultId, deviceId, keyId, keys: new Map([[keyId, key]]) };
  return { computer: { dataDir, vaultDir, localDir: `${vaultDir}.sync`, syncRoot, keychain, vault, identity }, given };
};

export const startEngine = (computer: TestComputer, extra: Partial<SyncEngineOptions> = {}): Promise<SyncEngine> =>
  SyncEngine.start({
    vault: computer.vault,
    syncRoot: computer.syncRoot,
    localDir: computer.localDir,
    identity: computer.identity,
    ...extra,
  });

/** Close, then open again from its files with the same keychain (a restart). */
export const reopen = async (computer: TestComputer): Promise<void> => {
  await computer.vault.close();
  computer.vault = createVaultService({ dir: computer.vaultDir, keychain: computer.keychain, scrypt: FAST_SCRYPT });
  const status = await computer.vault.unlock({ method: 'keychain' });
  if (status.problems.length > 0) throw new Error(`reopened with problems ${JSON.stringify(status.problems)}`);
  const { key, keyId } = await computer.vault.syncKey();
  computer.identity = { ...computer.identity, keyId, keys: new Map([[keyId, key]]) };
};

/** A copy of a whole data dir (vault and vault.sync), as a disk clone or a backup takes it. The vault must be idle. */
export const copyDataDir = async (from: string, to: string): Promise<void> => {
  await rm(to, { recursive: true, force: true });
  // Not the lock of a vault open in this process: a clone's lock would name a process that is alive (this one).
  await cp(from, to, { recursive: true, filter: (source) => !source.endsWith('.lock') });
};
