import { createHash, randomBytes } from 'node:crypto';

import { fromCrockford, toCrockford } from './encoding';

/**
 * The recovery key a person writes down once: 144 random bits plus a 16-bit
 * checksum, as 32 Crockford base32 characters in 8 groups of 4
 * ("7K3M-QX9P-…"). The checksum catches typos before any unwrap attempt, so a
 * slip of the pen is told apart from a wrong key and is not throttled.
 */
export const RECOVERY_SECRET_BYTES = 18;
const CHECKSUM_BYTES = 2;
const TOTAL_BYTES = RECOVERY_SECRET_BYTES + CHECKSUM_BYTES;
const GROUP = 4;

const checksum = (secret: Buffer): Buffer => createHash('sha256').update(secret).digest().subarray(0, CHECKSUM_BYTES);

export const formatRecoveryKey = (secret: Buffer): string => {
  const text = toCrockford(Buffer.concat([secret, checksum(secret)]));
  return text.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? text;
};

export const generateRecoverySecret = (): Buffer => randomBytes(RECOVERY_SECRET_BYTES);

export type ParsedRecoveryKey = { ok: true; secret: Buffer } | { ok: false; reason: 'format' | 'checksum' };

/** Accepts any case, spaces or dashes between groups, and the O/0, I/L/1 look-alikes. */
export const parseRecoveryKey = (typed: string): ParsedRecoveryKey => {
  const compact = typed.replace(/[\s-]+/g, '');
  const bytes = fromCrockford(compact, TOTAL_BYTES);
  if (!bytes) return { ok: false, reason: 'format' };
  const secret = bytes.subarray(0, RECOVERY_SECRET_BYTES);
  if (!checksum(secret).equals(bytes.subarray(RECOVERY_SECRET_BYTES))) {
    bytes.fill(0);
    return { ok: false, reason: 'checksum' };
  }
  const copy = Buffer.from(secret);
  bytes.fill(0);
  return { ok: true, secret: copy };
};
