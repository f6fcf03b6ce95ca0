import type { PROBLEM_KIND_IDS } from '../../shared/ipc/vault-contract';

/**
 * What opening the vault found that was not as written, as plain data for the
 * status channel. Nothing is dropped silently: every damaged byte range is
 * either still readable or set aside under recovered/, and named here by the
 * sequence numbers it affects. The kinds are listed (and explained) in the
 * IPC contract, since the renderer shows them.
 */
export type ProblemKind = (typeof PROBLEM_KIND_IDS)[number];

export interface SeqRange {
  from: number;
  to: number;
}

export interface VaultProblem {
  kind: ProblemKind;
  /** Affected sequence numbers, as inclusive ranges; empty when they could not be told. */
  affected: SeqRange[];
  /** File name under recovered/ holding the set-aside bytes, when there is one. */
  setAside: string | null;
}

/**
 * At most this many ranges per problem, so a badly scrambled file still gives
 * a status that fits its channel: the first ones stay exact, the rest are
 * folded into one range that covers them.
 */
export const MAX_RANGES = 1000;

const capRanges = (ranges: SeqRange[]): SeqRange[] => {
  if (ranges.length <= MAX_RANGES) return ranges;
  const kept = ranges.slice(0, MAX_RANGES - 1);
  const rest = ranges.slice(MAX_RANGES - 1);
  kept.push({ from: (rest[0] as SeqRange).from, to: Math.max(...rest.map((range) => range.to)) });
  return kept;
};

/** [3,4,5,9] → [{3..5},{9..9}]; input in any order, duplicates ignored. */
export const toRanges = (seqs: Iterable<number>): SeqRange[] => {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  const ranges: SeqRange[] = [];
  for (const seq of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && seq === last.to + 1) last.to = seq;
    else ranges.push({ from: seq, to: seq });
  }
  return capRanges(ranges);
};

export const problem = (kind: ProblemKind, seqs: Iterable<number> | SeqRange[]): VaultProblem => {
  const list = [...seqs];
  const affected = list.length > 0 && typeof list[0] === 'object' ? capRanges(list as SeqRange[]) : toRanges(list as number[]);
  return { kind, affected, setAside: null };
};
