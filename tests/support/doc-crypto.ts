import { createDecipheriv, createHash } from 'node:crypto';

/**
 * The few primitives the independent readers (docs/vault-format.md and
 * docs/sync-format.md, each read from its document alone) share: plain
 * node:crypto, nothing from src/main, so a reader can never borrow the code
 * it checks.
 */
export const sha256 = (bytes: Buffer): Buffer => createHash('sha256').update(bytes).digest();

/** AES-256-GCM open; throws when the tag does not authenticate. */
export const gcmOpen = (key: Buffer, iv: Buffer, ciphertext: Buffer, tag: Buffer, aad: Buffer): Buffer => {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
};

/**
 * vault-format.md §3: remove spaces and dashes, upper-case, O→0, I/L→1,
 * Crockford base32 → 20 bytes = 18-byte secret ‖ first 2 bytes of its SHA-256.
 */
export const recoverySecret = (recoveryKey: string): Buffer => {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const text = recoveryKey.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  let bits = '';
  for (const char of text) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  const bytes = Buffer.from(Array.from({ length: 20 }, (_, i) => parseInt(bits.slice(i * 8, i * 8 + 8), 2)));
  const secret = bytes.subarray(0, 18);
  if (!sha256(secret).subarray(0, 2).equals(bytes.subarray(18, 20))) throw new Error('recovery key checksum does not match');
  return secret;
};
