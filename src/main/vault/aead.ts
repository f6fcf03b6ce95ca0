import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject } from 'node:crypto';

import { publicRandomBytes } from './random-pool';

/**
 * AES-256-GCM, the only cipher in the vault. Chosen because both OpenSSL
 * (Node, tests, bench) and BoringSSL (Electron) ship it with hardware
 * acceleration, and its tag check is the wrong-key check: OpenSSL/BoringSSL
 * compare tags in constant time (CRYPTO_memcmp), so no timing shortcut exists.
 */
export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

export interface Sealed {
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/**
 * Wrap raw key bytes once. A KeyObject made with createSecretKey made GCM ~4×
 * faster than passing a raw Buffer per call on Node 24 (measured for issue 4).
 * The caller should zero `raw` afterwards: the KeyObject holds its own copy.
 */
export const importKey = (raw: Buffer): KeyObject => {
  if (raw.length !== KEY_BYTES) throw new RangeError(`AES-256 key must be ${KEY_BYTES} bytes`);
  return createSecretKey(raw);
};

export const seal = (key: KeyObject, plaintext: Uint8Array, aad: Uint8Array, iv: Buffer = publicRandomBytes(IV_BYTES)): Sealed => {
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const head = cipher.update(plaintext);
  const tail = cipher.final();
  return { iv, ciphertext: tail.length === 0 ? head : Buffer.concat([head, tail]), tag: cipher.getAuthTag() };
};

/** Returns the plaintext, or undefined when authentication fails (wrong key, damaged or moved bytes). */
export const open = (key: KeyObject, sealed: Sealed, aad: Uint8Array): Buffer | undefined => {
  if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES) return undefined;
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.tag);
  const head = decipher.update(sealed.ciphertext);
  try {
    const tail = decipher.final();
    return tail.length === 0 ? head : Buffer.concat([head, tail]);
  } catch {
    // final() throws only on a tag mismatch; the unauthenticated bytes are discarded.
    head.fill(0);
    return undefined;
  }
};
