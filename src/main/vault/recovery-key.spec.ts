import { describe, expect, it } from 'vitest';

import { fromB64u, fromCrockford, toCrockford } from './encoding';
import { formatRecoveryKey, generateRecoverySecret, parseRecoveryKey } from './recovery-key';

describe('recovery key', () => {
  it('round-trips through its written form, however it is typed', () => {
    const secret = generateRecoverySecret();
    const written = formatRecoveryKey(secret);
    expect(written).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    for (const typed of [
      written,
      written.toLowerCase(),
      written.replace(/-/g, ' '),
      written.replace(/-/g, ''),
      written.replace(/0/g, 'O').replace(/1/g, 'I'),
    ]) {
      const parsed = parseRecoveryKey(typed);
      expect(parsed.ok && parsed.secret.equals(secret)).toBe(true);
    }
  });

  it('tells a wrong length or character from a checksum mismatch', () => {
    const written = formatRecoveryKey(generateRecoverySecret());
    expect(parseRecoveryKey(written.slice(0, -1))).toEqual({ ok: false, reason: 'format' });
    expect(parseRecoveryKey(`${written.slice(0, -1)}U`)).toEqual({ ok: false, reason: 'format' });
    const other = written.at(-2) === '2' ? '3' : '2';
    expect(parseRecoveryKey(`${written.slice(0, -2)}${other}${written.slice(-1)}`)).toEqual({ ok: false, reason: 'checksum' });
  });
});

describe('encodings', () => {
  it('Crockford base32 round-trips any bytes', () => {
    for (const length of [1, 5, 18, 20, 33]) {
      const bytes = Buffer.from(Array.from({ length }, (_, i) => (i * 37 + 11) & 0xff));
      expect(fromCrockford(toCrockford(bytes), length)).toEqual(bytes);
    }
  });

  it('strict base64url refuses foreign characters, padding and wrong lengths instead of skipping them', () => {
    expect(fromB64u('AAAA')).toEqual(Buffer.from([0, 0, 0]));
    expect(fromB64u('AA=A')).toBeUndefined();
    expect(fromB64u('AA+A')).toBeUndefined();
    expect(fromB64u('AAAA', 4)).toBeUndefined();
    expect(fromB64u('AB')).toBeUndefined(); // non-canonical trailing bits
  });
});
