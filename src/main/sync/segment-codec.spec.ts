import { createHash, randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import type { Entry } from '../../shared/entry-schema';
import { importKey, seal } from '../vault/aead';
import { pad } from '../vault/padding';
import { checkIn, followUp } from '../vault/testing/vault-fixtures';
import {
  decodeSegment,
  encodeSegment,
  FRAME_MAX_BYTES,
  FRAME_MAX_RECORDS,
  type SegmentExpectation,
  type SegmentInput,
  type SegmentProblem,
} from './segment-codec';
import { HEADER_BYTES, NO_HASH } from './segment-header';
import { classifyName } from './sync-file-names';
import type { SyncRecord } from './sync-record';
import { encodeSyncRecord } from './sync-record-payload';

const VAULT = '11111111111111111111111111111111';
const DEVICE = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const OTHER_DEVICE = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const KEY_ID = '22222222222222222222222222222222';
const key = importKey(randomBytes(32));
const keys = (keyId: string) => (keyId === KEY_ID ? key : undefined);

const entry = (id: string, at: number, input = checkIn('A walk')): Entry => ({ ...input, id, at, offsetMinutes: 60 }) as Entry;
const put = (id: string, l: number, by = DEVICE, made = checkIn('A walk')): SyncRecord => ({
  op: 'put',
  id,
  hlc: [l, 0],
  by,
  entry: entry(id, l, made),
});
const RECORDS: SyncRecord[] = [
  put('entry-one', 1_795_424_400_000),
  {
    op: 'edit',
    id: 'entry-one',
    hlc: [1_795_424_400_000, 1],
    by: DEVICE,
    entry: entry('entry-one', 1_795_424_400_000, checkIn('Changed')),
  },
  {
    op: 'put',
    id: 'entry-two',
    hlc: [1_795_424_500_000, 0],
    by: DEVICE,
    entry: entry('entry-two', 1_795_424_500_000, followUp('entry-one')),
  },
  { op: 'del', id: 'entry-two', hlc: [1_795_424_600_000, 0], by: DEVICE },
];

const input = (overrides: Partial<SegmentInput> = {}): SegmentInput => ({
  type: 'delta',
  vaultId: VAULT,
  deviceId: DEVICE,
  keyId: KEY_ID,
  seq: 1,
  prevSegment: NO_HASH,
  prevFrame: NO_HASH,
  records: RECORDS.slice(0, 2),
  // One record a frame, so the chain between frames is tested with small files; packing has its own tests.
  perFrame: 1,
  ...overrides,
});
const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const expectation = (bytes: Buffer, overrides: Partial<SegmentExpectation> = {}): SegmentExpectation => ({
  vaultId: VAULT,
  deviceId: DEVICE,
  seq: 1,
  hash: hashOf(bytes),
  ...overrides,
});
/** Decode `bytes` as if they sat under a name that matches them: what a forger who renames the file gets. */
const decodeRenamed = (bytes: Buffer, overrides: Partial<SegmentExpectation> = {}) =>
  decodeSegment(bytes, expectation(bytes, overrides), keys);
const problemOf = (result: ReturnType<typeof decodeSegment>): SegmentProblem | undefined => (result.ok ? undefined : result.problem);

const FRAME = 4 + 32 + 12 + 1024 + 16;

describe('segment codec', () => {
  it('round-trips every kind of record, and names the file by its hash', () => {
    const encoded = encodeSegment(key, input({ records: RECORDS }));
    expect(encoded.bytes.length).toBe(HEADER_BYTES + RECORDS.length * FRAME);
    expect(classifyName(`devices/${DEVICE}/${encoded.name}`)).toEqual({ kind: 'segment', deviceId: DEVICE, seq: 1, hash: encoded.hash });
    const result = decodeSegment(encoded.bytes, expectation(encoded.bytes), keys);
    expect(result.ok && result.segment.records).toEqual(RECORDS);
    expect(result.ok && result.segment.header).toMatchObject({
      type: 'delta',
      vaultId: VAULT,
      deviceId: DEVICE,
      keyId: KEY_ID,
      seq: 1,
      count: 4,
    });
    expect(result.ok && result.segment.firstPrev).toEqual(NO_HASH);
    expect(result.ok && result.segment.lastFrame).toEqual(encoded.lastFrame);
  });

  it('packs records into as few frames as the record and byte bounds allow', () => {
    const many = Array.from({ length: FRAME_MAX_RECORDS + 1 }, (_, i) => put(`many-${i}`, 1 + i));
    const packed = encodeSegment(key, input({ records: many, perFrame: undefined }));
    const result = decodeRenamed(packed.bytes);
    expect(result.ok && result.segment.header.count).toBe(2);
    expect(result.ok && result.segment.records).toEqual(many);
    // Notes near their limit: frames close on bytes first, and none pads past 128 KiB.
    const long = Array.from({ length: 120 }, (_, i) => put(`long-${i}`, 1 + i, DEVICE, checkIn('n'.repeat(2_000))));
    const byBytes = encodeSegment(key, input({ records: long, perFrame: undefined }));
    const decoded = decodeRenamed(byBytes.bytes);
    expect(decoded.ok && decoded.segment.records).toEqual(long);
    const frames = decoded.ok ? decoded.segment.header.count : 0;
    expect(frames).toBeGreaterThan(1);
    expect(byBytes.bytes.length).toBeLessThanOrEqual(HEADER_BYTES + frames * (4 + 32 + 12 + FRAME_MAX_BYTES + 16));
    // Packed, a check-in costs its JSON in the folder, not a 1 KiB frame of its own.
    expect(packed.bytes.length).toBeLessThan((FRAME_MAX_RECORDS + 1) * FRAME * 0.5);
  });

  it('fills a frame to exactly 128 KiB with the padding mark, and not one byte more', () => {
    const withNote = (i: number, note: string) => put(`fill-${i}`, 1 + i, DEVICE, checkIn(note));
    const full = Array.from({ length: 70 }, (_, i) => withNote(i, 'n'.repeat(2_000)));
    const sizeOf = (record: SyncRecord) => encodeSyncRecord(record).length;
    // `[`, the records and a comma after each, the last record, `]` and the mark: its note takes exactly what is left.
    let records = full;
    let left = 0;
    for (let k = full.length; k > 0; k -= 1) {
      records = full.slice(0, k);
      left = FRAME_MAX_BYTES - (1 + records.reduce((sum, record) => sum + sizeOf(record), 0) + k + 1 + 1) - sizeOf(withNote(99, ''));
      if (left >= 0 && left <= 2_000) break;
    }
    const fits = encodeSegment(key, input({ records: [...records, withNote(99, 'n'.repeat(left))], perFrame: undefined }));
    expect(fits.bytes.length).toBe(HEADER_BYTES + 4 + 32 + 12 + FRAME_MAX_BYTES + 16);
    const over = encodeSegment(key, input({ records: [...records, withNote(99, 'n'.repeat(left + 1))], perFrame: undefined }));
    const decoded = decodeRenamed(over.bytes);
    expect(decoded.ok && decoded.segment.header.count).toBe(2);
    expect(decoded.ok && decoded.segment.records.length).toBe(records.length + 1);
  });

  it('links a segment to its predecessor through prevSegment and frame 0', () => {
    const first = encodeSegment(key, input());
    const second = encodeSegment(key, input({ seq: 2, prevSegment: Buffer.from(first.hash, 'hex'), prevFrame: first.lastFrame }));
    const result = decodeRenamed(second.bytes, { seq: 2 });
    expect(result.ok && result.segment.header.prevSegment.toString('hex')).toBe(first.hash);
    expect(result.ok && result.segment.firstPrev).toEqual(first.lastFrame);
  });

  it('rejects every single-byte flip, under the old name (pending) and renamed to its new hash (never accepted)', () => {
    const { bytes } = encodeSegment(key, input());
    const expected = (offset: number): Partial<SegmentProblem> => {
      if (offset < 8) return { status: 'not-ours', reason: 'bad-magic' };
      if (offset === 8) return { status: 'not-ours', reason: 'bad-type' };
      if (offset < 25) return { status: 'not-ours', reason: 'wrong-vault' };
      if (offset < 41) return { status: 'not-ours', reason: 'wrong-device' };
      if (offset < 57) return { status: 'needs-key' };
      if (offset < 65) return { status: 'not-ours', reason: 'wrong-seq' };
      if (offset < 97) return { status: 'unreadable', reason: 'not-authentic', frame: 0 };
      if (offset < HEADER_BYTES) return { status: 'unreadable', reason: 'bad-frame' };
      const frame = Math.floor((offset - HEADER_BYTES) / FRAME);
      const within = (offset - HEADER_BYTES) % FRAME;
      // A wrong length shows in this frame or, when it still fits, in the next one's boundary.
      if (within < 4) return { status: 'unreadable', reason: 'bad-frame' };
      if (within < 36 && frame > 0) return { status: 'unreadable', reason: 'chain-broken', frame };
      return { status: 'unreadable', reason: 'not-authentic', frame };
    };
    for (let offset = 0; offset < bytes.length; offset += 1) {
      const flipped = Buffer.from(bytes);
      flipped[offset] = (flipped[offset] as number) ^ 0x01;
      // A flipped count or length looks like a cut file ('truncated'); either way it waits for the file to change.
      expect(problemOf(decodeSegment(flipped, expectation(bytes), keys)), `offset ${offset}`).toMatchObject({ status: 'pending' });
      expect(problemOf(decodeRenamed(flipped)), `offset ${offset}`).toMatchObject(expected(offset));
      flipped[offset] = (bytes[offset] as number) ^ 0xff;
      expect(decodeRenamed(flipped).ok, `offset ${offset} ^ 0xff`).toBe(false);
    }
  });

  it('reads a file cut short at any length as pending, and never accepts it renamed', () => {
    const { bytes } = encodeSegment(key, input());
    expect(problemOf(decodeSegment(Buffer.alloc(0), expectation(bytes), keys))).toEqual({ status: 'pending', reason: 'empty' });
    for (let length = 1; length < bytes.length; length += 1) {
      const cut = bytes.subarray(0, length);
      expect(problemOf(decodeSegment(cut, expectation(bytes), keys)), `length ${length}`).toEqual({
        status: 'pending',
        reason: 'truncated',
      });
      expect(decodeRenamed(cut).ok, `length ${length}`).toBe(false);
    }
  });

  it('rejects trailing bytes after the last frame', () => {
    const { bytes } = encodeSegment(key, input());
    const longer = Buffer.concat([bytes, Buffer.from([0])]);
    expect(problemOf(decodeRenamed(longer))).toEqual({ status: 'unreadable', reason: 'trailing-bytes', frame: 2 });
  });

  it('rejects records swapped within a segment', () => {
    const { bytes } = encodeSegment(key, input());
    const header = bytes.subarray(0, HEADER_BYTES);
    const swapped = Buffer.concat([header, bytes.subarray(HEADER_BYTES + FRAME), bytes.subarray(HEADER_BYTES, HEADER_BYTES + FRAME)]);
    expect(problemOf(decodeRenamed(swapped))).toEqual({ status: 'unreadable', reason: 'not-authentic', frame: 0 });
  });

  it('binds each record to its segment: moved to another seq, device, vault or key it fails', () => {
    const original = encodeSegment(key, input()).bytes;
    const frames = original.subarray(HEADER_BYTES);
    const moved = [
      { into: input({ seq: 2 }), as: { seq: 2 } },
      { into: input({ deviceId: OTHER_DEVICE }), as: { deviceId: OTHER_DEVICE } },
      { into: input({ vaultId: '33333333333333333333333333333333' }), as: { vaultId: '33333333333333333333333333333333' } },
      { into: input({ type: 'checkpoint' }), as: {} },
      { into: input({ prevSegment: Buffer.alloc(32, 7) }), as: {} },
    ];
    for (const { into, as } of moved) {
      const header = encodeSegment(key, into).bytes.subarray(0, HEADER_BYTES);
      expect(problemOf(decodeRenamed(Buffer.concat([header, frames]), as))).toEqual({
        status: 'unreadable',
        reason: 'not-authentic',
        frame: 0,
      });
    }
  });

  it('rejects a frame carried over from another segment, even at the same index', () => {
    const a = encodeSegment(key, input({ records: [put('x-1', 1)] }));
    const b = encodeSegment(key, input({ seq: 2, records: [put('x-2', 2), put('x-3', 3)] }));
    const spliced = Buffer.concat([
      b.bytes.subarray(0, HEADER_BYTES),
      a.bytes.subarray(HEADER_BYTES),
      b.bytes.subarray(HEADER_BYTES + FRAME),
    ]);
    expect(decodeRenamed(spliced, { seq: 2 }).ok).toBe(false);
  });

  it('needs the right key', () => {
    const { bytes } = encodeSegment(key, input());
    expect(problemOf(decodeSegment(bytes, expectation(bytes), () => undefined))).toEqual({ status: 'needs-key', keyId: KEY_ID });
    const wrong = importKey(randomBytes(32));
    expect(problemOf(decodeSegment(bytes, expectation(bytes), () => wrong))).toEqual({
      status: 'unreadable',
      reason: 'not-authentic',
      frame: 0,
    });
  });

  it('checks what the name and the linked vault say the file is', () => {
    const { bytes } = encodeSegment(key, input());
    expect(problemOf(decodeRenamed(bytes, { vaultId: '33333333333333333333333333333333' }))).toEqual({
      status: 'not-ours',
      reason: 'wrong-vault',
    });
    expect(problemOf(decodeRenamed(bytes, { deviceId: OTHER_DEVICE }))).toEqual({ status: 'not-ours', reason: 'wrong-device' });
    expect(problemOf(decodeRenamed(bytes, { seq: 2 }))).toEqual({ status: 'not-ours', reason: 'wrong-seq' });
  });

  it('accepts other devices’ records only in a checkpoint or final segment', () => {
    const records = [put('mine', 1), put('theirs', 2, OTHER_DEVICE)];
    expect(problemOf(decodeRenamed(encodeSegment(key, input({ records })).bytes))).toEqual({
      status: 'unreadable',
      reason: 'wrong-author',
      frame: 1,
    });
    // Packed into one frame, the whole frame is refused: a delta never carries part of a frame.
    expect(problemOf(decodeRenamed(encodeSegment(key, input({ records, perFrame: undefined })).bytes))).toEqual({
      status: 'unreadable',
      reason: 'wrong-author',
      frame: 0,
    });
    for (const type of ['checkpoint', 'final'] as const)
      expect(decodeRenamed(encodeSegment(key, input({ type, records })).bytes).ok).toBe(true);
  });

  it('rejects an authentic record that is not a record of §5.2', () => {
    const mismatched: SyncRecord = { op: 'put', id: 'one', hlc: [1, 0], by: DEVICE, entry: entry('another', 1) };
    const badStamp = { op: 'del', id: 'one', hlc: [1, 2 ** 31], by: DEVICE } as SyncRecord;
    const badId = { op: 'del', id: 'has space', hlc: [1, 0], by: DEVICE } as SyncRecord;
    for (const record of [mismatched, badStamp, badId]) {
      expect(problemOf(decodeRenamed(encodeSegment(key, input({ records: [put('ok', 1), record] })).bytes))).toEqual({
        status: 'unreadable',
        reason: 'bad-record',
        frame: 1,
      });
    }
  });

  it('rejects an authentic frame whose padding or JSON is wrong', () => {
    /** Frame 0 re-sealed by hand with the AAD of §5.1 around `plaintext`: what only a key holder could write. */
    const withFrame0 = (plaintext: Buffer): Buffer => {
      const { bytes } = encodeSegment(key, input({ records: [put('ok', 1)] }));
      const header = bytes.subarray(0, HEADER_BYTES);
      const aad = Buffer.concat([Buffer.from('attune-sync.v1.frame.', 'utf8'), header, Buffer.alloc(4), NO_HASH]);
      const { iv, ciphertext, tag } = seal(key, plaintext, aad);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(32 + 12 + ciphertext.length + 16);
      return Buffer.concat([header, length, NO_HASH, iv, ciphertext, tag]);
    };
    const del = { v: 1, op: 'del', id: 'one', hlc: [1, 0], by: DEVICE };
    const good = pad(Buffer.from(JSON.stringify([del, { ...del, id: 'two' }])));
    expect(decodeRenamed(withFrame0(good)).ok).toBe(true);
    const noMark = Buffer.alloc(1024);
    const overPadded = Buffer.concat([good, Buffer.alloc(1024)]);
    for (const plaintext of [noMark, overPadded])
      expect(problemOf(decodeRenamed(withFrame0(plaintext)))).toEqual({ status: 'unreadable', reason: 'bad-padding', frame: 0 });
    const notJson = pad(Buffer.from('[{"v":1,'));
    const extraField = pad(Buffer.from(JSON.stringify([del, { ...del, at: 5 }])));
    const newerVersion = pad(Buffer.from(JSON.stringify([{ ...del, v: 2 }])));
    const notInArray = pad(Buffer.from(JSON.stringify(del)));
    const emptyArray = pad(Buffer.from('[]'));
    const one = entry('one', 1);
    const putOne = { ...del, op: 'put', entry: one };
    expect(decodeRenamed(withFrame0(pad(Buffer.from(JSON.stringify([putOne])))))).toMatchObject({ ok: true });
    const wrong = [
      { ...del, by: DEVICE.toUpperCase() },
      { ...del, op: 'move' },
      { ...del, op: 'put' },
      { ...del, entry: one },
      { ...putOne, entry: { ...one, data: { ...one.data, capacity: 99 } } },
      { ...del, hlc: '1,0' },
      { ...del, id: 5 },
      null,
      7,
      [del],
    ].map((value) => pad(Buffer.from(JSON.stringify([del, value]))));
    for (const plaintext of [notJson, extraField, newerVersion, notInArray, emptyArray, ...wrong])
      expect(problemOf(decodeRenamed(withFrame0(plaintext)))).toEqual({ status: 'unreadable', reason: 'bad-record', frame: 0 });
  });

  it('refuses to write what it could not read back', () => {
    expect(() => encodeSegment(key, input({ records: [] }))).toThrow(RangeError);
    expect(() => encodeSegment(key, input({ seq: 0 }))).toThrow(RangeError);
    expect(() => encodeSegment(key, input({ deviceId: DEVICE.toUpperCase() }))).toThrow(RangeError);
    expect(() => encodeSegment(key, input({ prevFrame: Buffer.alloc(31) }))).toThrow(RangeError);
  });

  it('never throws on random bytes under a matching name', () => {
    const { bytes } = encodeSegment(key, input());
    for (let round = 0; round < 300; round += 1) {
      const noise = randomBytes(round % 3 === 0 ? round : bytes.length);
      if (round % 3 === 1) bytes.subarray(0, HEADER_BYTES).copy(noise);
      expect(decodeRenamed(noise).ok).toBe(false);
    }
  });
});
