import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { checkIn, makeVault, vaultDirIn } from './testing/vault-fixtures';
import type { VaultService } from './vault-service';

/**
 * Replacing the recovery key on its own (issue 14): a new key wrapping the
 * same data key. Once the person keeps it, the old key opens nothing here;
 * until then the old one still works (a key nobody saw to the end never
 * replaces one that works). An older vault.json still holds the old wrap:
 * only a re-key (vault-rekey.spec.ts) shuts that out.
 */
let root: string;
const services: VaultService[] = [];
const track = <T extends VaultService>(vault: T): T => {
  services.push(vault);
  return vault;
};
const tempDir = useTempDirs();
beforeEach(() => {
  root = tempDir('attune-recovery-replace-');
});
afterEach(async () => {
  for (const vault of services.splice(0)) await vault.close();
});

const setUp = async (): Promise<{ vault: VaultService; oldKey: string }> => {
  const vault = track(makeVault(root));
  const setup = await vault.setup({ passphrase: 'a passphrase', useKeychain: false, createRecoveryKey: true });
  await vault.keepRecoveryKey(setup.recoveryKey as string);
  await vault.append(checkIn('there'));
  return { vault, oldKey: setup.recoveryKey as string };
};

describe('replacing the recovery key', () => {
  it('once the new key is kept, the old one fails and the new one opens the history', async () => {
    const { vault, oldKey } = await setUp();
    const keyIdBefore = (JSON.parse(await readFile(join(vaultDirIn(root), 'vault.json'), 'utf8')) as { keyId: string }).keyId;
    const newKey = await vault.makeRecoveryKey();
    expect(newKey).not.toBe(oldKey);
    await vault.keepRecoveryKey(newKey);
    await vault.close();

    const withOld = track(makeVault(root));
    await expect(withOld.unlock({ method: 'recovery', recoveryKey: oldKey })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await withOld.close();
    const withNew = track(makeVault(root));
    expect(await withNew.unlock({ method: 'recovery', recoveryKey: newKey })).toMatchObject({ entryCount: 1, problems: [] });
    // The same data key: nothing else in the folder changed.
    expect((JSON.parse(await readFile(join(vaultDirIn(root), 'vault.json'), 'utf8')) as { keyId: string }).keyId).toBe(keyIdBefore);
  });

  it('until the new key is kept, the old one still opens the history', async () => {
    const { vault, oldKey } = await setUp();
    await vault.makeRecoveryKey();
    await vault.close();
    const withOld = track(makeVault(root));
    expect(await withOld.unlock({ method: 'recovery', recoveryKey: oldKey })).toMatchObject({ entryCount: 1 });
  });

  it('an older vault.json still opens with the old key: the same data key, which only a re-key replaces', async () => {
    const { vault, oldKey } = await setUp();
    await copyFile(join(vaultDirIn(root), 'vault.json'), join(root, 'backup.json'));
    await vault.keepRecoveryKey(await vault.makeRecoveryKey());
    await vault.close();
    await copyFile(join(root, 'backup.json'), join(vaultDirIn(root), 'vault.json'));
    const fromBackup = track(makeVault(root));
    expect(await fromBackup.unlock({ method: 'recovery', recoveryKey: oldKey })).toMatchObject({ entryCount: 1, problems: [] });
  });
});
