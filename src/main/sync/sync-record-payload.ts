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

const PUT_KEYS = ['by', 'entry', 'hlc', 'id', 'op', 'v'];
const DEL_KEYS = ['by', 'hlc', 'id', 'op', 'v'];

/** Exactly `keys` (sorted), no more: unknown fields are rejected. */
const hasExactly = (value: object, keys: readonly string[]): boolean => {
  const own = Object.keys(value);
  if (own.length !== keys.length) return false;
  own.sort();
  return own.every((key, i) => key === keys[i]);
};
export const encodeSyncRecord = (record: SyncRecord): Buffer => {
  const { op, id, hlc, by } = record;
  const json =
    record.op === 'del' ? { v: SYNC_RECORD_VERSION, op, id, hlc, by } : { v: SYNC_RECORD_VERSION, op, id, hlc, by, entry: record.entry };
  return Buffer.from(JSON.stringify(json), 'utf8');
};

/**
 * Undefined when the value is not a record of §5.2, or when `entry.id` differs
 * from `id`. The record's own fields are checked here by hand: through zod
 * (a union of strict objects around the entry) they cost ~10 µs a record, ten
 * times the entry's own check, most of a 10k merge.
 */
const toRecord = (json: unknown): SyncRecord | undefined => {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const { v, op, id, hlc, by, entry } = json as Record<string, unknown>;
  if (v !== SYNC_RECORD_VERSION || typeof id !== 'string' || !ENTRY_ID.test(id) || !isStamp(hlc)) return undefined;
  if (typeof by !== 'string' || !DEVICE_ID.test(by)) return undefined;
  // A fresh array from JSON.parse, checked to be exactly [l, c]: kept rather than copied.
  const stamp: Stamp = hlc;
  if (op === 'del') return hasExactly(json, DEL_KEYS) ? { op, id, hlc: stamp, by } : undefined;
  if ((op !== 'put' && op !== 'edit') || !hasExactly(json, PUT_KEYS)) return undefined;
  const parsed = entrySchema.safeParse(entry);
  return parsed.success && parsed.data.id === id ? { op, id, hlc: stamp, by, entry: parsed.data } : undefined;
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
