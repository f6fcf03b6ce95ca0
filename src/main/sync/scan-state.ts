import { EMPTY_PEER_MARK, judgeListing, type PeerMark, type SeqRange, waitingFor } from './peer-mark';
import type { FileStamp } from './scan-fs';
import type { SyncRecord } from './sync-record';

/**
 * What a pass over the sync folder remembers per other device between passes
 * (docs/sync-format.md §7.1), so that a pass which finds nothing new opens no
 * file (§8): every name it has judged is known here by name (the name holds
 * the file's hash, so its bytes are final once they match it), and a file
 * whose bytes do not match its name yet is known by its stamp. Plain data,
 * never changed in place: a pass takes one and returns the next, and the
 * engine keeps and persists it.
 */

/** An authenticated segment that forks the chain already accepted (§7.1): held, not merged. */
export interface HeldFork {
  readonly seq: number;
  readonly hash: string;
  readonly reason: 'other-hash' | 'chain';
  /** The accepted seq it conflicts with. */
  readonly with: number;
  /** Its records, authenticated: what "Add them anyway" adds (held-addition.ts). Held forks are rare and small. */
  readonly records: readonly SyncRecord[];
}

export interface DeviceScanState {
  readonly mark: PeerMark;
  /** Exact names whose bytes did not hash to the name (or could not be read): read again only when the stamp changes. */
  readonly pending: ReadonlyMap<string, FileStamp>;
  /** Damaged or forged (§5.5 step 4): never read again. */
  readonly unreadable: ReadonlySet<string>;
  /** Not this vault's or not this device's (§5.5 step 2), e.g. copied from another folder: never read again. */
  readonly notOurs: ReadonlySet<string>;
  /** Sealed with a key this device does not hold: read again once `keyFor` knows the key id. */
  readonly needsKey: ReadonlyMap<string, string>;
  readonly held: ReadonlyMap<string, HeldFork>;
  /** Newest file time (mtimeMs) of a segment accepted from this device; undefined before any. */
  readonly lastSeenAt: number | undefined;
}

export interface ScanState {
  readonly devices: ReadonlyMap<string, DeviceScanState>;
}

export const EMPTY_DEVICE_SCAN: DeviceScanState = {
  mark: EMPTY_PEER_MARK,
  pending: new Map(),
  unreadable: new Set(),
  notOurs: new Set(),
  needsKey: new Map(),
  held: new Map(),
  lastSeenAt: undefined,
};

export const EMPTY_SCAN_STATE: ScanState = { devices: new Map() };

/** What Settings › Devices shows for one other device (§7, §9). */
export interface ScanReport {
  readonly deviceId: string;
  /** listed: its folder was read this pass; missing: no such folder now; unavailable: it could not be listed (nothing judged). */
  readonly folder: 'listed' | 'missing' | 'unavailable';
  /** The newest seq accepted from it; 0 before any. */
  readonly newest: number;
  /** Seqs still missing below the newest accepted one (§7.2). */
  readonly waiting: SeqRange[];
  /** The folder lists nothing at or above what was already merged (§7.1): a reverted folder, or one still catching up. */
  readonly backwards: boolean;
  /** Names on their way: exact names whose bytes do not match yet, and sync tools' temp files and placeholders (§3.2). */
  readonly pending: number;
  readonly unreadable: number;
  readonly notOurs: number;
  readonly held: number;
  /** Key ids its segments need that this device does not hold (§4.6). */
  readonly needsKey: string[];
  /** Its newest accepted checkpoint is a final segment: the device was removed (§5.3). */
  readonly final: boolean;
  readonly lastSeenAt: number | undefined;
}

export const reportDevice = (
  deviceId: string,
  state: DeviceScanState,
  folder: ScanReport['folder'],
  listedSeqs: readonly number[],
  pending: number,
): ScanReport => ({
  deviceId,
  folder,
  newest: Math.max(state.mark.base, ...state.mark.segments.keys()),
  waiting: waitingFor(state.mark),
  backwards: folder !== 'unavailable' && judgeListing(state.mark, listedSeqs) === 'backwards',
  pending,
  unreadable: state.unreadable.size,
  notOurs: state.notOurs.size,
  held: state.held.size,
  needsKey: [...new Set(state.needsKey.values())].sort(),
  final: state.mark.segments.get(state.mark.base)?.type === 'final',
  lastSeenAt: state.lastSeenAt,
});
