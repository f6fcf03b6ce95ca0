import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { createFakeKeychain } from './testing/fake-keychain';
import { checkIn, FAST_SCRYPT, makeVault, vaultDirIn } from './testing/vault-fixtures';
import type { VaultService } from './vault-service';

/** What someone holding the files, or a window, could hand the vault that it must refuse calmly and cheaply. */
let root: string;
const services: VaultService[] = [];
const tempDir = useTempDirs();
beforeEach(() => {
  root = tempDir();
});
afterEach(async () => {
  for (const vault of services.splice(0)) await vault.close();
});

const track = <T extends VaultService>(vault: T): T => {
  services.push(vault);
  return vault;
};
const keyFilePath = (): string => join(vaultDirIn(root), 'vault.json');

describe('scrypt parameters in vault.json', () => {
  const passphraseVault = async (): Promise<void> => {
    const vault = makeVault(root, { keychain: createFakeKeychain(false) });
    await vault.setup({ passphrase: 'the right passphrase', useKeychain: false, createRecoveryKey: false });
    await vault.append(checkIn('kept'));
    await vault.close();
  };

  it.each([
    { N: 2 ** 20, r: 32, p: 16 },
    { N: 2 ** 11, r: 8, p: 1 },
    { N: 2 ** 17, r: 8, p: 2 },
    { N: 2 ** 17, r: 9, p: 1 },
  ])('N=$N r=$r p=$p, which Attune never writes, is reported as damage before any key derivation', async (params) => {
    await passphraseVault();
    const keyFile = JSON.parse(await readFile(keyFilePath(), 'utf8')) as { wraps: { passphrase: Record<string, unknown> } };
    Object.assign(keyFile.wraps.passphrase, params);
    await writeFile(keyFilePath(), JSON.stringify(keyFile));

    const vault = track(makeVault(root, { keychain: createFakeKeychain(false) }));
    // Opening reads only the key file: refused there, so no unlock can start scrypt with these parameters.
    await expect(vault.open()).rejects.toMatchObject({ code: 'vault-damaged' });
    await expect(vault.unlock({ method: 'passphrase', passphrase: 'the right passphrase' })).rejects.toMatchObject({
      code: 'vault-damaged',
    });
  });

  it('the parameters this Attune writes still open the vault', async () => {
    await passphraseVault();
    expect(JSON.parse(await readFile(keyFilePath(), 'utf8'))).toMatchObject({ wraps: { passphrase: FAST_SCRYPT } });
    const vault = track(makeVault(root, { keychain: createFakeKeychain(false) }));
    expect(await vault.unlock({ method: 'passphrase', passphrase: 'the right passphrase' })).toMatchObject({ entryCount: 1 });
  });
});

describe('passphrases must be well-formed Unicode', () => {
  // Both encode to the same UTF-8 (U+FFFD) if a lone surrogate is let through.
  const loneHigh = 'passphrase \uD83D here';
  const loneLow = 'passphrase \uDE00 here';

  it('setup refuses a lone surrogate with its own calm code, and writes nothing', async () => {
    const vault = track(makeVault(root, { keychain: createFakeKeychain(false) }));
    await expect(vault.setup({ passphrase: loneHigh, useKeychain: false, createRecoveryKey: false })).rejects.toMatchObject({
      code: 'passphrase-malformed',
    });
    expect((await vault.status()).state).toBe('not-set-up');
  });

  it('unlock and change refuse one, and it counts as no attempt', async () => {
    const vault = track(makeVault(root, { keychain: createFakeKeychain(false) }));
    await vault.setup({ passphrase: 'the right passphrase', useKeychain: false, createRecoveryKey: false });
    const current = { method: 'passphrase' as const, passphrase: 'the right passphrase' };
    await expect(vault.changePassphrase(current, loneLow)).rejects.toMatchObject({ code: 'passphrase-malformed' });
    await expect(vault.changePassphrase({ method: 'passphrase', passphrase: loneHigh }, 'a new passphrase')).rejects.toMatchObject({
      code: 'passphrase-malformed',
    });
    await vault.lock();
    for (let i = 0; i < 6; i += 1) {
      await expect(vault.unlock({ method: 'passphrase', passphrase: i % 2 ? loneHigh : loneLow })).rejects.toMatchObject({
        code: 'passphrase-malformed',
      });
    }
    // No throttle built up: the right passphrase opens at once.
    expect((await vault.unlock(current)).state).toBe('unlocked');
  });

  it('two passphrases that differ only in a lone surrogate no longer open the same vault', async () => {
    const vault = track(makeVault(root, { keychain: createFakeKeychain(false) }));
    await expect(vault.setup({ passphrase: loneHigh, useKeychain: false, createRecoveryKey: false })).rejects.toMatchObject({
      code: 'passphrase-malformed',
    });
    await vault.setup({ passphrase: 'passphrase \uD83D\uDE00 here', useKeychain: false, createRecoveryKey: false });
    await vault.lock();
    await expect(vault.unlock({ method: 'passphrase', passphrase: loneLow })).rejects.toMatchObject({ code: 'passphrase-malformed' });
    expect((await vault.unlock({ method: 'passphrase', passphrase: 'passphrase \uD83D\uDE00 here' })).state).toBe('unlocked');
  });
});
