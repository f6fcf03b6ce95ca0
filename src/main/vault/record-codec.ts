import { createHash, type KeyObject } from 'node:crypto';

import { IV_BYTES, open, seal, TAG_BYTES } from './aead';
import { fromB64u, toB64u } from './encoding';

/**
 * One journal record = one ASCII line:
 *
 *   A1.<seq>.<prev>.<iv>.<body>
 *
 * seq: decimal sequence number; prev: SHA-256 of the previous line (or of the
 * snapshot header frame for the first record), base64url; iv: 12 random
 * bytes, base64url; body: AES-256-GCM ciphertext followed by its 16-byte tag,
 * base64url. The associated data binds the format version, the vault's key
 * id, seq and prev, so a record cannot be moved, renumbered, re-linked or
 * carried into another vault without its tag failing. docs/vault-format.md
 * is the normative description.
 */
export const LINE_MARK = 'A1';
export const HASH_BYTES = 32;
const SEQ_TEXT = /^[1-9][0-9]{0,15}$/;

export interface ParsedLine {
  seq: number;
  prev: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

export const recordAad = (keyId: string, seq: number, prev: string): Buffer =>
  Buffer.from(`attune-vault.v1.record.${keyId}.${seq}.${prev}`, 'utf8');

/** The chain link: SHA-256 over the line's bytes without its newline. */
export const hashText = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('base64url');

export const encodeRecord = (key: KeyObject, keyId: string, seq: number, prev: string, payload: Buffer): string => {
  const { iv, ciphertext, tag } = seal(key, payload, recordAad(keyId, seq, prev));
  return `${LINE_MARK}.${seq}.${prev}.${toB64u(iv)}.${toB64u(Buffer.concat([ciphertext, tag]))}`;
};

/**
 * Structural parse only; undefined means "not a record" (damaged beyond
 * reading its fields). A parseable line can still fail authentication.
 */
export const parseLine = (text: string): ParsedLine | undefined => {
  const parts = text.split('.');
  if (parts.length !== 5) return undefined;
  const [mark, seqText, prev, ivText, bodyText] = parts as [string, string, string, string, string];
  if (mark !== LINE_MARK || !SEQ_TEXT.test(seqText)) return undefined;
  const seq = Number(seqText);
  if (!Number.isSafeInteger(seq)) return undefined;
  if (!fromB64u(prev, HASH_BYTES)) return undefined;
  const iv = fromB64u(ivText, IV_BYTES);
  const body = fromB64u(bodyText);
  if (!iv || !body || body.length < TAG_BYTES) return undefined;
  return { seq, prev, iv, ciphertext: body.subarray(0, body.length - TAG_BYTES), tag: body.subarray(body.length - TAG_BYTES) };
};

/** Best effort: the seq a damaged line claims, for reporting which record was hit. */
export const claimedSeq = (text: string): number | undefined => {
  const seqText = text.split('.', 3)[1];
  if (seqText === undefined || !SEQ_TEXT.test(seqText)) return undefined;
  const seq = Number(seqText);
  return Number.isSafeInteger(seq) ? seq : undefined;
};

export const openRecord = (key: KeyObject, keyId: string, line: ParsedLine): Buffer | undefined =>
  open(key, { iv: line.iv, ciphertext: line.ciphertext, tag: line.tag }, recordAad(keyId, line.seq, line.prev));
