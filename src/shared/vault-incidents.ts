/**
 * Problems that leave no other trace once the unlock that found them has
 * repaired the files (damaged and torn bytes keep a copy in recovered/).
 * Main keeps each finding as an incident that History shows until the
 * person dismisses it. Zod-free: the contract, main and the renderer read it.
 */
export const LASTING_PROBLEM_KINDS = ['missing', 'reordered', 'chain-broken'] as const;
export type LastingProblemKind = (typeof LASTING_PROBLEM_KINDS)[number];

export const isLastingProblem = (kind: string): kind is LastingProblemKind => (LASTING_PROBLEM_KINDS as readonly string[]).includes(kind);

/** The newest this many incidents are kept. */
export const MAX_INCIDENTS = 20;
