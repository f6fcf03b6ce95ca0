import type { NeedId, OutcomeId, StateId } from '../../shared/entry-schema';

/** The shapes of the what-helps map (built in what-helps.ts, read in what-helps-ranking.ts and insights.ts). */

/** Every way a chosen step can end: the four answers, or no answer (no follow-up came back). */
export const TALLY_KEYS = ['helped', 'a-bit', 'not-really', 'did-not-get-to-it', 'no-follow-up'] as const;
export type TallyKey = OutcomeId | 'no-follow-up';
export type OutcomeCounts = Record<TallyKey, number>;

export interface StepTally {
  /** A built-in step id, or "own:" + the normalised text of the person's own step. */
  key: string;
  /** Plain counts: what "helped you 4 of 5 times" is made of. */
  counts: OutcomeCounts;
  /** The same counts, each weighted by recency (see DEFAULT_HALF_LIFE_DAYS); used for ranking only. */
  weighted: OutcomeCounts;
  /** The newest check-in (UTC ms) that chose this step. */
  lastAt: number;
}

export type StepTallies = ReadonlyMap<string, StepTally>;

export interface WhatHelpsMap {
  /** The "now" the recency weights were computed for. */
  now: number;
  halfLifeDays: number;
  overall: StepTallies;
  byState: ReadonlyMap<StateId, StepTallies>;
  byNeed: ReadonlyMap<NeedId, StepTallies>;
  /** The person's own words for each own-step key (the latest way they wrote it), for display. */
  ownStepText: ReadonlyMap<string, string>;
}

export const emptyCounts = (): OutcomeCounts => ({ helped: 0, 'a-bit': 0, 'not-really': 0, 'did-not-get-to-it': 0, 'no-follow-up': 0 });

/** Answers that say whether a step helped: "didn't get to it" and no answer say nothing about the step itself. */
export const answeredCount = (counts: OutcomeCounts): number => counts.helped + counts['a-bit'] + counts['not-really'];
