/**
 * What opening the vault found that was not as written, as plain data for the
 * status channel. Nothing is dropped silently: every damaged byte range is
 * either still readable or set aside under recovered/, and named here by the
 * sequence numbers it affects.
 */
export const PROBLEM_KINDS = [
  /** The last line was cut short (a crash or power loss mid-append). Set aside; everything before it is intact. */
  'torn-tail',
  /** A record failed authentication (flipped or altered bytes). Set aside. */
  'damaged',
  /** Sequence numbers that should be there and are not (a record was removed). */
  'missing',
  /** Records found out of order or duplicated. Their content is authentic and kept. */
  'reordered',
  /** A record does not link to its predecessor (a record was replaced). Content authentic and kept. */
  'chain-broken',
  /** Part of the snapshot failed authentication or is missing. Set aside. */
  'snapshot-damaged',
  /** Damage was found but could not be moved aside yet (disk full or read-only); it is retried next unlock. */
  'cleanup-deferred',
] as const;

export type ProblemKind = (typeof PROBLEM_KINDS)[number];

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

/** [3,4,5,9] → [{3..5},{9..9}]; input in any order, duplicates ignored. */
export const toRanges = (seqs: Iterable<number>): SeqRange[] => {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  const ranges: SeqRange[] = [];
  for (const seq of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && seq === last.to + 1) last.to = seq;
    else ranges.push({ from: seq, to: seq });
  }
  return ranges;
};

export const problem = (kind: ProblemKind, seqs: Iterable<number> | SeqRange[]): VaultProblem => {
  const list = [...seqs];
  const affected = list.length > 0 && typeof list[0] === 'object' ? (list as SeqRange[]) : toRanges(list as number[]);
  return { kind, affected, setAside: null };
};
