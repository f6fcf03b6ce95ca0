import type { Entry } from '../../shared/entry-schema';
import type { Stamp } from './hybrid-clock';

/**
 * One decrypted, validated record of a segment (docs/sync-format.md §5.2),
 * without the format's `v`. The segment codec checks the JSON, that
 * `entry.id` equals `id` and, in a delta, that `by` is the segment's device;
 * the merge trusts those checks.
 */
export interface PutRecord {
  /** `put` creates, `edit` replaces the whole entry; both are ordered by `(hlc, by)` alike. */
  readonly op: 'put' | 'edit';
  readonly id: string;
  readonly hlc: Stamp;
  /** The device that wrote the record (32 hex). */
  readonly by: string;
  readonly entry: Entry;
}

/** A tombstone: deletes `id` for good, and every follow-up answering it (§6.1). */
export interface DelRecord {
  readonly op: 'del';
  readonly id: string;
  readonly hlc: Stamp;
  readonly by: string;
}

export type SyncRecord = PutRecord | DelRecord;
