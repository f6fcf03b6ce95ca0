import { join } from 'node:path';

import { releaseHeld } from './held-forks';
import { judgeSegment, type PeerMark, type SegmentLink } from './peer-mark';
import { errorCode, type FileStamp, sameStamp, type ScanFs, type ScanStat } from './scan-fs';
import { type DeviceScanState, type HeldFork, reportDevice, type ScanReport } from './scan-state';
import { type DecodedSegment, decodeSegment, type KeyLookup } from './segment-codec';
import { classifyName, segmentFileName } from './sync-file-names';

/**
 * One pass over one other device's folder (docs/sync-format.md §3, §5.5,
 * §7): list it, leave every name it has judged before alone, read the rest
 * (regular files only, capped), and judge what authenticates against the
 * device's mark. Nothing the folder holds makes it throw: a file that
 * vanishes, cannot be opened, is a link, FIFO or folder, or is over the cap
 * is pending (counted, remembered by its stamp) or simply gone.
 */

/** §3.3: a segment is at most 256 MiB. */
export const SEGMENT_MAX_BYTES = 256 * 1024 * 1024;

export interface DeviceScanOptions {
  readonly vaultId: string;
  readonly keyFor: KeyLookup;
  /** At most this many names of the listing are looked at (§3.3); the rest wait. */
  readonly maxNames: number;
  readonly fs: ScanFs;
}

export interface AcceptedSegment {
  readonly deviceId: string;
  readonly name: string;
  readonly segment: DecodedSegment;
}

export interface DeviceScanResult {
  readonly state: DeviceScanState;
  /** In the order they were judged: a checkpoint before the deltas above it, each seq ascending. */
  readonly accepted: AcceptedSegment[];
  readonly report: ScanReport;
}

interface Candidate {
  readonly name: string;
  readonly seq: number;
  readonly hash: string;
  /** Already taken this pass (a pending name's stamp was compared). */
  stat?: ScanStat;
}

type ReadOutcome =
  | { kind: 'gone' }
  /** No stamp: the stat itself failed; tried again next pass (a stat, no read). */
  | { kind: 'pending'; stamp: FileStamp | undefined }
  | { kind: 'not-ours' }
  | { kind: 'needs-key'; keyId: string }
  | { kind: 'unreadable' }
  | { kind: 'ok'; segment: DecodedSegment; stamp: FileStamp };

const SEQ_OF_NAME = /^seg-([0-9]{8})-/;
const seqOfName = (name: string): number => Number(SEQ_OF_NAME.exec(name)?.[1] ?? 0);

const linkOf = (segment: DecodedSegment, hash: string): SegmentLink => ({
  seq: segment.header.seq,
  type: segment.header.type,
  hash,
  prevSegment: segment.header.prevSegment.toString('hex'),
  firstPrev: segment.firstPrev.toString('hex'),
  lastFrame: segment.lastFrame.toString('hex'),
});

const readCandidate = async (folder: string, deviceId: string, candidate: Candidate, options: DeviceScanOptions): Promise<ReadOutcome> => {
  const path = join(folder, candidate.name);
  let stat = candidate.stat;
  if (!stat) {
    try {
      stat = await options.fs.stat(path);
    } catch (error) {
      return errorCode(error) === 'ENOENT' ? { kind: 'gone' } : { kind: 'pending', stamp: undefined };
    }
  }
  const stamp: FileStamp = { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino };
  // A link, FIFO or folder is never opened; an empty file (a placeholder) need not be.
  if (!stat.isFile || stat.size === 0 || stat.size > SEGMENT_MAX_BYTES) return { kind: 'pending', stamp };
  let bytes: Buffer;
  try {
    bytes = await options.fs.read(path, SEGMENT_MAX_BYTES);
  } catch (error) {
    // Not a regular file after all (swapped since the stat), no permission, an I/O error: wait for it to change.
    return errorCode(error) === 'ENOENT' ? { kind: 'gone' } : { kind: 'pending', stamp };
  }
  const result = decodeSegment(bytes, { vaultId: options.vaultId, deviceId, seq: candidate.seq, hash: candidate.hash }, options.keyFor);
  if (result.ok) return { kind: 'ok', segment: result.segment, stamp };
  const { problem } = result;
  switch (problem.status) {
    case 'pending':
      return { kind: 'pending', stamp };
    case 'not-ours':
      return { kind: 'not-ours' };
    case 'needs-key':
      return { kind: 'needs-key', keyId: problem.keyId };
    case 'unreadable':
      return { kind: 'unreadable' };
  }
};

/** The mutable working copy of a device's state during one pass. */
class Working {
  mark: PeerMark;
  readonly pending: Map<string, FileStamp>;
  readonly unreadable: Set<string>;
  readonly notOurs: Set<string>;
  readonly needsKey: Map<string, string>;
  readonly held: Map<string, HeldFork>;
  lastSeenAt: number | undefined;
  /** Pending this pass without a stamp (the stat failed). */
  readonly unstamped = new Set<string>();

  constructor(before: DeviceScanState) {
    this.mark = before.mark;
    this.pending = new Map(before.pending);
    this.unreadable = new Set(before.unreadable);
    this.notOurs = new Set(before.notOurs);
    this.needsKey = new Map(before.needsKey);
    this.held = new Map(before.held);
    this.lastSeenAt = before.lastSeenAt;
  }

  forget(name: string): void {
    this.pending.delete(name);
    this.unreadable.delete(name);
    this.notOurs.delete(name);
    this.needsKey.delete(name);
    this.held.delete(name);
    this.unstamped.delete(name);
  }

  /** Keep only what the folder still lists (unless the listing was cut short) and what no checkpoint supersedes. */
  prune(listed: ReadonlySet<string> | undefined): void {
    const keep = (name: string): boolean => (listed === undefined || listed.has(name)) && seqOfName(name) >= this.mark.base;
    for (const collection of [this.pending, this.unreadable, this.notOurs, this.needsKey, this.held, this.unstamped])
      for (const name of collection.keys()) if (!keep(name)) collection.delete(name);
  }

  state(): DeviceScanState {
    const { mark, pending, unreadable, notOurs, needsKey, held, lastSeenAt } = this;
    return { mark, pending, unreadable, notOurs, needsKey, held, lastSeenAt };
  }
}

/** Which listed exact names need reading; the rest are settled from memory (and a stat for pending ones). */
const selectCandidates = async (
  folder: string,
  work: Working,
  names: readonly Candidate[],
  options: DeviceScanOptions,
): Promise<Candidate[]> => {
  const candidates: Candidate[] = [];
  for (const candidate of names) {
    const { name, seq, hash } = candidate;
    if (seq < work.mark.base) continue; // superseded by a checkpoint: never read
    if (work.mark.segments.get(seq)?.hash === hash) continue; // seen
    if (work.unreadable.has(name) || work.notOurs.has(name) || work.held.has(name)) continue;
    const keyId = work.needsKey.get(name);
    if (keyId !== undefined && options.keyFor(keyId) === undefined) continue;
    const remembered = work.pending.get(name);
    if (remembered) {
      try {
        candidate.stat = await options.fs.stat(join(folder, name));
      } catch (error) {
        if (errorCode(error) === 'ENOENT') work.forget(name);
        else work.unstamped.add(name);
        continue;
      }
      if (sameStamp(remembered, candidate.stat)) continue;
    }
    candidates.push(candidate);
  }
  return candidates;
};

/** A release can follow only a fork judged in the same pass; more rounds than this would be a bug, not a folder. */
const MAX_RELEASES_PER_PASS = 4;

const bySeqThenName = (a: Candidate, b: Candidate): number => a.seq - b.seq || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** §5.5 steps 3–5 for the listed names not settled yet: read, authenticate, and judge each against the mark. */
const judgeListed = async (
  folder: string,
  deviceId: string,
  work: Working,
  exact: readonly Candidate[],
  options: DeviceScanOptions,
  accepted: AcceptedSegment[],
): Promise<void> => {
  // Newest first, so a checkpoint is found before the names it supersedes are read (§5.3); judged oldest first.
  const queue = (await selectCandidates(folder, work, exact, options)).sort((a, b) => bySeqThenName(b, a));
  let next = 0;
  while (next < queue.length) {
    const batch: Array<{ candidate: Candidate; segment: DecodedSegment; stamp: FileStamp }> = [];
    while (next < queue.length) {
      const candidate = queue[next] as Candidate;
      next += 1;
      if (candidate.seq < work.mark.base) continue;
      const outcome = await readCandidate(folder, deviceId, candidate, options);
      work.forget(candidate.name);
      if (outcome.kind === 'pending') {
        if (outcome.stamp) work.pending.set(candidate.name, outcome.stamp);
        else work.unstamped.add(candidate.name);
      } else if (outcome.kind === 'not-ours') work.notOurs.add(candidate.name);
      else if (outcome.kind === 'needs-key') work.needsKey.set(candidate.name, outcome.keyId);
      else if (outcome.kind === 'unreadable') work.unreadable.add(candidate.name);
      else if (outcome.kind === 'ok') {
        batch.push({ candidate, segment: outcome.segment, stamp: outcome.stamp });
        if (outcome.segment.header.type !== 'delta') break;
      }
    }
    for (const { candidate, segment, stamp } of batch.sort((a, b) => bySeqThenName(a.candidate, b.candidate))) {
      const verdict = judgeSegment(work.mark, linkOf(segment, candidate.hash));
      if (verdict.kind === 'accept') {
        work.mark = verdict.mark;
        accepted.push({ deviceId, name: candidate.name, segment });
        work.lastSeenAt = Math.max(work.lastSeenAt ?? stamp.mtimeMs, stamp.mtimeMs);
      } else if (verdict.kind === 'fork') {
        work.held.set(candidate.name, {
          seq: candidate.seq,
          hash: candidate.hash,
          reason: verdict.reason,
          with: verdict.with,
          records: segment.records,
        });
      }
    }
  }
};

export const scanDevice = async (
  folder: string,
  deviceId: string,
  before: DeviceScanState,
  options: DeviceScanOptions,
): Promise<DeviceScanResult> => {
  let entries;
  try {
    entries = await options.fs.list(folder);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return missingDevice(deviceId, before);
    return unavailableDevice(deviceId, before);
  }
  const cut = entries.length > options.maxNames;
  const listedNames = new Set<string>();
  const exact: Candidate[] = [];
  const onTheirWay = new Set<string>();
  for (const { name } of cut ? entries.slice(0, options.maxNames) : entries) {
    const kind = classifyName(`devices/${deviceId}/${name}`);
    if (kind.kind === 'segment') {
      listedNames.add(name);
      exact.push({ name, seq: kind.seq, hash: kind.hash });
    } else if (kind.kind === 'pending' && kind.target.kind === 'segment') {
      onTheirWay.add(segmentFileName(kind.target.seq, kind.target.hash));
    }
  }

  const work = new Working(before);
  const accepted: AcceptedSegment[] = [];
  // A held branch is released when the first branch's files past the fork point are gone (§7.1). That can show only
  // after this pass has judged what it read (the fork arriving as the other branch's last file goes): released then,
  // its names are judged in this same pass, so the next one has nothing to read.
  for (let round = 0; round < MAX_RELEASES_PER_PASS; round += 1) {
    const release = cut ? undefined : releaseHeld(work.mark, work.held, listedNames);
    if (release) {
      work.mark = release.mark;
      work.held.clear();
    } else if (round > 0) break;
    await judgeListed(folder, deviceId, work, exact, options, accepted);
  }
  work.prune(cut ? undefined : listedNames);
  const state = work.state();
  const waitingNames = new Set([...state.pending.keys(), ...work.unstamped]);
  for (const name of onTheirWay) {
    const seq = seqOfName(name);
    const hash = name.slice('seg-00000000-'.length, -'.alog'.length);
    if (seq >= state.mark.base && state.mark.segments.get(seq)?.hash !== hash) waitingNames.add(name);
  }
  return { state, accepted, report: reportDevice(deviceId, state, 'listed', [...exact.map((c) => c.seq)], waitingNames.size) };
};

/** A device this pass remembers whose folder is not there now: nothing is taken back; it shows as gone backwards. */
export const missingDevice = (deviceId: string, before: DeviceScanState): DeviceScanResult => {
  const work = new Working(before);
  work.prune(new Set());
  const state = work.state();
  return { state, accepted: [], report: reportDevice(deviceId, state, 'missing', [], 0) };
};

/** A device whose folder could not be listed this pass: nothing is judged, its state stands. */
export const unavailableDevice = (deviceId: string, before: DeviceScanState): DeviceScanResult => ({
  state: before,
  accepted: [],
  report: reportDevice(deviceId, before, 'unavailable', [], before.pending.size),
});
