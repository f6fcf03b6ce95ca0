import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { importKey } from '../../vault/aead';
import { nodeScanFs, type ScanFs } from '../scan-fs';
import { type EncodedSegment, encodeSegment } from '../segment-codec';
import { NO_HASH, type SegmentType } from '../segment-header';
import type { SyncRecord } from '../sync-record';
import { checkIn, entryId, put } from './sync-records';

/**
 * Sync folders for the folder-scan specs and bench: segments made by the real
 * codec, written where a peer's would be, and a file-system port that counts
 * (and can fail) what a pass does.
 */
export const VAULT_ID = '1'.repeat(32);
export const KEY_ID = '2'.repeat(32);
export const OTHER_KEY_ID = '3'.repeat(32);
export const OWN_DEVICE = 'e'.repeat(32);
export const key = importKey(randomBytes(32));
export const otherKey = importKey(randomBytes(32));
export const keyFor = (keyId: string) => (keyId === KEY_ID ? key : undefined);

export interface SegmentOptions {
  type?: SegmentType;
  records?: SyncRecord[];
  /** Makes a second, different segment for the same place in the chain (a fork). */
  variant?: string;
  keyId?: string;
  vaultId?: string;
}

/** Segment `seq` of `deviceId`, chained onto `before` (undefined: chained onto nothing, as seq 1 is). */
export const segmentAfter = (
  deviceId: string,
  before: EncodedSegment | undefined,
  seq: number,
  options: SegmentOptions = {},
): EncodedSegment => {
  const keyId = options.keyId ?? KEY_ID;
  const id = `${entryId(seq)}-${options.variant ?? 'main'}`;
  return encodeSegment(keyId === KEY_ID ? key : otherKey, {
    type: options.type ?? 'delta',
    vaultId: options.vaultId ?? VAULT_ID,
    deviceId,
    keyId,
    seq,
    prevSegment: before ? Buffer.from(before.hash, 'hex') : NO_HASH,
    prevFrame: before?.lastFrame ?? NO_HASH,
    records: options.records ?? [put(checkIn(id), [1_795_424_400_000 + seq, 0], deviceId)],
  });
};

/** Seqs 1 … count, each chained onto the one before; `types` gives a seq another type than delta. */
export const chainOf = (deviceId: string, count: number, types: Record<number, SegmentType> = {}): EncodedSegment[] => {
  const chain: EncodedSegment[] = [];
  for (let seq = 1; seq <= count; seq += 1) {
    const type = types[seq];
    chain.push(segmentAfter(deviceId, chain[seq - 2], seq, type ? { type } : {}));
  }
  return chain;
};

export const deviceDir = (syncRoot: string, deviceId: string): string => join(syncRoot, 'devices', deviceId);

/** Writes segments under their exact names in `deviceId`'s folder (made if needed); returns their paths. */
export const writeSegments = (syncRoot: string, deviceId: string, segments: readonly EncodedSegment[]): string[] => {
  const dir = deviceDir(syncRoot, deviceId);
  mkdirSync(dir, { recursive: true });
  return segments.map((segment) => {
    const path = join(dir, segment.name);
    writeFileSync(path, segment.bytes);
    return path;
  });
};

export interface CountingFs extends ScanFs {
  readonly calls: { list: string[]; stat: string[]; read: string[] };
  reset(): void;
}

/**
 * node:fs underneath, every call recorded by path. `before` runs before each
 * call and may throw (EACCES) or change the folder (remove the file), as
 * happens between a listing and a read.
 */
export const countingFs = (before: (call: 'list' | 'stat' | 'read', path: string) => void = () => undefined): CountingFs => {
  const calls = { list: [] as string[], stat: [] as string[], read: [] as string[] };
  return {
    calls,
    reset: () => {
      for (const list of Object.values(calls)) list.splice(0);
    },
    list: async (path) => {
      calls.list.push(path);
      before('list', path);
      return nodeScanFs.list(path);
    },
    stat: async (path) => {
      calls.stat.push(path);
      before('stat', path);
      return nodeScanFs.stat(path);
    },
    read: async (path, maxBytes) => {
      calls.read.push(path);
      before('read', path);
      return nodeScanFs.read(path, maxBytes);
    },
  };
};

export const errnoError = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });
