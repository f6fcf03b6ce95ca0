import { safeStorage } from 'electron';

import type { Keychain } from '../vault/keychain';

/**
 * The vault's keychain on top of Electron's safeStorage (macOS Keychain,
 * Windows DPAPI, libsecret/kwallet on Linux). Call only after `app` is ready:
 * before that, safeStorage reports no encryption and the Linux backend is
 * 'unknown'.
 *
 * safeStorage works on strings, so the wrapped key travels as base64 text.
 * The synchronous calls are marked deprecated in favour of the async ones, but
 * the async encryptor re-encrypts lazily and still returns the same string
 * format; the vault only wraps one 32-byte key, once per unlock, so the short
 * synchronous call is the simpler choice here.
 * @see https://www.electronjs.org/docs/latest/api/safe-storage
 */
export const createSafeStorageKeychain = (platform: NodeJS.Platform = process.platform): Keychain => ({
  isAvailable: () => {
    if (!safeStorage.isEncryptionAvailable()) return false;
    // 'basic_text' encrypts with a hard-coded password: that is obfuscation, not protection.
    return platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  },
  encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
  decrypt: (blob) => Buffer.from(safeStorage.decryptString(blob), 'base64'),
});
