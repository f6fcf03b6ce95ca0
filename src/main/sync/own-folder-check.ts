import { join } from 'node:path';

import type { FsPort } from '../fs/fs-port';
import { isNotFound } from '../fs/storage-error';
import { ownSegmentSeq } from './own-segments';
import { decodeSegment, type KeyLookup } from './segment-codec';
import type { SyncRecord } from './sync-record';

/**
 * docs/sync-format.md §4.3 rule 2, "someone else writes as me": this
 * device's own folder in the sync folder holds an authenticated segment
 * that is not in own/ and is not superseded by its own checkpoint. Only a
 * copy of this install (a restored backup, a cloned disk or VM) can have
 * written it. The reading is here; the decision is the pure `judgeOwnFolder`.
 */
export interface ForeignSegment {
  readonly seq: number;
  readonly name: string;
  /** SHA-256 of the file (the hash in its name), hex. */
  readonly hash: string;
  readonly records: readonly SyncRecord[];
}

const hashOfName = (name: string): string => name.slice(-69, -5);

/**
 * Authenticated segments of `deviceId` in `folderDir` whose names own/ does
 * not hold, with seq ≥ `base`. Anything else there (temp files, conflict
 * copies, garbage, a cut-short copy, another vault's file) is not a writer.
 */
export const findForeignSegments = async (
  fs: FsPort,
  folderDir: string,
  own: ReadonlySet<string>,
  base: number,
  expected: { vaultId: string; deviceId: string; keyFor: KeyLookup },
): Promise<ForeignSegment[]> => {
  let names: string[];
  try {
    names = await fs.readdir(folderDir);
  } catch (error) {
    if (isNotFound(error)) return []; // not made yet: nobody writes there
    throw error; // unplugged: the caller judges nothing now
  }
  const found: ForeignSegment[] = [];
  for (const name of names) {
    // Nearly every name is own/'s: the set answers first, and only the rest are parsed (parsing every name of a folder
    // of a few hundred segments cost ~0.2 ms per check-in, §8).
    if (own.has(name)) continue;
    const seq = ownSegmentSeq(name);
    if (seq === undefined || seq < base) continue;
    const bytes = await fs.readFile(join(folderDir, name)).catch(() => undefined);
    if (!bytes) continue;
    const hash = hashOfName(name);
    const decoded = decodeSegment(bytes, { vaultId: expected.vaultId, deviceId: expected.deviceId, seq, hash }, expected.keyFor);
    if (decoded.ok) found.push({ seq, name, hash, records: decoded.segment.records });
  }
  return found.sort((a, b) => a.seq - b.seq);
};

export type OwnFolderVerdict = 'alone' | 'move' | 'stay';

/**
 * §4.3 rule 2, pure. `f` is the highest foreign seq, `m` this install's
 * last seq: the older copy (f > m) moves; at f = m the copy whose segment m
 * has the greater hash moves (with several copies at m, every one but the
 * least). The other copy sees the mirror image and stays, so of two copies
 * that see each other's newest segment exactly one moves.
 */
export const judgeOwnFolder = (
  foreign: readonly Pick<ForeignSegment, 'seq' | 'hash'>[],
  tip: { seq: number; hash: string },
): OwnFolderVerdict => {
  if (foreign.length === 0) return 'alone';
  const f = Math.max(...foreign.map((segment) => segment.seq));
  if (f > tip.seq) return 'move';
  if (f < tip.seq) return 'stay';
  return foreign.some((segment) => segment.seq === f && segment.hash < tip.hash) ? 'move' : 'stay';
};
