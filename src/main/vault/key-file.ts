import { join } from 'node:path';

import { z } from 'zod';

import { AttuneError } from '../attune-error';
import { writeFileAtomic } from '../fs/durable-write';
import type { FsPort } from '../fs/fs-port';
import { isNotRegularFile, readRegularFile } from '../fs/regular-file';
import { isNotFound } from '../fs/storage-error';
import { sameScrypt, SCRYPT_N_MAX, SCRYPT_N_MIN, type ScryptParams } from './kdf';

/**
 * `vault.json`: the only unencrypted vault file. It holds the key id, a key
 * check, and the data key wrapped once per unlock method. No entry data, no
 * plaintext key. Written atomically; it is the commit point of setup and of
 * every rewrap (change passphrase), and deleting it is the crypto-shred.
 * Layout is specified in docs/vault-format.md.
 */
export const KEY_FILE = 'vault.json';

const b64u = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/);

const sealedFields = { iv: b64u(16), ct: b64u(64), tag: b64u(24) };

export const keychainWrapSchema = z.strictObject({ blob: b64u(8192) });
export const passphraseWrapSchema = z.strictObject({
  kdf: z.literal('scrypt'),
  N: z.number().int().min(SCRYPT_N_MIN).max(SCRYPT_N_MAX),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: b64u(64),
  ...sealedFields,
});
export const recoveryWrapSchema = z.strictObject({ kdf: z.literal('hmac-sha256'), salt: b64u(64), ...sealedFields });

export const keyFileSchema = z.strictObject({
  format: z.literal('attune-vault'),
  version: z.literal(1),
  keyId: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: z.number().int(),
  check: z.strictObject({ iv: b64u(16), tag: b64u(24) }),
  wraps: z.strictObject({
    keychain: keychainWrapSchema.optional(),
    passphrase: passphraseWrapSchema.optional(),
    recovery: recoveryWrapSchema.optional(),
  }),
});

export type KeyFile = z.infer<typeof keyFileSchema>;
export type KeychainWrap = z.infer<typeof keychainWrapSchema>;
export type PassphraseWrap = z.infer<typeof passphraseWrapSchema>;
export type RecoveryWrap = z.infer<typeof recoveryWrapSchema>;

export const keyFilePath = (dir: string): string => join(dir, KEY_FILE);

/**
 * The key file, or undefined when the vault was never set up (or was erased).
 * A passphrase wrap must name exactly the scrypt parameters Attune writes
 * (`acceptedScrypt`): anything else is damage, reported before any key
 * derivation runs, so an altered file cannot make an unlock cost seconds and
 * gigabytes.
 */
/** vault.json is under 2 KiB; a larger one is reported as not a key file, never read whole. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

export const readKeyFile = async (dir: string, acceptedScrypt: readonly ScryptParams[]): Promise<KeyFile | undefined> => {
  let raw: Buffer;
  try {
    // Read without blocking: a FIFO or device in its place is reported, never waited on.
    raw = await readRegularFile(keyFilePath(dir), MAX_KEY_FILE_BYTES);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    if (isNotRegularFile(error)) throw new AttuneError('vault-damaged', 'vault.json is not a regular file', { cause: error });
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new AttuneError('vault-damaged', 'vault.json is not valid JSON', { cause: error });
  }
  const result = keyFileSchema.safeParse(parsed);
  if (!result.success) throw new AttuneError('vault-damaged', 'vault.json does not match the key-file schema', { cause: result.error });
  const wrap = result.data.wraps.passphrase;
  if (wrap && !acceptedScrypt.some((accepted) => sameScrypt(accepted, wrap)))
    throw new AttuneError(
      'vault-damaged',
      `vault.json asks for scrypt parameters Attune does not write (N=${wrap.N}, r=${wrap.r}, p=${wrap.p})`,
    );
  return result.data;
};

export const writeKeyFile = (fs: FsPort, dir: string, file: KeyFile): Promise<void> =>
  writeFileAtomic(fs, keyFilePath(dir), Buffer.from(`${JSON.stringify(file, null, 2)}\n`, 'utf8'));
