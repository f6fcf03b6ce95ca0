import { z } from 'zod';

import { entrySchema } from '../../shared/entry-schema';
import { isStamp, type Stamp } from './hybrid-clock';
import type { SyncRecord } from './sync-record';

/**
 * A segment record (docs/sync-format.md §5.2): UTF-8 JSON, one object,
 * unknown fields rejected; a frame's plaintext is an array of them (§5.1). Authenticated bytes are
 * ours but may come from a newer Attune, so they are validated here and a
 * record that does not fit is reported as unreadable, never half-understood.
 */
export const SYNC_RECORD_VERSION = 1;
const ENTRY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const DEVICE_ID = /^[0-9a-f]{32}$/;

const common = {
  v: z.literal(SYNC_RECORD_VERSION),
  id: z.string().regex(ENTRY_ID),
  hlc: z.custom<Stamp>(isStamp),
  by: z.string().regex(DEVICE_ID),
};
const recordSchema = z.discriminatedUnion('op', [
  z.strictObject({ ...common, op: z.literal('put'), entry: entrySchema }),
  z.strictObject({ ...common, op: z.literal('edit'), entry: entrySchema }),
  z.strictObject({ ...common, op: z.literal('del') }),
]);

export const encodeSyncRecord = (record: SyncRecord): Buffer => {
  const { op, id, hlc, by } = record;
  const json =
    record.op === 'del' ? { v: SYNC_RECORD_VERSION, op, id, hlc, by } : { v: SYNC_RECORD_VERSION, op, id, hlc, by, entry: record.entry };
  return Buffer.from(JSON.stringify(json), 'utf8');
};

/** Undefined when the value is not a record of §5.2, or when `entry.id` differs from `id`. */
const toRecord = (json: unknown): SyncRecord | undefined => {
  const parsed = recordSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { op, id, hlc, by } = parsed.data;
  if (parsed.data.op === 'del') return { op: 'del', id, hlc: [hlc[0], hlc[1]], by };
  const { entry } = parsed.data;
  return entry.id === id ? { op: op as 'put' | 'edit', id, hlc: [hlc[0], hlc[1]], by, entry } : undefined;
};

/** A frame's plaintext (§5.1): a JSON array of one or more records. Undefined when it is not, or when any record is not one. */
export const decodeSyncRecords = (plaintext: Buffer): SyncRecord[] | undefined => {
  let json: unknown;
  try {
    json = JSON.parse(plaintext.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(json) || json.length === 0) return undefined;
  const records: SyncRecord[] = new Array(json.length);
  for (let i = 0; i < json.length; i += 1) {
    const record = toRecord(json[i]);
    if (!record) return undefined;
    records[i] = record;
  }
  return records;
};
