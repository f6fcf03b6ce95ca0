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
 *   then       retired parts, newest first, each like the deleted part but sealed with a data key a re-key
 *              replaced: plaintext {"head":{…},"deleted":[ids]}, that history's last head and deleted ids
 *
 * A retired part is what lets a history from before a re-key (an older
 * folder opened with the old passphrase) be judged at all: nothing sealed
 * with the new key opens under the old one. Parts for other keys are
 * carried along unread.
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

/** What a re-key left behind for the key it replaced. */
export interface RetiredMark {
  head: HistoryMark;
  deleted: string[];
}

export interface MarkContents {
  head: HistoryMark | undefined;
  /** Ids the person deleted, newest last; undefined when that part is absent or unreadable. */
  deleted: string[] | undefined;
  /** This key was replaced by a re-key: the head and deleted ids it had then. */
  retired: RetiredMark | undefined;
  /** Every retired part as sealed bytes, newest first, to carry into the next mark. */
  retiredParts: Buffer[];
}

export const MARK_MAGIC = Buffer.from('ATMARK01', 'ascii');
export const HEAD_BYTES = 256;
/** Enough for years of deletes (each id is 22 characters); beyond it the oldest ids go. */
export const DELETED_MAX = 10_000;
/** Re-keys remembered; a history from before more re-keys than this is judged by nothing. */
export const RETIRED_MAX = 8;

type Part = 'head' | 'deleted' | 'retired';
const aad = (part: Part, keyId: string): Buffer => Buffer.from(`attune-vault.v1.mark.${part}.${keyId}`, 'utf8');

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

/** A length-prefixed part, its JSON padded with spaces to DELETED_BLOCK. */
const encodePart = (key: KeyObject, keyId: string, part: 'deleted' | 'retired', body: unknown): Buffer => {
  const json = JSON.stringify(body);
  const padded = json.padEnd(Math.ceil((json.length + 1) / DELETED_BLOCK) * DELETED_BLOCK, ' ');
  const { iv, ciphertext, tag } = seal(key, Buffer.from(padded, 'utf8'), aad(part, keyId));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(ciphertext.length);
  return Buffer.concat([length, iv, ciphertext, tag]);
};

export const encodeDeleted = (key: KeyObject, keyId: string, deleted: readonly string[]): Buffer =>
  encodePart(key, keyId, 'deleted', { deleted });

/** What a re-key leaves for the key it replaces: sealed with that key, so only a history under it can read it. */
export const encodeRetired = (key: KeyObject, keyId: string, retired: RetiredMark): Buffer =>
  encodePart(key, keyId, 'retired', { head: retired.head, deleted: retired.deleted });

const isIdList = (value: unknown): value is string[] => Array.isArray(value) && value.every((id) => typeof id === 'string');

const openJson = (key: KeyObject, keyId: string, part: Part, iv: Buffer, ciphertext: Buffer, tag: Buffer): unknown => {
  const plain = open(key, { iv, ciphertext, tag }, aad(part, keyId));
  if (!plain) return undefined;
  try {
    return JSON.parse(plain.toString('utf8'));
  } catch {
    return undefined;
  }
};

/** The length-prefixed part at `offset`, or undefined when the bytes cannot hold one. */
const partAt = (bytes: Buffer, offset: number): { iv: Buffer; ciphertext: Buffer; tag: Buffer; end: number } | undefined => {
  if (bytes.length < offset + 4) return undefined;
  const length = bytes.readUInt32BE(offset);
  const start = offset + 4 + IV_BYTES;
  const end = start + length + TAG_BYTES;
  if (end > bytes.length) return undefined;
  return {
    iv: bytes.subarray(offset + 4, start),
    ciphertext: bytes.subarray(start, start + length),
    tag: bytes.subarray(start + length, end),
    end,
  };
};

/** Whatever does not authenticate under this key (another vault's mark, a torn or altered write) reads as absent. */
export const decodeMark = (bytes: Buffer, key: KeyObject, keyId: string): MarkContents => {
  const result: MarkContents = { head: undefined, deleted: undefined, retired: undefined, retiredParts: [] };
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
  const deleted = partAt(bytes, HEAD_BYTES);
  if (!deleted) return result;
  const body = openJson(key, keyId, 'deleted', deleted.iv, deleted.ciphertext, deleted.tag) as { deleted?: unknown } | undefined;
  if (isIdList(body?.deleted)) result.deleted = body.deleted;
  let offset = deleted.end;
  for (let count = 0; count < RETIRED_MAX; count += 1) {
    const part = partAt(bytes, offset);
    if (!part) break;
    result.retiredParts.push(bytes.subarray(offset, part.end));
    offset = part.end;
    if (result.retired) continue;
    const retired = openJson(key, keyId, 'retired', part.iv, part.ciphertext, part.tag) as Partial<RetiredMark> | undefined;
    if (isMark(retired?.head) && isIdList(retired.deleted)) result.retired = { head: retired.head, deleted: retired.deleted };
  }
  return result;
};
