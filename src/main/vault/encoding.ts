/**
 * Text encodings used in the vault files. Everything binary that lands in a
 * text file is base64url without padding (RFC 4648 §5): it never needs
 * escaping in JSON or in the `.`-separated journal lines.
 */

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export const toB64u = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');

/**
 * Strict decode: Node's decoder silently skips invalid characters, which would
 * turn a flipped byte into a shorter buffer instead of an error. We check the
 * alphabet and (optionally) the decoded length so damage is always reported.
 */
export const fromB64u = (text: string, expectedBytes?: number): Buffer | undefined => {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) return undefined;
  // Reject non-canonical trailing bits so every byte string has one spelling.
  if (bytes.toString('base64url') !== text) return undefined;
  return bytes;
};

/**
 * Crockford base32 (no I, L, O, U): readable aloud and hard to mistype. When
 * decoding, the look-alikes people do type are folded back (O→0, I/L→1).
 * @see https://www.crockford.com/base32.html
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const toCrockford = (bytes: Uint8Array): string => {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += CROCKFORD[(value << (5 - bits)) & 31];
  return out;
};

export const fromCrockford = (text: string, expectedBytes: number): Buffer | undefined => {
  const normalized = text.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  if (normalized.length !== Math.ceil((expectedBytes * 8) / 5)) return undefined;
  const out = Buffer.alloc(expectedBytes);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of normalized) {
    const digit = CROCKFORD.indexOf(char);
    if (digit < 0) return undefined;
    value = (value << 5) | digit;
    bits += 5;
    if (bits >= 8) {
      if (index < expectedBytes) out[index] = (value >>> (bits - 8)) & 0xff;
      index += 1;
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  return out;
};
