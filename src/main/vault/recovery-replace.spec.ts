import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Entry } from '../../shared/entry-schema';
import { byId, keyIdIn, makeVault, openVaults, type SeededVault, seedVault, vaultDirIn } from './testing/vault-fixtures';

/**
 * Replacing the recovery key on its own (issue 14): a new key wrapping the
 * same data key. Once the person keeps it, the old key opens nothing here;
 * until then the old one still works (a key nobody saw to the end never
 * replaces one that works). An older vault.json still holds the old wrap:
 * only a re-key (vault-rekey.spec.ts) shuts that out.
 */
let root: string;
const tempDir = useTempDirs();
const vaults = openVaults();
const track = vaults.track;
beforeEach(() => {
  root = tempDir('attune-recovery-replace-');
});
afterEach(vaults.closeAll);

/** The recovery key and the passphrase are the only ways in. */
const setUp = (): Promise<SeededVault> => seedVault(track(makeVault(root)), { passphrase: 'a passphrase', useKeychain: false });

/** Unlocks with the recovery key, expecting no problem and the whole seeded history. */
const opensWhole = async (recoveryKey: string, live: readonly Entry[]): Promise<void> => {
  const vault = track(makeVault(root));
  expect(await vault.unlock({ method: 'recovery', recoveryKey })).toMatchObject({ entryCount: live.length, problems: [] });
  expect(byId(await vault.entries())).toEqual(live);
};

describe('replacing the recovery key', () => {
  it('once the new key is kept, the old one fails and the new one opens the history', async () => {
    const { vault, recoveryKey: oldKey, live } = await setUp();
    const keyIdBefore = await keyIdIn(vaultDirIn(root));
    const newKey = await vault.makeRecoveryKey();
    expect(newKey).not.toBe(oldKey);
    await vault.keepRecoveryKey(newKey);
    await vault.close();

    const withOld = track(makeVault(root));
    await expect(withOld.unlock({ method: 'recovery', recoveryKey: oldKey })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await withOld.close();
    await opensWhole(newKey, live);
    // The same data key: nothing else in the folder changed.
    expect(await keyIdIn(vaultDirIn(root))).toBe(keyIdBefore);
  });

  it('until the new key is kept, the old one still opens the history', async () => {
    const { vault, recoveryKey: oldKey, live } = await setUp();
    await vault.makeRecoveryKey();
    await vault.close();
    await opensWhole(oldKey, live);
  });

  it('an older vault.json still opens with the old key: the same data key, which only a re-key replaces', async () => {
    const { vault, recoveryKey: oldKey, live } = await setUp();
    await copyFile(join(vaultDirIn(root), 'vault.json'), join(root, 'backup.json'));
    await vault.keepRecoveryKey(await vault.makeRecoveryKey());
    await vault.close();
    await copyFile(join(root, 'backup.json'), join(vaultDirIn(root), 'vault.json'));
    await opensWhole(oldKey, live);
  });
});
