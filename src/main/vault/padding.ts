/**
 * Length hiding for version 2 of the vault format: every plaintext that is
 * sealed (a journal record's payload, a snapshot frame's JSON) is padded to a
 * bucket before encryption, so a file shows which bucket a record fell in,
 * never its exact length.
 *
 * Padding (ISO/IEC 7816-4 style): the plaintext, one 0x80 byte, then zero
 * bytes up to the bucket. Buckets are powers of two from 1024 bytes up: a
 * check-in with every choice ticked and no words of its own is ~450 bytes, a
 * follow-up ~190, a delete ~50, so all of these, and a check-in with a few
 * lines of text, look the same on disk. Above that a record shows its length
 * only within a factor of two. The padding sits inside the AEAD plaintext, so
 * it is authenticated with everything else. docs/vault-format.md §4.1.
 */
export const PAD_MARK = 0x80;
export const MIN_BUCKET = 1024;
const ZEROS = Buffer.alloc(64 * 1024);

/** The padded length for `length` bytes of plaintext: the smallest power of two ≥ max(length + 1, MIN_BUCKET). */
export const bucketFor = (length: number): number => {
  let bucket = MIN_BUCKET;
  while (bucket < length + 1) bucket *= 2;
  return bucket;
};

/** A new buffer: `plain ‖ 0x80 ‖ 0x00…` of length bucketFor(plain.length). The caller zeroes `plain` as before. */
export const pad = (plain: Uint8Array): Buffer => {
  const out = Buffer.alloc(bucketFor(plain.length));
  out.set(plain, 0);
  out[plain.length] = PAD_MARK;
  return out;
};

/**
 * The plaintext inside a padded buffer (a view, not a copy), or undefined when
 * the padding is malformed: the last non-zero byte must be 0x80 and the whole
 * must be exactly the bucket its content calls for (so each plaintext has one
 * padded form). Authenticated bytes that fail this are damage or a newer
 * format, reported as such, never guessed at.
 */
export const unpad = (padded: Buffer): Buffer | undefined => {
  const mark = padded.lastIndexOf(PAD_MARK);
  if (mark < 0 || bucketFor(mark) !== padded.length) return undefined;
  // memcmp against zeros in native code: a 128 KiB chunk may end in 64 KiB of padding.
  for (let from = mark + 1; from < padded.length; from += ZEROS.length) {
    const to = Math.min(padded.length, from + ZEROS.length);
    if (padded.compare(ZEROS, 0, to - from, from, to) !== 0) return undefined;
  }
  return padded.subarray(0, mark);
};
