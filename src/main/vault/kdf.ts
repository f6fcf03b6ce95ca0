import { createHmac, scrypt } from 'node:crypto';

import { AttuneError } from '../attune-error';
import { KEY_BYTES } from './aead';

/**
 * Key-encryption keys. Passphrases go through scrypt (memory-hard; Argon2 is
 * not in Electron's BoringSSL). Recovery keys already carry 144 random bits,
 * so they need no stretching: one HMAC-SHA256 turns them into a key.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/** Outer bounds of the key-file schema; a reader then accepts only the exact parameters Attune writes (sameScrypt). */
export const SCRYPT_N_MIN = 2 ** 10;
export const SCRYPT_N_MAX = 2 ** 20;

export const sameScrypt = (a: ScryptParams, b: ScryptParams): boolean => a.N === b.N && a.r === b.r && a.p === b.p;

/**
 * scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) is below the
 * 128 MiB that N=2^17, r=8 needs, so it is set explicitly with headroom.
 */
const maxmemFor = ({ N, r }: ScryptParams): number => Math.max(256 * 1024 * 1024, Math.ceil(128 * N * r * 1.1));

/** A UTF-16 surrogate without its partner: String.prototype.isWellFormed (ES2024), for runtimes and types without it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A passphrase must be well-formed Unicode: UTF-8 encoding turns every lone
 * surrogate into U+FFFD, so two different strings would open the same vault.
 */
export const isWellFormedPassphrase = (passphrase: string): boolean => !LONE_SURROGATE.test(passphrase);

export const assertWellFormedPassphrase = (passphrase: string): void => {
  if (!isWellFormedPassphrase(passphrase)) throw new AttuneError('passphrase-malformed', 'passphrase holds a lone UTF-16 surrogate');
};

/** Unicode-normalise so the same passphrase typed on another keyboard layout or OS still matches. */
export const passphraseBytes = (passphrase: string): Buffer => {
  assertWellFormedPassphrase(passphrase);
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
};

/** Async on purpose: ~0.3 s of work runs on the libuv pool, not on the main process's event loop. */
export const deriveFromPassphrase = (passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> => {
  const secret = passphraseBytes(passphrase);
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_BYTES, { ...params, maxmem: maxmemFor(params) }, (error, key) => {
      secret.fill(0);
      if (error) reject(error);
      else resolve(key);
    });
  });
};

export const RECOVERY_KDF_LABEL = 'attune-vault.v1.recovery';

export const deriveFromRecoverySecret = (secret: Buffer, salt: Buffer): Buffer =>
  createHmac('sha256', secret).update(RECOVERY_KDF_LABEL).update(salt).digest();
