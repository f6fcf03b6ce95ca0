import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { bucketFor, MIN_BUCKET, pad, unpad } from './padding';

describe('bucketFor', () => {
  it('is the smallest power of two that holds the plaintext and its mark, never below 1024', () => {
    expect(bucketFor(0)).toBe(MIN_BUCKET);
    expect(bucketFor(1023)).toBe(1024);
    expect(bucketFor(1024)).toBe(2048);
    expect(bucketFor(2047)).toBe(2048);
    expect(bucketFor(2048)).toBe(4096);
    expect(bucketFor(17_145)).toBe(32_768);
  });
});

describe('pad and unpad', () => {
  it('round-trips every length across bucket edges, and the padded length is always the bucket', () => {
    for (const length of [0, 1, 447, 1022, 1023, 1024, 2047, 2048, 5000, 128 * 1024 - 1]) {
      const plain = randomBytes(length);
      const padded = pad(plain);
      expect(padded.length).toBe(bucketFor(length));
      expect(unpad(padded)).toEqual(plain);
    }
  });

  it('keeps plaintext that itself ends in 0x80 or zero bytes', () => {
    for (const plain of [Buffer.from([0x80]), Buffer.from([0x80, 0, 0]), Buffer.from('abc\u0000', 'utf8'), Buffer.alloc(0)]) {
      expect(unpad(pad(plain))).toEqual(plain);
    }
  });

  it('rejects malformed padding without throwing', () => {
    const good = pad(Buffer.from('{"v":1}'));
    const cases: Buffer[] = [
      Buffer.alloc(0),
      Buffer.alloc(1024), // no mark at all
      Buffer.from(good).fill(1, 1000, 1001), // a non-zero byte after the mark
      Buffer.concat([good, Buffer.alloc(1024)]), // more padding than the bucket calls for
      good.subarray(0, 1000), // not a bucket size
      pad(Buffer.alloc(1500, 0x41)).subarray(0, 1024), // the mark cut away
      Buffer.from(good).fill(0x7f, 7, 8), // the mark replaced
    ];
    for (const bytes of cases) expect(unpad(bytes)).toBeUndefined();
  });

  it('never throws on arbitrary bytes', () => {
    for (let i = 0; i < 500; i += 1) {
      const bytes = randomBytes(Math.floor(Math.random() * 3000));
      expect(() => unpad(bytes)).not.toThrow();
    }
  });
});
