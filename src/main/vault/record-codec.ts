import { createHash, type KeyObject } from 'node:crypto';

import { IV_BYTES, open, seal, TAG_BYTES } from './aead';
import { fromB64u, toB64u } from './encoding';
import { pad, unpad } from './padding';

/**
 * One journal record = one ASCII line:
 *
 *   A2.<seq>.<prev>.<iv>.<body>
 *
 * seq: decimal sequence number; prev: SHA-256 of the previous line (or of the
 * snapshot header frame for the first record), base64url; iv: 12 random
 * bytes, base64url; body: AES-256-GCM ciphertext followed by its 16-byte tag,
 * base64url. The associated data binds the format version, the vault's key
 * id, seq and prev, so a record cannot be moved, renumbered, re-linked or
 * carried into another vault without its tag failing. docs/vault-format.md
 * is the normative description.
 *
 * Version 2 pads the payload to a bucket before sealing (padding.ts), so a
 * line's length tells only the bucket. Version 1 lines (`A1`, unpadded) are
 * still read: a vault written before the upgrade, or a journal that gained
 * new lines while its version-1 snapshot was held as damaged (mixed versions
 * are fine: each line names its own, and the chain hashes lines as bytes).
 */
export type RecordVersion = 1 | 2;
export const RECORD_VERSION: RecordVersion = 2;
const MARKS: Record<string, RecordVersion> = { A1: 1, A2: 2 };
export const HASH_BYTES = 32;
const SEQ_TEXT = /^[1-9][0-9]{0,15}$/;

export interface ParsedLine {
  version: RecordVersion;
  seq: number;
  prev: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/** The version is bound too: an `A2` line relabelled `A1` (or back) fails its tag. */
export const recordAad = (version: RecordVersion, keyId: string, seq: number, prev: string): Buffer =>
  Buffer.from(`attune-vault.v${version}.record.${keyId}.${seq}.${prev}`, 'utf8');

/** The chain link: SHA-256 over the line's bytes without its newline. */
export const hashText = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('base64url');

/** Always the current version: padded, marked `A2`. */
export const encodeRecord = (key: KeyObject, keyId: string, seq: number, prev: string, payload: Buffer): string => {
  const padded = pad(payload);
  const { iv, ciphertext, tag } = seal(key, padded, recordAad(RECORD_VERSION, keyId, seq, prev));
  padded.fill(0);
  return `A${RECORD_VERSION}.${seq}.${prev}.${toB64u(iv)}.${toB64u(Buffer.concat([ciphertext, tag]))}`;
};

/**
 * Structural parse only; undefined means "not a record" (damaged beyond
 * reading its fields). A parseable line can still fail authentication.
 */
export const parseLine = (text: string): ParsedLine | undefined => {
  const parts = text.split('.');
  if (parts.length !== 5) return undefined;
  const [mark, seqText, prev, ivText, bodyText] = parts as [string, string, string, string, string];
  const version = MARKS[mark];
  if (version === undefined || !SEQ_TEXT.test(seqText)) return undefined;
  const seq = Number(seqText);
  if (!Number.isSafeInteger(seq)) return undefined;
  if (!fromB64u(prev, HASH_BYTES)) return undefined;
  const iv = fromB64u(ivText, IV_BYTES);
  const body = fromB64u(bodyText);
  if (!iv || !body || body.length < TAG_BYTES) return undefined;
  return { version, seq, prev, iv, ciphertext: body.subarray(0, body.length - TAG_BYTES), tag: body.subarray(body.length - TAG_BYTES) };
};

/** Best effort: the seq a damaged line claims, for reporting which record was hit. */
export const claimedSeq = (text: string): number | undefined => {
  const seqText = text.split('.', 3)[1];
  if (seqText === undefined || !SEQ_TEXT.test(seqText)) return undefined;
  const seq = Number(seqText);
  return Number.isSafeInteger(seq) ? seq : undefined;
};

export interface OpenedRecord {
  /** The payload: for version 2 a view into `plaintext`, without its padding. */
  payload: Buffer;
  /** Everything that was decrypted, for the caller to zero. */
  plaintext: Buffer;
}

/**
 * Undefined when the tag fails, or when an authentic version-2 plaintext has
 * malformed padding (then it is zeroed here and reported like any damage).
 */
export const openRecord = (key: KeyObject, keyId: string, line: ParsedLine): OpenedRecord | undefined => {
  const plaintext = open(
    key,
    { iv: line.iv, ciphertext: line.ciphertext, tag: line.tag },
    recordAad(line.version, keyId, line.seq, line.prev),
  );
  if (!plaintext || line.version === 1) return plaintext && { payload: plaintext, plaintext };
  const payload = unpad(plaintext);
  if (payload) return { payload, plaintext };
  plaintext.fill(0);
  return undefined;
};
