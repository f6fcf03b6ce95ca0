import type { KeyObject } from 'node:crypto';

import { IV_BYTES, open, seal, TAG_BYTES } from './aead';

/**
 * The high-water mark: what the newest history Attune saw looked like, kept
 * beside the vault folder (never inside it), so a copy of the folder cannot
 * carry an older mark with it. Sealed with the data key: nobody without the
 * key can write a mark that hides entries (its deleted ids) or raises a
 * false alarm, and it tells a reader nothing a vault line does not.
 *
 *   [0, 256)   head: "ATMARK01" · u16 length · iv(12) · ciphertext · tag(16) · zero padding
 *              plaintext {"seq","hash","throughSeq","anchor"}: rewritten after every append and roll
 *   [256, …)   deleted: u32 length · iv(12) · ciphertext · tag(16)
 *              plaintext {"deleted":[ids]} padded with spaces to 4 KiB blocks: rewritten after every delete
 *
 * The head has a fixed size so an append rewrites it in one small
 * positional write, with no rename and no fsync (see history-mark-file.ts).
 */
export interface HistoryMark {
  /** The highest seq the history had. */
  seq: number;
  /** The chain link the next record would carry: the hash of that seq's line, or the snapshot's anchor after a roll. */
  hash: string;
  /** The snapshot's throughSeq. */
  throughSeq: number;
  /** The snapshot's anchor (SHA-256 of its header frame), which names that one snapshot. */
  anchor: string;
}

export interface MarkContents {
  head: HistoryMark | undefined;
  /** Ids the person deleted, newest last; undefined when that part is absent or unreadable. */
  deleted: string[] | undefined;
}

export const MARK_MAGIC = Buffer.from('ATMARK01', 'ascii');
export const HEAD_BYTES = 256;
/** Enough for years of deletes (each id is 22 characters); beyond it the oldest ids go. */
export const DELETED_MAX = 10_000;

const aad = (part: 'head' | 'deleted', keyId: string): Buffer => Buffer.from(`attune-vault.v1.mark.${part}.${keyId}`, 'utf8');

const isMark = (value: unknown): value is HistoryMark => {
  const mark = value as HistoryMark | null;
  return (
    typeof mark === 'object' &&
    mark !== null &&
    Number.isSafeInteger(mark.seq) &&
    mark.seq >= 0 &&
    Number.isSafeInteger(mark.throughSeq) &&
    mark.throughSeq >= 0 &&
    typeof mark.hash === 'string' &&
    typeof mark.anchor === 'string'
  );
};

export const encodeHead = (key: KeyObject, keyId: string, mark: HistoryMark): Buffer => {
  const plain = Buffer.from(JSON.stringify({ seq: mark.seq, hash: mark.hash, throughSeq: mark.throughSeq, anchor: mark.anchor }), 'utf8');
  const { iv, ciphertext, tag } = seal(key, plain, aad('head', keyId));
  const out = Buffer.alloc(HEAD_BYTES);
  MARK_MAGIC.copy(out, 0);
  out.writeUInt16BE(ciphertext.length, 8);
  iv.copy(out, 10);
  ciphertext.copy(out, 10 + IV_BYTES);
  tag.copy(out, 10 + IV_BYTES + ciphertext.length);
  return out;
};

/** The deleted ids are padded with spaces to a multiple of this, so the file's size tells how many only to within ~170. */
export const DELETED_BLOCK = 4096;

export const encodeDeleted = (key: KeyObject, keyId: string, deleted: readonly string[]): Buffer => {
  const json = JSON.stringify({ deleted });
  const padded = json.padEnd(Math.ceil((json.length + 1) / DELETED_BLOCK) * DELETED_BLOCK, ' ');
  const { iv, ciphertext, tag } = seal(key, Buffer.from(padded, 'utf8'), aad('deleted', keyId));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(ciphertext.length);
  return Buffer.concat([length, iv, ciphertext, tag]);
};

const openJson = (key: KeyObject, keyId: string, part: 'head' | 'deleted', iv: Buffer, ciphertext: Buffer, tag: Buffer): unknown => {
  const plain = open(key, { iv, ciphertext, tag }, aad(part, keyId));
  if (!plain) return undefined;
  try {
    return JSON.parse(plain.toString('utf8'));
  } catch {
    return undefined;
  }
};

/** Whatever does not authenticate under this key (another vault's mark, a torn or altered write) reads as absent. */
export const decodeMark = (bytes: Buffer, key: KeyObject, keyId: string): MarkContents => {
  const result: MarkContents = { head: undefined, deleted: undefined };
  if (bytes.length < HEAD_BYTES || !bytes.subarray(0, MARK_MAGIC.length).equals(MARK_MAGIC)) return result;
  const headLength = bytes.readUInt16BE(8);
  if (10 + IV_BYTES + headLength + TAG_BYTES <= HEAD_BYTES) {
    const start = 10 + IV_BYTES;
    const head = openJson(
      key,
      keyId,
      'head',
      bytes.subarray(10, start),
      bytes.subarray(start, start + headLength),
      bytes.subarray(start + headLength, start + headLength + TAG_BYTES),
    );
    if (isMark(head)) result.head = head;
  }
  if (bytes.length >= HEAD_BYTES + 4) {
    const length = bytes.readUInt32BE(HEAD_BYTES);
    const start = HEAD_BYTES + 4 + IV_BYTES;
    if (start + length + TAG_BYTES <= bytes.length) {
      const body = openJson(
        key,
        keyId,
        'deleted',
        bytes.subarray(HEAD_BYTES + 4, start),
        bytes.subarray(start, start + length),
        bytes.subarray(start + length, start + length + TAG_BYTES),
      ) as { deleted?: unknown } | undefined;
      if (Array.isArray(body?.deleted) && body.deleted.every((id) => typeof id === 'string')) result.deleted = body.deleted as string[];
    }
  }
  return result;
};
