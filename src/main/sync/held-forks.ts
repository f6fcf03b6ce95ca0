import type { PeerMark } from './peer-mark';
import type { HeldFork } from './scan-state';
import { segmentFileName } from './sync-file-names';

/**
 * docs/sync-format.md §7.1: a held branch is released when the folder no
 * longer holds any file of the first branch past the fork point — the
 * install that moved to a new id deleted them (§4.3). Then the mark forgets
 * the first branch from the fork point up (what was merged from it stays
 * merged: union, §6.2) and the held names are judged afresh. Pure.
 */
export interface Release {
  readonly mark: PeerMark;
  readonly held: ReadonlyMap<string, HeldFork>;
}

/** The lowest seq either side of any held fork: from there up the accepted segments are the first branch. */
const forkPoint = (held: ReadonlyMap<string, HeldFork>): number =>
  Math.min(...[...held.values()].map((fork) => Math.min(fork.seq, fork.with)));

export const releaseHeld = (mark: PeerMark, held: ReadonlyMap<string, HeldFork>, listed: ReadonlySet<string>): Release | undefined => {
  // Nothing held is listed (a reverted folder, say): nothing to release, and the mark must still show what went.
  if (![...held.keys()].some((name) => listed.has(name))) return undefined;
  const from = forkPoint(held);
  const firstBranch = [...mark.segments.values()].filter((link) => link.seq >= from);
  if (firstBranch.some((link) => listed.has(segmentFileName(link.seq, link.hash)))) return undefined;
  const segments = new Map([...mark.segments].filter(([seq]) => seq < from));
  // A checkpoint of the first branch goes with it: what it superseded may be read again (at worst merged twice, which changes nothing).
  return { mark: { base: mark.base < from ? mark.base : 0, segments: mark.base < from ? segments : new Map() }, held: new Map() };
};
