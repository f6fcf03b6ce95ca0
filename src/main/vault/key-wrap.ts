import { type KeyObject, randomBytes } from 'node:crypto';

import { AttuneError } from '../attune-error';
import { importKey, KEY_BYTES, open, seal } from './aead';
import { fromB64u, toB64u } from './encoding';
import { deriveFromPassphrase, deriveFromRecoverySecret, type ScryptParams } from './kdf';
import type { KeychainWrap, KeyFile, PassphraseWrap, RecoveryWrap } from './key-file';
import type { Keychain } from './keychain';

/**
 * Wrapping the data key. One random 256-bit data key encrypts every record;
 * each unlock method only wraps that key. So changing a passphrase rewraps
 * 32 bytes and never touches the records.
 */
export const SALT_BYTES = 16;
export const KEY_ID_BYTES = 16;

const wrapAad = (method: 'passphrase' | 'recovery', keyId: string): Buffer =>
  Buffer.from(`attune-vault.v1.wrap.${method}.${keyId}`, 'utf8');
const checkAad = (keyId: string): Buffer => Buffer.from(`attune-vault.v1.key-check.${keyId}`, 'utf8');

export const newDataKey = (): { dataKey: Buffer; keyId: string } => ({
  dataKey: randomBytes(KEY_BYTES),
  keyId: randomBytes(KEY_ID_BYTES).toString('hex'),
});

/**
 * A GCM tag over nothing, bound to the key id. Lets every unlock method (the
 * keychain blob is opaque to us) prove it produced the right key before any
 * record is touched.
 */
export const makeKeyCheck = (key: KeyObject, keyId: string): KeyFile['check'] => {
  const sealed = seal(key, Buffer.alloc(0), checkAad(keyId));
  return { iv: toB64u(sealed.iv), tag: toB64u(sealed.tag) };
};

export const verifyKeyCheck = (key: KeyObject, keyId: string, check: KeyFile['check']): boolean => {
  const iv = fromB64u(check.iv);
  const tag = fromB64u(check.tag);
  if (!iv || !tag) return false;
  return open(key, { iv, ciphertext: Buffer.alloc(0), tag }, checkAad(keyId)) !== undefined;
};

/** Seal the data key under a freshly derived key-encryption key, then zero the KEK. */
const sealWithKek = (kek: Buffer, dataKey: Buffer, aad: Buffer): { iv: string; ct: string; tag: string } => {
  const kekObject = importKey(kek);
  kek.fill(0);
  const sealed = seal(kekObject, dataKey, aad);
  return { iv: toB64u(sealed.iv), ct: toB64u(sealed.ciphertext), tag: toB64u(sealed.tag) };
};

const openWithKek = (kek: Buffer, fields: { iv: string; ct: string; tag: string }, aad: Buffer): Buffer | undefined => {
  const kekObject = importKey(kek);
  kek.fill(0);
  const iv = fromB64u(fields.iv);
  const ciphertext = fromB64u(fields.ct);
  const tag = fromB64u(fields.tag);
  if (!iv || !ciphertext || !tag) return undefined;
  const dataKey = open(kekObject, { iv, ciphertext, tag }, aad);
  return dataKey?.length === KEY_BYTES ? dataKey : undefined;
};

export const wrapWithPassphrase = async (
  dataKey: Buffer,
  keyId: string,
  passphrase: string,
  params: ScryptParams,
): Promise<PassphraseWrap> => {
  const salt = randomBytes(SALT_BYTES);
  const kek = await deriveFromPassphrase(passphrase, salt, params);
  return { kdf: 'scrypt', ...params, salt: toB64u(salt), ...sealWithKek(kek, dataKey, wrapAad('passphrase', keyId)) };
};

/** Always runs the full scrypt before answering, right or wrong: the only signal is the GCM tag check. */
export const unwrapWithPassphrase = async (wrap: PassphraseWrap, keyId: string, passphrase: string): Promise<Buffer | undefined> => {
  const salt = fromB64u(wrap.salt);
  if (!salt) throw new AttuneError('vault-damaged', 'passphrase salt is not base64url');
  const kek = await deriveFromPassphrase(passphrase, salt, { N: wrap.N, r: wrap.r, p: wrap.p });
  return openWithKek(kek, wrap, wrapAad('passphrase', keyId));
};

export const wrapWithRecovery = (dataKey: Buffer, keyId: string, secret: Buffer): RecoveryWrap => {
  const salt = randomBytes(SALT_BYTES);
  const kek = deriveFromRecoverySecret(secret, salt);
  return { kdf: 'hmac-sha256', salt: toB64u(salt), ...sealWithKek(kek, dataKey, wrapAad('recovery', keyId)) };
};

export const unwrapWithRecovery = (wrap: RecoveryWrap, keyId: string, secret: Buffer): Buffer | undefined => {
  const salt = fromB64u(wrap.salt);
  if (!salt) throw new AttuneError('vault-damaged', 'recovery salt is not base64url');
  return openWithKek(deriveFromRecoverySecret(secret, salt), wrap, wrapAad('recovery', keyId));
};

export const wrapWithKeychain = (dataKey: Buffer, keychain: Keychain): KeychainWrap => {
  if (!keychain.isAvailable()) throw new AttuneError('keychain-unavailable', 'keychain is not available for wrapping');
  try {
    return { blob: toB64u(keychain.encrypt(dataKey)) };
  } catch (error) {
    throw new AttuneError('keychain-unavailable', 'keychain refused to encrypt', { cause: error });
  }
};

/** The keychain blob is opaque; the caller proves the result with the key check. */
export const unwrapWithKeychain = (wrap: KeychainWrap, keychain: Keychain): Buffer => {
  if (!keychain.isAvailable()) throw new AttuneError('keychain-unavailable', 'keychain is not available for unwrapping');
  const blob = fromB64u(wrap.blob);
  if (!blob) throw new AttuneError('vault-damaged', 'keychain blob is not base64url');
  let dataKey: Buffer;
  try {
    dataKey = keychain.decrypt(blob);
  } catch (error) {
    throw new AttuneError('keychain-unavailable', 'keychain could not decrypt the wrapped key', { cause: error });
  }
  if (dataKey.length !== KEY_BYTES) {
    dataKey.fill(0);
    throw new AttuneError('keychain-unavailable', 'keychain returned a value of the wrong size');
  }
  return dataKey;
};
