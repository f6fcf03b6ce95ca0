import { hash, type KeyObject } from 'node:crypto';

import { IV_BYTES, open, seal, TAG_BYTES } from '../vault/aead';
import { MIN_BUCKET, pad, unpad } from '../vault/padding';
import { HASH_BYTES, HEADER_BYTES, type HeaderProblem, readHeader, type SegmentHeader, writeHeader } from './segment-header';
import { segmentFileName } from './sync-file-names';
import type { SyncRecord } from './sync-record';
import { decodeSyncRecords, encodeSyncRecord } from './sync-record-payload';

/**
 * One segment file (docs/sync-format.md §5.1, read as §5.5): the header,
 * then `count` frames back to back, each holding one or more records:
 *
 *   u32be length · prev (32) · iv (12) · C · T (16)
 *
 * `C, T = GCM(DK, iv, pad(json array of records), "attune-sync.v1.frame." ‖ header ‖ u32be(i) ‖ prev)`,
 * `prev` = SHA-256 of frame i − 1 (for frame 0: of the last frame of seq − 1).
 * The file is named by the SHA-256 of all its bytes. Decoding never throws on
 * bad input and never returns part of a segment: it is authenticated whole
 * or reported with the first reason found.
 *
 * Records are packed (up to FRAME_MAX_RECORDS, FRAME_MAX_BYTES of JSON) rather
 * than one per frame: a GCM open and a SHA-256 cost ~8 µs a call on a slow
 * machine whatever the size, which was most of a 10k merge (§8.1), and one
 * record per frame padded every check-in to 1 KiB in the folder.
 */
const LENGTH_BYTES = 4;
/** Smallest `length` value: prev + iv + the smallest padded bucket + tag. */
const MIN_FRAME_BODY = HASH_BYTES + IV_BYTES + MIN_BUCKET + TAG_BYTES;
const AAD_PREFIX = Buffer.from('attune-sync.v1.frame.', 'utf8');
/** A frame closes at 512 records or before its JSON (with the padding mark) would pass 128 KiB, as vault snapshot chunks do. */
export const FRAME_MAX_RECORDS = 512;
export const FRAME_MAX_BYTES = 128 * 1024;

export const sha256 = (bytes: Uint8Array): Buffer => hash('sha256', bytes, 'buffer');

const frameAad = (header: Buffer, index: number, prev: Buffer): Buffer => {
  const aad = Buffer.allocUnsafe(AAD_PREFIX.length + header.length + LENGTH_BYTES + HASH_BYTES);
  AAD_PREFIX.copy(aad, 0);
  header.copy(aad, AAD_PREFIX.length);
  aad.writeUInt32BE(index, AAD_PREFIX.length + header.length);
  prev.copy(aad, AAD_PREFIX.length + header.length + LENGTH_BYTES);
  return aad;
};

/** Records as JSON arrays of at most FRAME_MAX_RECORDS and FRAME_MAX_BYTES (a single larger record gets a frame of its own). */
const packFrames = (records: readonly SyncRecord[], perFrame: number): Buffer[] => {
  const frames: Buffer[] = [];
  let parts: Buffer[] = [];
  /** UTF-8 bytes of `[${parts.join(',')}]` plus the padding mark. */
  let size = 0;
  const flush = (): void => {
    const json = Buffer.allocUnsafe(size - 1);
    let offset = 0;
    json[offset++] = 0x5b;
    for (const [index, part] of parts.entries()) {
      if (index > 0) json[offset++] = 0x2c;
      offset += part.copy(json, offset);
      part.fill(0);
    }
    json[offset] = 0x5d;
    frames.push(json);
    parts = [];
  };
  for (const record of records) {
    const part = encodeSyncRecord(record);
    if (parts.length > 0 && size + 1 + part.length > FRAME_MAX_BYTES) flush();
    size = parts.length === 0 ? 3 + part.length : size + 1 + part.length;
    parts.push(part);
    if (parts.length >= perFrame) flush();
  }
  if (parts.length > 0) flush();
  return frames;
};

/** The header's fields (count comes from `records`) and frame 0's link. */
export interface SegmentInput extends Omit<SegmentHeader, 'count'> {
  /** SHA-256 of the previous segment's last frame (NO_HASH for seq 1): frame 0's `prev`. */
  prevFrame: Buffer;
  records: readonly SyncRecord[];
  /** At most this many records in one frame (default FRAME_MAX_RECORDS); the byte bound holds whatever it is. */
  perFrame?: number;
}

export interface EncodedSegment {
  name: string;
  /** hex SHA-256 of `bytes`, as in the name: the next segment's `prevSegment`. */
  hash: string;
  bytes: Buffer;
  /** SHA-256 of the last frame: the next segment's `prevFrame`. */
  lastFrame: Buffer;
}

export const encodeSegment = (key: KeyObject, input: SegmentInput): EncodedSegment => {
  if (input.prevFrame.length !== HASH_BYTES) throw new RangeError('prevFrame is a SHA-256');
  const plaintexts = packFrames(input.records, input.perFrame ?? FRAME_MAX_RECORDS);
  const header = writeHeader({ ...input, count: plaintexts.length });
  const parts = [header];
  let prev = input.prevFrame;
  for (const [index, json] of plaintexts.entries()) {
    const padded = pad(json);
    json.fill(0);
    const { iv, ciphertext, tag } = seal(key, padded, frameAad(header, index, prev));
    padded.fill(0);
    const length = Buffer.alloc(LENGTH_BYTES);
    length.writeUInt32BE(HASH_BYTES + IV_BYTES + ciphertext.length + TAG_BYTES);
    const frame = Buffer.concat([length, prev, iv, ciphertext, tag]);
    parts.push(frame);
    prev = sha256(frame);
  }
  const bytes = Buffer.concat(parts);
  const hash = sha256(bytes).toString('hex');
  return { name: segmentFileName(input.seq, hash), hash, bytes, lastFrame: prev };
};

export type FrameProblem =
  'bad-frame' | 'trailing-bytes' | 'chain-broken' | 'not-authentic' | 'bad-padding' | 'bad-record' | 'wrong-author';

/** §5.5: pending (wait for the file to change), not ours (ignore), needs a key, or unreadable (damaged or forged). */
export type SegmentProblem =
  | { status: 'pending'; reason: 'empty' | 'truncated' | 'hash-mismatch' }
  | { status: 'not-ours'; reason: HeaderProblem | 'wrong-vault' | 'wrong-device' | 'wrong-seq' | 'no-records' }
  | { status: 'needs-key'; keyId: string }
  | { status: 'unreadable'; reason: FrameProblem; frame: number };

export interface DecodedSegment {
  header: SegmentHeader;
  records: SyncRecord[];
  /** Frame 0's `prev`: must equal the previous segment's `lastFrame` (checked by the caller, §7.1). */
  firstPrev: Buffer;
  lastFrame: Buffer;
}

export type SegmentResult = { ok: true; segment: DecodedSegment } | { ok: false; problem: SegmentProblem };

/** What the name (§3.1) and the linked vault say the file must be. */
export interface SegmentExpectation {
  vaultId: string;
  deviceId: string;
  seq: number;
  hash: string;
}

/** A data key by key id (the current one, or one reached through `previous`, §2.2). */
export type KeyLookup = (keyId: string) => KeyObject | undefined;

const fail = (problem: SegmentProblem): SegmentResult => ({ ok: false, problem });

interface FrameSlice {
  start: number;
  end: number;
}

/** Frame boundaries as claimed by the length fields; a problem when they do not fit the bytes. */
const sliceFrames = (bytes: Buffer, count: number): FrameSlice[] | { reason: 'cut' | 'bad-frame' | 'trailing-bytes'; frame: number } => {
  const frames: FrameSlice[] = [];
  let offset = HEADER_BYTES;
  for (let frame = 0; frame < count; frame += 1) {
    if (offset + LENGTH_BYTES > bytes.length) return { reason: 'cut', frame };
    const length = bytes.readUInt32BE(offset);
    if (length < MIN_FRAME_BODY) return { reason: 'bad-frame', frame };
    const end = offset + LENGTH_BYTES + length;
    if (end > bytes.length) return { reason: 'cut', frame };
    frames.push({ start: offset, end });
    offset = end;
  }
  return offset === bytes.length ? frames : { reason: 'trailing-bytes', frame: count };
};

/** A file whose bytes do not match its name: cut short (still arriving) or otherwise not the named file yet. */
const pendingReason = (bytes: Buffer): 'truncated' | 'hash-mismatch' => {
  const header = readHeader(bytes);
  if (header === 'short-header') return 'truncated';
  if (typeof header === 'string') return 'hash-mismatch';
  const frames = sliceFrames(bytes, header.count);
  return !Array.isArray(frames) && frames.reason === 'cut' ? 'truncated' : 'hash-mismatch';
};

const checkHeader = (bytes: Buffer, expected: SegmentExpectation): SegmentHeader | SegmentProblem => {
  const header = readHeader(bytes);
  if (typeof header === 'string') return { status: 'not-ours', reason: header };
  if (header.vaultId !== expected.vaultId) return { status: 'not-ours', reason: 'wrong-vault' };
  if (header.deviceId !== expected.deviceId) return { status: 'not-ours', reason: 'wrong-device' };
  if (header.seq !== expected.seq) return { status: 'not-ours', reason: 'wrong-seq' };
  if (header.count === 0) return { status: 'not-ours', reason: 'no-records' };
  return header;
};

const openFrame = (key: KeyObject, bytes: Buffer, slice: FrameSlice, aadHeader: Buffer, index: number): SyncRecord[] | FrameProblem => {
  const body = slice.start + LENGTH_BYTES;
  const prev = bytes.subarray(body, body + HASH_BYTES);
  const iv = bytes.subarray(body + HASH_BYTES, body + HASH_BYTES + IV_BYTES);
  const ciphertext = bytes.subarray(body + HASH_BYTES + IV_BYTES, slice.end - TAG_BYTES);
  const tag = bytes.subarray(slice.end - TAG_BYTES, slice.end);
  const plaintext = open(key, { iv, ciphertext, tag }, frameAad(aadHeader, index, prev));
  if (!plaintext) return 'not-authentic';
  const json = unpad(plaintext);
  const records = json && decodeSyncRecords(json);
  plaintext.fill(0);
  if (!json) return 'bad-padding';
  return records ?? 'bad-record';
};

export const decodeSegment = (bytes: Buffer, expected: SegmentExpectation, keyFor: KeyLookup): SegmentResult => {
  if (bytes.length === 0) return fail({ status: 'pending', reason: 'empty' });
  if (sha256(bytes).toString('hex') !== expected.hash) return fail({ status: 'pending', reason: pendingReason(bytes) });
  const header = checkHeader(bytes, expected);
  if ('status' in header) return fail(header);
  const key = keyFor(header.keyId);
  if (!key) return fail({ status: 'needs-key', keyId: header.keyId });
  const frames = sliceFrames(bytes, header.count);
  if (!Array.isArray(frames))
    return fail({ status: 'unreadable', reason: frames.reason === 'cut' ? 'bad-frame' : frames.reason, frame: frames.frame });
  const aadHeader = bytes.subarray(0, HEADER_BYTES);
  const records: SyncRecord[] = [];
  for (const [index, slice] of frames.entries()) {
    const prev = bytes.subarray(slice.start + LENGTH_BYTES, slice.start + LENGTH_BYTES + HASH_BYTES);
    const before = frames[index - 1];
    if (before && !prev.equals(sha256(bytes.subarray(before.start, before.end))))
      return fail({ status: 'unreadable', reason: 'chain-broken', frame: index });
    const opened = openFrame(key, bytes, slice, aadHeader, index);
    if (typeof opened === 'string') return fail({ status: 'unreadable', reason: opened, frame: index });
    if (header.type === 'delta' && opened.some((record) => record.by !== header.deviceId))
      return fail({ status: 'unreadable', reason: 'wrong-author', frame: index });
    for (const record of opened) records.push(record);
  }
  const first = frames[0] as FrameSlice;
  const last = frames[frames.length - 1] as FrameSlice;
  return {
    ok: true,
    segment: {
      header,
      records,
      firstPrev: Buffer.from(bytes.subarray(first.start + LENGTH_BYTES, first.start + LENGTH_BYTES + HASH_BYTES)),
      lastFrame: sha256(bytes.subarray(last.start, last.end)),
    },
  };
};
