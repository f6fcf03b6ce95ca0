import type { Entry } from '../../../shared/entry-schema';
import type { Stamp } from '../hybrid-clock';
import type { DelRecord, PutRecord } from '../sync-record';

/** Small record makers for the merge specs. Ids are short but match the follow-up schema's 8–64 characters. */

export const DEVICE_A = 'a'.repeat(32);
export const DEVICE_B = 'b'.repeat(32);
export const DEVICE_C = 'c'.repeat(32);

export const entryId = (n: number): string => `entry-${String(n).padStart(3, '0')}`;

export const checkIn = (id: string, note = ''): Entry => ({
  id,
  at: 1_795_424_400_000,
  offsetMinutes: 60,
  kind: 'check-in',
  data: { states: ['settled'], needs: [], ...(note ? { note } : {}) },
});

export const followUp = (id: string, checkInId: string): Entry => ({
  id,
  at: 1_795_424_500_000,
  offsetMinutes: 60,
  kind: 'follow-up',
  data: { checkInId, outcome: 'helped' },
});

export const put = (entry: Entry, hlc: Stamp, by = DEVICE_A, op: 'put' | 'edit' = 'put'): PutRecord => ({
  op,
  id: entry.id,
  hlc,
  by,
  entry,
});

export const del = (id: string, hlc: Stamp, by = DEVICE_A): DelRecord => ({ op: 'del', id, hlc, by });
