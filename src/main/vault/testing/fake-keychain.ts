import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

import type { Keychain } from '../keychain';

/**
 * The one fake the vault tests use: a keychain that encrypts with AES-256-GCM
 * under a fixed test key, standing in for Electron's safeStorage (which needs
 * the Electron binary). Availability can be switched off to test fallbacks.
 */
const TEST_KEY = createHash('sha256').update('attune test keychain').digest();

export interface FakeKeychain extends Keychain {
  available: boolean;
}

export const createFakeKeychain = (available = true): FakeKeychain => {
  const keychain: FakeKeychain = {
    available,
    isAvailable: () => keychain.available,
    encrypt: (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', TEST_KEY, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, body, cipher.getAuthTag()]);
    },
    decrypt: (blob) => {
      const decipher = createDecipheriv('aes-256-gcm', TEST_KEY, blob.subarray(0, 12));
      decipher.setAuthTag(blob.subarray(blob.length - 16));
      return Buffer.concat([decipher.update(blob.subarray(12, blob.length - 16)), decipher.final()]);
    },
  };
  return keychain;
};
