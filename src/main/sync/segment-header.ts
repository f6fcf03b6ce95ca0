/**
 * The 101-byte header of a segment (docs/sync-format.md §5.1). It is bound
 * whole into every record's associated data, so a record cannot be moved to
 * another vault, device, key, seq, type, count or predecessor.
 *
 *   magic "ATSEG002" (8) · type (1) · vaultId (16) · deviceId (16) · keyId (16)
 *   · seq u64be (8) · prevSegment (32) · count u32be (4)
 */
export const SEGMENT_MAGIC = Buffer.from('ATSEG002', 'ascii');
export const HEADER_BYTES = 101;
export const HASH_BYTES = 32;
/** `prevSegment` and frame 0's `prev` of seq 1. */
export const NO_HASH: Buffer = Buffer.alloc(HASH_BYTES);

export type SegmentType = 'delta' | 'checkpoint' | 'final';
const TYPE_CODES: Record<SegmentType, number> = { delta: 1, checkpoint: 2, final: 3 };
const TYPES_BY_CODE = new Map(Object.entries(TYPE_CODES).map(([type, code]) => [code, type as SegmentType]));

const ID_HEX = /^[0-9a-f]{32}$/;
const at = { type: 8, vaultId: 9, deviceId: 25, keyId: 41, seq: 57, prevSegment: 65, count: 97 } as const;

export interface SegmentHeader {
  type: SegmentType;
  /** 32 lowercase hex each, as in the folder's names. */
  vaultId: string;
  deviceId: string;
  keyId: string;
  seq: number;
  /** SHA-256 of this device's segment seq − 1 (the hash in its name); NO_HASH for seq 1. */
  prevSegment: Buffer;
  /** Number of record frames, ≥ 1. */
  count: number;
}

const writeId = (header: Buffer, offset: number, hex: string): void => {
  if (!ID_HEX.test(hex)) throw new RangeError('ids are 32 lowercase hex characters');
  header.write(hex, offset, 'hex');
};

export const writeHeader = (fields: SegmentHeader): Buffer => {
  if (fields.prevSegment.length !== HASH_BYTES) throw new RangeError('prevSegment is a SHA-256');
  if (!Number.isSafeInteger(fields.seq) || fields.seq < 1) throw new RangeError('seq starts at 1');
  if (!Number.isInteger(fields.count) || fields.count < 1 || fields.count > 0xffff_ffff) throw new RangeError('a segment holds ≥ 1 record');
  const header = Buffer.alloc(HEADER_BYTES);
  SEGMENT_MAGIC.copy(header, 0);
  header[at.type] = TYPE_CODES[fields.type];
  writeId(header, at.vaultId, fields.vaultId);
  writeId(header, at.deviceId, fields.deviceId);
  writeId(header, at.keyId, fields.keyId);
  header.writeBigUInt64BE(BigInt(fields.seq), at.seq);
  fields.prevSegment.copy(header, at.prevSegment);
  header.writeUInt32BE(fields.count, at.count);
  return header;
};

export type HeaderProblem = 'short-header' | 'bad-magic' | 'bad-type';

/** Structure only: whether the ids and seq are the expected ones is the caller's judgement. */
export const readHeader = (bytes: Buffer): SegmentHeader | HeaderProblem => {
  if (bytes.length < HEADER_BYTES) return 'short-header';
  if (!bytes.subarray(0, SEGMENT_MAGIC.length).equals(SEGMENT_MAGIC)) return 'bad-magic';
  const type = TYPES_BY_CODE.get(bytes[at.type] as number);
  if (type === undefined) return 'bad-type';
  const hex = (offset: number): string => bytes.toString('hex', offset, offset + 16);
  return {
    type,
    vaultId: hex(at.vaultId),
    deviceId: hex(at.deviceId),
    keyId: hex(at.keyId),
    // Above 2^53 this rounds, but stays above every seq a name can hold (§3.1), so it never matches one.
    seq: Number(bytes.readBigUInt64BE(at.seq)),
    prevSegment: Buffer.from(bytes.subarray(at.prevSegment, at.prevSegment + HASH_BYTES)),
    count: bytes.readUInt32BE(at.count),
  };
};
