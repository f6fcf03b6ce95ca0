import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { importKey } from './aead';
import { makeKeyCheck, newDataKey, wrapWithRecovery } from './key-wrap';
import { formatRecoveryKey, generateRecoverySecret } from './recovery-key';
import { byId, keyIdIn, makeVault, openVaults, type SeededVault, seedVault, vaultDirIn } from './testing/vault-fixtures';
import type { GivenKey } from './vault-setup';

/**
 * A re-key to a given key (sync-format.md §4.4 step 3): a history that
 * joins a sync folder's takes the folder's data key and recovery wrap; its
 * own passphrase and keychain stay, its own recovery key stops opening it.
 */
const WORDS = 'words this computer knows';

let root: string;
const tempDir = useTempDirs();
const vaults = openVaults();
beforeEach(() => {
  root = tempDir('attune-adopt-');
  return vaults.closeAll;
});

/** What the sync folder's key file hands over: a data key, its check and a recovery wrap under the folder's recovery key. */
const folderKey = (): { given: GivenKey; recoveryKey: string } => {
  const { dataKey, keyId } = newDataKey();
  const secret = generateRecoverySecret();
  const given = { dataKey, keyId, check: makeKeyCheck(importKey(dataKey), keyId), recovery: wrapWithRecovery(dataKey, keyId, secret) };
  return { given, recoveryKey: formatRecoveryKey(secret) };
};

const seed = (): Promise<SeededVault> => seedVault(vaults.track(makeVault(root)), { passphrase: WORDS, useKeychain: true });

describe('re-key to a given key', () => {
  it('takes the key and its recovery wrap, keeps the passphrase and keychain, and every entry', async () => {
    const { vault, live, deletedIds, recoveryKey: ownRecoveryKey } = await seed();
    const { given, recoveryKey } = folderKey();
    const keyId = given.keyId;
    const result = await vault.rekey({ method: 'passphrase', passphrase: WORDS }, { adopt: given });
    expect(result.recoveryKey).toBeUndefined();
    expect(result.status).toMatchObject({ state: 'unlocked', methods: { keychain: true, passphrase: true, recovery: true } });
    expect(given.dataKey.every((byte) => byte === 0)).toBe(true);
    expect(await keyIdIn(vaultDirIn(root))).toBe(keyId);
    expect(byId(await vault.entries())).toEqual(live);
    await vault.close();

    for (const credential of [
      { method: 'passphrase' as const, passphrase: WORDS },
      { method: 'keychain' as const },
      { method: 'recovery' as const, recoveryKey },
    ]) {
      const again = vaults.track(makeVault(root));
      expect(await again.unlock(credential)).toMatchObject({ problems: [] });
      expect(byId(await again.entries())).toEqual(live);
      for (const id of deletedIds) expect(await again.get(id)).toBeUndefined();
      await again.close();
    }
    const old = vaults.track(makeVault(root));
    await expect(old.unlock({ method: 'recovery', recoveryKey: ownRecoveryKey })).rejects.toMatchObject({ code: 'wrong-passphrase' });
  });

  it('is refused, changing nothing, for a wrong passphrase, a key whose check does not match, or the key already in use', async () => {
    const { vault, live } = await seed();
    const keyFile = await readFile(join(vaultDirIn(root), 'vault.json'));
    await expect(vault.rekey({ method: 'passphrase', passphrase: 'not these words' }, { adopt: folderKey().given })).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    const other = folderKey().given;
    await expect(vault.rekey({ method: 'keychain' }, { adopt: { ...folderKey().given, check: other.check } })).rejects.toMatchObject({
      code: 'invalid-request',
    });
    const ownKeyId = await keyIdIn(vaultDirIn(root));
    await expect(vault.rekey({ method: 'keychain' }, { adopt: { ...folderKey().given, keyId: ownKeyId } })).rejects.toMatchObject({
      code: 'invalid-request',
    });
    expect(await readFile(join(vaultDirIn(root), 'vault.json'))).toEqual(keyFile);
    expect(byId(await vault.entries())).toEqual(live);
  });
});
