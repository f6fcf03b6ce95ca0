import { createDecipheriv, type KeyObject, randomBytes } from 'node:crypto';

import type { Entry } from '../../shared/entry-schema';
import { IV_BYTES, open, seal, TAG_BYTES } from './aead';
import { bucketFor, pad, PAD_MARK, unpad } from './padding';
import { hashText } from './record-codec';

/**
 * `snapshot.bin`: every live entry as of `throughSeq`, encrypted in chunks.
 * Opening 100k entries record by record costs ~0.6 s (one GCM call + one
 * JSON.parse each); a few hundred large chunks cost a fraction of that. Each
 * chunk is authenticated on its own, so one damaged byte loses one chunk (and
 * is reported with its seq range), not the whole history.
 *
 *   "ATSNAP02" (8 bytes) · snapshotId (16 bytes) · frame*
 *   frame = u32 length · u8 type · u32 index · u64 firstSeq · u64 lastSeq · iv(12) · ciphertext · tag(16)
 *
 * `length` counts the bytes after itself. Frame 0 (type 1) is the header; frames
 * 1..n (type 2) hold entries. The journal's first record links to SHA-256 of
 * the header frame's bytes (the "anchor"). See docs/vault-format.md.
 *
 * Version 2 pads every frame's plaintext to a bucket (padding.ts) and fills
 * a chunk only up to 128 KiB, so every full chunk is exactly 128 KiB inside
 * and only the last one shows a power-of-two size. Version 1 (`ATSNAP01`,
 * unpadded) is still read, so a vault written before the upgrade opens; the
 * first roll rewrites it as version 2.
 */
export type SnapshotVersion = 1 | 2;
export const SNAPSHOT_VERSION: SnapshotVersion = 2;
const MAGICS: Record<SnapshotVersion, Buffer> = { 1: Buffer.from('ATSNAP01', 'ascii'), 2: Buffer.from('ATSNAP02', 'ascii') };
export const SNAPSHOT_MAGIC = MAGICS[SNAPSHOT_VERSION];
const ID_BYTES = 16;
const PREAMBLE = SNAPSHOT_MAGIC.length + ID_BYTES;
const FRAME_HEAD = 1 + 4 + 8 + 8;
const MIN_FRAME = FRAME_HEAD + IV_BYTES + TAG_BYTES;
export const FRAME_HEADER = 1;
export const FRAME_CHUNK = 2;
export const CHUNK_MAX_ENTRIES = 512;
/** A chunk's JSON plus its padding mark fits in this many bytes (unless one entry alone is larger: it never is, by the schema's text limits). */
const CHUNK_MAX_BYTES = 128 * 1024;

export interface StoredEntry {
  seq: number;
  entry: Entry;
}

export interface SnapshotHeader {
  v: SnapshotVersion;
  createdAt: number;
  throughSeq: number;
  entryCount: number;
  /** [index, firstSeq, lastSeq, count] per chunk, so a lost chunk can still be named by its seqs. */
  chunks: Array<[number, number, number, number]>;
}

export interface DamagedFrame {
  index: number | undefined;
  firstSeq: number | undefined;
  lastSeq: number | undefined;
  raw: Buffer;
}

export interface DecodedSnapshot {
  /** From the magic; undefined when even that is unreadable. */
  version: SnapshotVersion | undefined;
  snapshotId: string | undefined;
  header: SnapshotHeader | undefined;
  anchor: string | undefined;
  entries: StoredEntry[];
  /** Indices of chunks that decrypted; compared with the header's list to find removed chunks. */
  chunkIndices: Set<number>;
  damaged: DamagedFrame[];
  /**
   * Hash of the first frame's bytes when it is framed as the header but did
   * not authenticate: what the journal links to while a damaged snapshot is
   * kept as it is (compaction held), so appends can go on.
   */
  unverifiedAnchor: string | undefined;
  /** Highest seq the snapshot shows: authentic entries and frame heads, damaged heads when plausible. Never reused. */
  highestSeq: number;
}

/** A damaged frame's head is not authenticated: its seqs count toward "never reuse" only when plausible. */
const PLAUSIBLE_SEQ_MAX = 2 ** 40;

const frameAad = (version: SnapshotVersion, keyId: string, snapshotId: string, head: Buffer): Buffer =>
  Buffer.concat([Buffer.from(`attune-vault.v${version}.snapshot.${keyId}.${snapshotId}.`, 'utf8'), head]);

const frameHead = (type: number, index: number, firstSeq: number, lastSeq: number): Buffer => {
  const head = Buffer.alloc(FRAME_HEAD);
  head.writeUInt8(type, 0);
  head.writeUInt32BE(index, 1);
  head.writeBigUInt64BE(BigInt(firstSeq), 5);
  head.writeBigUInt64BE(BigInt(lastSeq), 13);
  return head;
};

/** One frame around `padded` (already `pad`ded, vault-format.md §4.1), which is zeroed once sealed. */
const sealFrame = (key: KeyObject, keyId: string, snapshotId: string, head: Buffer, padded: Buffer): Buffer => {
  const { iv, ciphertext, tag } = seal(key, padded, frameAad(SNAPSHOT_VERSION, keyId, snapshotId, head));
  padded.fill(0);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.length + iv.length + ciphertext.length + tag.length);
  return Buffer.concat([length, head, iv, ciphertext, tag]);
};

const buildFrame = (key: KeyObject, keyId: string, snapshotId: string, head: Buffer, plaintext: Buffer): Buffer => {
  const padded = pad(plaintext);
  plaintext.fill(0);
  return sealFrame(key, keyId, snapshotId, head, padded);
};

/**
 * A chunk's JSON, `[row,row,…]`, written straight into its padded buffer:
 * measuring each row with Buffer.byteLength, joining and copying into the
 * padding was a third of writing 20k entries. A row is measured exactly only
 * near the chunk's bound, where 3 bytes per UTF-16 unit might not fit.
 */
const decimalLength = (n: number): number => {
  let length = 1;
  for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) length += 1;
  return length;
};

/** `n` (a non-negative safe integer) in ASCII decimal at `at`, `length` digits. */
const writeDecimal = (buffer: Buffer, at: number, n: number, length: number): void => {
  let rest = n;
  for (let i = at + length - 1; i >= at; i -= 1) {
    buffer[i] = 0x30 + (rest % 10);
    rest = Math.floor(rest / 10);
  }
};

class ChunkWriter {
  private buffer = Buffer.alloc(CHUNK_MAX_BYTES);
  /** Bytes written: `[` and the rows with their commas, not yet the `]`. */
  private used = 1;
  rows = 0;
  first = 0;
  last = 0;

  constructor() {
    this.buffer[0] = 0x5b;
  }

  /**
   * The row `[seq,entry]` from the entry's JSON, its brackets and seq written
   * around it here: a row built as one string first was a second copy of
   * every entry to make and collect. False when the row would pass the
   * bound (the chunk is left as it was); a first row always goes in.
   */
  add(seq: number, json: string): boolean {
    const at = this.used + (this.rows > 0 ? 1 : 0);
    const digits = decimalLength(seq);
    // Where the row, `]` and the padding mark end at most (3 bytes per UTF-16 unit); exact only when that is too far.
    let end = at + digits + 3 + json.length * 3 + 2;
    if (end > CHUNK_MAX_BYTES) end = at + digits + 3 + Buffer.byteLength(json, 'utf8') + 2;
    if (this.rows > 0 && end > CHUNK_MAX_BYTES) return false;
    if (end > this.buffer.length) this.grow(bucketFor(end - 1));
    const { buffer } = this;
    buffer[at] = 0x5b;
    writeDecimal(buffer, at + 1, seq, digits);
    buffer[at + 1 + digits] = 0x2c;
    const written = buffer.write(json, at + 2 + digits, 'utf8');
    buffer[at + 2 + digits + written] = 0x5d;
    if (this.rows > 0) buffer[this.used] = 0x2c;
    else this.first = seq;
    this.used = at + digits + 3 + written;
    this.rows += 1;
    this.last = seq;
    return true;
  }

  /** `pad(json)` exactly: the JSON, 0x80, zeros to its bucket. */
  padded(): Buffer {
    this.buffer[this.used] = 0x5d;
    const length = this.used + 1;
    const padded = this.buffer.subarray(0, bucketFor(length));
    padded[length] = PAD_MARK;
    return padded;
  }

  private grow(size: number): void {
    const bigger = Buffer.alloc(size);
    this.buffer.copy(bigger, 0, 0, this.used);
    this.buffer.fill(0);
    this.buffer = bigger;
  }
}

/** `entries` must be sorted by seq. Returns the file bytes and the anchor the next journal record links to. */
export const encodeSnapshot = (
  key: KeyObject,
  keyId: string,
  entries: readonly StoredEntry[],
  throughSeq: number,
  createdAt: number,
): { bytes: Buffer; anchor: string } => {
  const idBytes = randomBytes(ID_BYTES);
  const snapshotId = idBytes.toString('hex');
  const frames: Buffer[] = [];
  const chunks: SnapshotHeader['chunks'] = [];
  let chunk = new ChunkWriter();
  const flush = (): void => {
    if (chunk.rows === 0) return;
    const index = chunks.length + 1;
    chunks.push([index, chunk.first, chunk.last, chunk.rows]);
    frames.push(sealFrame(key, keyId, snapshotId, frameHead(FRAME_CHUNK, index, chunk.first, chunk.last), chunk.padded()));
    chunk = new ChunkWriter();
  };
  for (const { seq, entry } of entries) {
    const json = JSON.stringify(entry);
    // Close the chunk before this entry would push it (with its comma and the padding mark) past 128 KiB.
    if (!chunk.add(seq, json)) {
      flush();
      chunk.add(seq, json);
    }
    if (chunk.rows >= CHUNK_MAX_ENTRIES) flush();
  }
  flush();
  const header: SnapshotHeader = { v: SNAPSHOT_VERSION, createdAt, throughSeq, entryCount: entries.length, chunks };
  const headerFrame = buildFrame(
    key,
    keyId,
    snapshotId,
    frameHead(FRAME_HEADER, 0, 0, throughSeq),
    Buffer.from(JSON.stringify(header), 'utf8'),
  );
  return { bytes: Buffer.concat([SNAPSHOT_MAGIC, idBytes, headerFrame, ...frames]), anchor: hashText(headerFrame) };
};

const isHeader = (value: unknown, version: SnapshotVersion): value is SnapshotHeader => {
  const h = value as SnapshotHeader | null;
  return (
    typeof h === 'object' &&
    h !== null &&
    h.v === version &&
    Number.isSafeInteger(h.throughSeq) &&
    Number.isSafeInteger(h.entryCount) &&
    Array.isArray(h.chunks)
  );
};

/** Authenticated, but possibly from a newer format: check the shape we rely on before trusting it. */
const parseChunk = (text: string): StoredEntry[] | undefined => {
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(rows)) return undefined;
  const out: StoredEntry[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] as [unknown, Entry] | undefined;
    if (!Array.isArray(row) || typeof row[0] !== 'number' || typeof row[1]?.id !== 'string' || typeof row[1].at !== 'number')
      return undefined;
    out[i] = { seq: row[0], entry: row[1] };
  }
  return out;
};

/**
 * Version 1, GCM straight to text: for ~27 MB of entries at 100k this skips a
 * Buffer copy and a decode pass per chunk. Nothing is used unless final()
 * confirms the tag. (A string cannot be zeroed either way; the parsed entries
 * are the real plaintext in memory, dropped on lock.)
 */
const openToText = (key: KeyObject, iv: Buffer, ciphertext: Buffer, tag: Buffer, aad: Buffer): string | undefined => {
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  const head = decipher.update(ciphertext, undefined, 'utf8');
  try {
    return head + decipher.final('utf8');
  } catch {
    return undefined;
  }
};

/**
 * Version 2: decrypt to bytes (the padding is not UTF-8), check and drop the
 * padding, decode the rest once, zero the bytes. Malformed padding in an
 * authentic frame reads as a damaged frame.
 */
const openPaddedText = (key: KeyObject, iv: Buffer, ciphertext: Buffer, tag: Buffer, aad: Buffer): string | undefined => {
  const plaintext = open(key, { iv, ciphertext, tag }, aad);
  if (!plaintext) return undefined;
  const text = unpad(plaintext)?.toString('utf8');
  plaintext.fill(0);
  return text;
};

const versionOf = (bytes: Buffer): SnapshotVersion | undefined => {
  if (bytes.length < PREAMBLE) return undefined;
  const magic = bytes.subarray(0, SNAPSHOT_MAGIC.length);
  return magic.equals(MAGICS[2]) ? 2 : magic.equals(MAGICS[1]) ? 1 : undefined;
};

export const decodeSnapshot = (bytes: Buffer, key: KeyObject, keyId: string): DecodedSnapshot => {
  const version = versionOf(bytes);
  const result: DecodedSnapshot = {
    version,
    snapshotId: undefined,
    header: undefined,
    anchor: undefined,
    entries: [],
    chunkIndices: new Set(),
    damaged: [],
    unverifiedAnchor: undefined,
    highestSeq: 0,
  };
  if (version === undefined) {
    result.damaged.push({ index: undefined, firstSeq: undefined, lastSeq: undefined, raw: bytes });
    return result;
  }
  const snapshotId = bytes.subarray(SNAPSHOT_MAGIC.length, PREAMBLE).toString('hex');
  result.snapshotId = snapshotId;
  let unverifiedHighest = 0;
  let offset = PREAMBLE;
  while (offset < bytes.length) {
    const length = offset + 4 <= bytes.length ? bytes.readUInt32BE(offset) : -1;
    const end = offset + 4 + length;
    if (length < MIN_FRAME || end > bytes.length) {
      // Framing is lost from here on: keep the rest as one damaged piece; the header's chunk list names the seqs.
      result.damaged.push({ index: undefined, firstSeq: undefined, lastSeq: undefined, raw: bytes.subarray(offset) });
      break;
    }
    const frame = bytes.subarray(offset, end);
    const head = frame.subarray(4, 4 + FRAME_HEAD);
    const type = head.readUInt8(0);
    const index = head.readUInt32BE(1);
    const firstSeq = Number(head.readBigUInt64BE(5));
    const lastSeq = Number(head.readBigUInt64BE(13));
    const ivStart = 4 + FRAME_HEAD;
    const text = (version === 1 ? openToText : openPaddedText)(
      key,
      frame.subarray(ivStart, ivStart + IV_BYTES),
      frame.subarray(ivStart + IV_BYTES, frame.length - TAG_BYTES),
      frame.subarray(frame.length - TAG_BYTES),
      frameAad(version, keyId, snapshotId, head),
    );
    let ok = false;
    if (text !== undefined && type === FRAME_HEADER && index === 0 && result.header === undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      if (isHeader(parsed, version)) {
        result.header = parsed;
        result.anchor = hashText(frame);
        ok = true;
      }
    } else if (text !== undefined && type === FRAME_CHUNK) {
      const rows = result.chunkIndices.has(index) ? [] : parseChunk(text);
      if (rows) {
        // A duplicated frame is authentic and adds nothing; only the first copy counts.
        for (const row of rows) result.entries.push(row);
        result.chunkIndices.add(index);
        ok = true;
      }
    }
    if (ok) result.highestSeq = Math.max(result.highestSeq, lastSeq);
    else {
      result.damaged.push({ index, firstSeq, lastSeq, raw: frame });
      if (offset === PREAMBLE && type === FRAME_HEADER && index === 0) result.unverifiedAnchor = hashText(frame);
      if (lastSeq <= PLAUSIBLE_SEQ_MAX) unverifiedHighest = Math.max(unverifiedHighest, lastSeq);
    }
    offset = end;
  }
  for (const { seq } of result.entries) if (seq > result.highestSeq) result.highestSeq = seq;
  // With an authentic header its throughSeq bounds every seq; without one, damaged heads are all there is to go by.
  if (!result.header) result.highestSeq = Math.max(result.highestSeq, unverifiedHighest);
  return result;
};
