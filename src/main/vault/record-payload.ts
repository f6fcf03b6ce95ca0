import { z } from 'zod';

import { type Entry, entrySchema } from '../../shared/entry-schema';

/**
 * What a journal record decrypts to: versioned JSON, one operation.
 * `put` stores an entry (UTC epoch ms + the local offset then, never a Date
 * string); `del` is a tombstone that hides an entry until compaction removes
 * its bytes for good.
 */
export const PAYLOAD_VERSION = 1;

export type RecordOp = { op: 'put'; entry: Entry } | { op: 'del'; id: string };

const payloadSchema = z.discriminatedUnion('op', [
  z.strictObject({ v: z.literal(PAYLOAD_VERSION), op: z.literal('put'), entry: entrySchema }),
  z.strictObject({ v: z.literal(PAYLOAD_VERSION), op: z.literal('del'), id: z.string().min(1).max(64) }),
]);

export const encodePayload = (record: RecordOp): Buffer =>
  Buffer.from(
    JSON.stringify(
      record.op === 'put' ? { v: PAYLOAD_VERSION, op: 'put', entry: record.entry } : { v: PAYLOAD_VERSION, op: 'del', id: record.id },
    ),
    'utf8',
  );

/**
 * Authenticated bytes are ours, but they may come from a newer app version:
 * validating here turns "written by a future format" into a reported problem
 * instead of a crash or a half-understood entry.
 */
export const decodePayload = (plaintext: Buffer): RecordOp | undefined => {
  let json: unknown;
  try {
    json = JSON.parse(plaintext.toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return undefined;
  return parsed.data.op === 'put' ? { op: 'put', entry: parsed.data.entry } : { op: 'del', id: parsed.data.id };
};
