import { randomBytes } from 'node:crypto';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Entry } from '../../shared/entry-schema';
import { importKey } from './aead';
import { CHUNK_MAX_ENTRIES, decodeSnapshot, encodeSnapshot, SNAPSHOT_MAGIC, type StoredEntry } from './snapshot-codec';
import { checkIn } from './testing/vault-fixtures';

const key = importKey(randomBytes(32));
const KEY_ID = '22222222222222222222222222222222';
const CHUNK_MAX_BYTES = 128 * 1024;
/** After a frame's u32 length: type, index, firstSeq, lastSeq, iv, then the ciphertext, then the tag. */
const FRAME_OVERHEAD = 1 + 4 + 8 + 8 + 12 + 16;

const stored = (seq: number, note: string): StoredEntry => ({
  seq,
  entry: { ...checkIn(note), id: `entry-${seq}`, at: 1_795_424_400_000 + seq, offsetMinutes: 60 } as Entry,
});

/** Each frame's ciphertext length (its padded plaintext), header frame first. */
const frameSizes = (bytes: Buffer): number[] => {
  const sizes: number[] = [];
  let offset = SNAPSHOT_MAGIC.length + 16;
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    sizes.push(length - FRAME_OVERHEAD);
    offset += 4 + length;
  }
  expect(offset).toBe(bytes.length);
  return sizes;
};

const roundTrip = (entries: StoredEntry[]) => {
  const { bytes } = encodeSnapshot(key, KEY_ID, entries, entries.length, 1);
  const decoded = decodeSnapshot(bytes, key, KEY_ID);
  expect(decoded.damaged).toEqual([]);
  expect(decoded.entries).toEqual(entries);
  return { bytes, decoded };
};

describe('snapshot codec: chunks', () => {
  it('closes a chunk at 512 entries, and pads small chunks to their own bucket', () => {
    const entries = Array.from({ length: CHUNK_MAX_ENTRIES * 2 + 1 }, (_, i) => stored(i + 1, 'short'));
    const { bytes, decoded } = roundTrip(entries);
    expect(decoded.header?.chunks.map(([, first, last, count]) => [first, last, count])).toEqual([
      [1, 512, 512],
      [513, 1024, 512],
      [1025, 1025, 1],
    ]);
    // The last chunk holds one short entry: 1 KiB, not the 128 KiB a full chunk may take.
    expect(frameSizes(bytes).at(-1)).toBe(1024);
  });

  it('closes a chunk on bytes before 128 KiB, counting multi-byte text by its UTF-8 length', () => {
    // 3 bytes per character in UTF-8: 600 of them are 1,800 bytes, so ~70 such entries fill a chunk.
    const entries = Array.from({ length: 200 }, (_, i) => stored(i + 1, '夜'.repeat(600)));
    const { bytes, decoded } = roundTrip(entries);
    const sizes = frameSizes(bytes).slice(1);
    expect(sizes.length).toBeGreaterThan(2);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(CHUNK_MAX_BYTES);
    // Full chunks are close to the bound: nothing closes early.
    const counts = decoded.header?.chunks.map(([, , , count]) => count) ?? [];
    expect(Math.min(...counts.slice(0, -1))).toBeGreaterThanOrEqual(65);
  });

  it('fills a chunk to exactly 128 KiB with the padding mark, and not one byte more', () => {
    const rowBytes = (entry: StoredEntry) => Buffer.byteLength(`[${entry.seq},${JSON.stringify(entry.entry)}]`);
    const first = stored(1, 'a'.repeat(60_000));
    const empty = stored(2, '');
    // `[` first `,` second `]` and the mark: the second's note takes exactly what is left.
    const exact = CHUNK_MAX_BYTES - (1 + rowBytes(first) + 1 + rowBytes(empty) + 1 + 1);
    // Two bytes a character, so a row measured by its UTF-16 length would be taken as fitting too early.
    const filler = 'é'.repeat(Math.floor(exact / 2)) + (exact % 2 === 1 ? 'a' : '');
    const fits = roundTrip([first, stored(2, filler)]);
    expect(fits.decoded.header?.chunks.length).toBe(1);
    expect(frameSizes(fits.bytes)[1]).toBe(CHUNK_MAX_BYTES);
    const over = roundTrip([first, stored(2, `${filler}a`)]);
    expect(over.decoded.header?.chunks.length).toBe(2);
  });

  it('gives one entry larger than a chunk a chunk of its own, and reads it back', () => {
    const entries = [stored(1, 'before'), stored(2, '🌊'.repeat(40_000)), stored(3, 'after')];
    const { decoded } = roundTrip(entries);
    expect(decoded.header?.chunks.map(([, first, last]) => [first, last])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('round-trips any mix of text, every chunk within its bound', () => {
    const note = fc.string({ unit: fc.constantFrom('a', 'é', '夜', '🌊', '"', '\\', '\n'), maxLength: 2_000 });
    fc.assert(
      fc.property(fc.array(note, { minLength: 1, maxLength: 300 }), (notes) => {
        const entries = notes.map((text, i) => stored(i + 1, text));
        const { bytes, decoded } = roundTrip(entries);
        for (const size of frameSizes(bytes).slice(1)) expect(size).toBeLessThanOrEqual(CHUNK_MAX_BYTES);
        for (const [, , , count] of decoded.header?.chunks ?? []) expect(count).toBeLessThanOrEqual(CHUNK_MAX_ENTRIES);
      }),
      { numRuns: 40 },
    );
  });

  it('writes any seq a vault can reach as its decimal, and reads it back (seqs of every length, up to 2^53 − 1)', () => {
    const seqs = fc.uniqueArray(
      fc.oneof(
        fc.integer({ min: 1, max: 1_000 }),
        fc.maxSafeNat().filter((n) => n > 0),
      ),
      {
        minLength: 1,
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(seqs, (found) => {
        const entries = [...found].sort((a, b) => a - b).map((seq) => stored(seq, `seq ${seq}`));
        const { bytes } = encodeSnapshot(key, KEY_ID, entries, entries.at(-1)?.seq ?? 0, 1);
        expect(decodeSnapshot(bytes, key, KEY_ID).entries).toEqual(entries);
      }),
      { numRuns: 100 },
    );
    for (const seq of [9, 10, 99, 100, Number.MAX_SAFE_INTEGER]) roundTrip([stored(seq, 'edge')]);
  });
});
