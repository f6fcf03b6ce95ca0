import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';

import { ATOMIC_TEMP_NAME, writeFileAtomic, writeFileAtomicSync } from '../fs/durable-write';
import type { FsPort } from '../fs/fs-port';
import { isNotFound } from '../fs/storage-error';
import type { WritePace } from '../fs/write-pace';
import { type EncodedSegment, encodeSegment, sha256 } from './segment-codec';
import { NO_HASH, type SegmentType } from './segment-header';
import { classifyName } from './sync-file-names';
import type { SyncRecord } from './sync-record';

/**
 * This device's own segments (docs/sync-format.md §5.4, §7.3): each is
 * written first to `<vault>.sync/own/` — the commit point, from which it is
 * never lost — and then to its folder in the sync folder, which may be
 * unplugged, read-only or reverted at any moment. Whatever the folder lacks
 * is written again, byte for byte, by the next pass.
 */
export interface OwnPlace {
  readonly fs: FsPort;
  /** `<vault>.sync/own` */
  readonly ownDir: string;
  /** `F/attune-sync/devices/<deviceId>` */
  readonly folderDir: string;
  /** When a small own/ write may block, as the vault's journal append does (own/ sits beside the vault). */
  readonly pace?: WritePace;
}

export interface OwnIds {
  readonly vaultId: string;
  readonly deviceId: string;
  readonly keyId: string;
}

/** The end of this device's chain: what the next segment links to. */
export interface OwnTip {
  readonly seq: number;
  readonly hash: Buffer;
  readonly lastFrame: Buffer;
}

export const NO_TIP: OwnTip = { seq: 0, hash: NO_HASH, lastFrame: NO_HASH };

export interface Published {
  readonly tip: OwnTip;
  readonly segment: EncodedSegment;
  /** False when the sync folder refused it (unplugged, read-only, full): it waits in own/ for the next pass. */
  readonly inFolder: boolean;
}

/** Seq of an exact segment name, or undefined for any other name (temp files, conflict copies, strays). */
export const ownSegmentSeq = (name: string): number | undefined => {
  const found = classifyName(`devices/${'0'.repeat(32)}/${name}`);
  return found.kind === 'segment' ? found.seq : undefined;
};

const listNames = async (fs: FsPort, dir: string): Promise<string[]> => {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
};

/** Own segment names by seq; one name per seq (own/ is written only here, one commit per seq). */
export const listOwnSegments = async (fs: FsPort, dir: string): Promise<Map<number, string>> => {
  const bySeq = new Map<number, string>();
  for (const name of await listNames(fs, dir)) {
    const seq = ownSegmentSeq(name);
    if (seq !== undefined) bySeq.set(seq, name);
  }
  return bySeq;
};

/**
 * Written into `dir`, made first only when it is not there: a mkdir before
 * every check-in's two writes was a tenth of publishing's time (§8).
 */
const writeMakingDir = async (fs: FsPort, dir: string, name: string, bytes: Buffer, durable: boolean): Promise<void> => {
  try {
    await writeFileAtomic(fs, join(dir, name), bytes, 0o600, durable);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await fs.mkdir(dir, 0o700);
    await writeFileAtomic(fs, join(dir, name), bytes, 0o600, durable);
  }
};

/**
 * The largest own/ segment written blocking: a delta of a few records
 * (one check-in's is ~1.3 KB). A checkpoint of a whole history (~3.5 MB for
 * 10k) goes through the thread pool, so the main process never waits out
 * its fsync.
 */
export const BLOCKING_SEGMENT_BYTES = 64 * 1024;

/**
 * own/ is the commit point, durable before the folder sees the segment. A
 * small one is written blocking while the disk answers fast: the thread
 * pool's round trips were half of what publishing one check-in cost beyond
 * the local append (§8).
 */
const writeOwn = async (place: OwnPlace, name: string, bytes: Buffer): Promise<void> => {
  const { pace } = place;
  if (pace?.blocking && bytes.length <= BLOCKING_SEGMENT_BYTES) {
    try {
      pace.time(() => writeFileAtomicSync(join(place.ownDir, name), bytes, 0o600, place.fs));
      return;
    } catch (error) {
      if (!isNotFound(error)) throw error;
      // own/ not made yet (the first segment, or after a move retired it): made below, as through the pool.
    }
  }
  await writeMakingDir(place.fs, place.ownDir, name, bytes, true);
};

/**
 * The folder's copy is written whole under a temp name and renamed, but not
 * fsynced: own/ is the durable copy (fsynced before this), and a copy a
 * power cut leaves torn is found by its hash at the next start and written
 * again (republishMissing with `verify: 'content'`). Two fsyncs fewer per
 * check-in: what §8's publish budget needs.
 */
const writeToFolder = async (place: OwnPlace, name: string, bytes: Buffer): Promise<boolean> => {
  try {
    await writeMakingDir(place.fs, place.folderDir, name, bytes, false);
    return true;
  } catch {
    // Any refusal of the folder (gone, read-only, full, a file where the folder was) only delays publishing: own/ has it.
    return false;
  }
};

/**
 * Encode the next segment and make it durable in own/ (throws if that
 * fails: nothing was committed), then copy it into the sync folder.
 */
export const publishSegment = async (
  place: OwnPlace,
  key: KeyObject,
  ids: OwnIds,
  tip: OwnTip,
  type: SegmentType,
  records: readonly SyncRecord[],
): Promise<Published> => {
  const segment = encodeSegment(key, { type, ...ids, seq: tip.seq + 1, prevSegment: tip.hash, prevFrame: tip.lastFrame, records });
  await writeOwn(place, segment.name, segment.bytes);
  const next: OwnTip = { seq: tip.seq + 1, hash: Buffer.from(segment.hash, 'hex'), lastFrame: segment.lastFrame };
  return { tip: next, segment, inFolder: await writeToFolder(place, segment.name, segment.bytes) };
};

const sameSize = async (place: OwnPlace, name: string): Promise<boolean> => {
  const [own, folder] = await Promise.all(
    [place.ownDir, place.folderDir].map((dir) => place.fs.size(join(dir, name)).catch(() => undefined)),
  );
  return own !== undefined && own === folder;
};

const sameContent = async (place: OwnPlace, name: string): Promise<boolean> => {
  const bytes = await place.fs.readFile(join(place.folderDir, name)).catch(() => undefined);
  return bytes !== undefined && sha256(bytes).toString('hex') === name.slice(-69, -5);
};

export interface RepublishResult {
  /** Own segments the folder lacked and now has again. */
  readonly written: number;
  /** Own segments the folder still lacks (it refused them). */
  readonly waiting: number;
}

/**
 * §7.3 and the end of §5.4: every own segment at or above `base` that the
 * folder lacks is written again from own/, and this device's stale temp files
 * in its folder (a kill mid-copy) are removed. Only this device writes in its
 * folder, and only from the engine's one queue, so no temp file can be live.
 */
export const republishMissing = async (
  place: OwnPlace,
  base: number,
  /** size: a copy of the right size is taken as whole (every pass); content: its bytes must hash to its name (at start). */
  verify: 'size' | 'content' = 'size',
): Promise<RepublishResult> => {
  const own = await listOwnSegments(place.fs, place.ownDir);
  let folderNames: string[];
  try {
    folderNames = await listNames(place.fs, place.folderDir);
  } catch {
    return { written: 0, waiting: [...own.keys()].filter((seq) => seq >= base).length };
  }
  const inFolder = new Set(folderNames);
  for (const name of folderNames)
    if (ATOMIC_TEMP_NAME.test(name)) await place.fs.unlink(join(place.folderDir, name)).catch(() => undefined);
  let written = 0;
  let waiting = 0;
  const live = [...own].filter(([seq]) => seq >= base).sort(([a], [b]) => a - b);
  // A file under the name but of another size (or bytes) was cut short by a sync tool or someone's hand: peers would wait
  // on it. The checks run side by side: an empty pass stays a few stats' time, not their sum (§8).
  const whole = await Promise.all(
    live.map(async ([, name]) => {
      if (!inFolder.has(name)) return false;
      return (verify === 'content' ? sameContent : sameSize)(place, name);
    }),
  );
  for (const [index, [, name]] of live.entries()) {
    if (whole[index]) continue;
    const bytes = await place.fs.readFile(join(place.ownDir, name));
    if (await writeToFolder(place, name, bytes)) written += 1;
    else waiting += 1;
  }
  return { written, waiting };
};

/**
 * After a checkpoint at `base` is durable in the folder, the segments it
 * restates go from the folder and from own/ (§5.3): the deleted entries'
 * ciphertext leaves the folder as the roll takes it out of the vault. Own
 * names are removed last, so a kill midway leaves the folder's copies to be
 * removed again, never an own segment missing from a folder that needs it.
 */
export const pruneBelow = async (place: OwnPlace, base: number): Promise<void> => {
  for (const name of await listNames(place.fs, place.folderDir).catch((): string[] => [])) {
    const seq = ownSegmentSeq(name);
    if (seq !== undefined && seq < base) await place.fs.unlink(join(place.folderDir, name)).catch(() => undefined);
  }
  for (const [seq, name] of await listOwnSegments(place.fs, place.ownDir))
    if (seq < base) await place.fs.unlink(join(place.ownDir, name)).catch(() => undefined);
};
