import type { NeedId, StateId } from '../../shared/entry-schema';
import { isOwnStepKey } from './step-key';
import { answeredCount, type StepTallies, type StepTally, TALLY_KEYS, type TallyKey, type WhatHelpsMap } from './what-helps-tally';

/** This moment's check-in: what is present and what is needed (either may be empty). */
export interface StepContext {
  states?: readonly StateId[];
  needs?: readonly NeedId[];
}

/**
 * How each answer moves a step's rank. "Didn't get to it" is neutral on
 * purpose: not getting to a step says nothing about the step, and nothing bad
 * about the person. "Not really" lowers a step a little more than "a bit"
 * raises it, so a step that keeps not helping drifts down instead of staying
 * on top through one lucky day.
 */
export const OUTCOME_VALUE: Readonly<Record<TallyKey, number>> = {
  helped: 1,
  'a-bit': 0.5,
  'not-really': -1,
  'did-not-get-to-it': 0,
  'no-follow-up': 0,
};

/**
 * Below this many answers (helped / a bit / not really) for this moment's
 * states or needs, the history is too thin to say anything: the built-in
 * order stays, unchanged, rather than one answer reshuffling every list.
 */
export const MIN_ANSWERED_FOR_RANKING = 3;

/** "Helped you 1 of 1 times" would be a coincidence, not a pattern: explain from two answers up. */
export const MIN_ANSWERED_TO_EXPLAIN = 2;

export interface StepScoreOptions {
  /** Also score the person's own steps ("own:…" keys); suggestSteps only knows the catalogue, so off by default. */
  includeOwnSteps?: boolean;
  minAnswered?: number;
}

/** The map sections this moment belongs to: each chosen state and need, or everything when nothing was chosen. */
const contextTallies = (map: WhatHelpsMap, context: StepContext): StepTallies[] => {
  const states = context.states ?? [];
  const needs = context.needs ?? [];
  if (states.length === 0 && needs.length === 0) return [map.overall];
  const found: StepTallies[] = [];
  for (const state of states) {
    const tallies = map.byState.get(state);
    if (tallies) found.push(tallies);
  }
  for (const need of needs) {
    const tallies = map.byNeed.get(need);
    if (tallies) found.push(tallies);
  }
  return found;
};

const answersIn = (tallies: StepTallies): number => {
  let total = 0;
  for (const tally of tallies.values()) total += answeredCount(tally.counts);
  return total;
};

const weightedValue = (tally: StepTally): number => {
  let value = 0;
  for (const key of TALLY_KEYS) value += tally.weighted[key] * OUTCOME_VALUE[key];
  return value;
};

/**
 * Pure: step id → how well it has gone for this person in moments like this
 * one, recently (higher = helped more). Ready for `suggestSteps(input, scores)`
 * (a Map is the StepHistoryScore it takes).
 * Scores add up over the chosen states and needs, so a past check-in that
 * shared more of this moment counts more. Empty when the history is sparse.
 * Scores are rounded to 6 decimals so equal histories tie exactly and the
 * built-in order breaks the tie.
 */
export const stepScoresFor = (map: WhatHelpsMap, context: StepContext, options: StepScoreOptions = {}): Map<string, number> => {
  const minAnswered = options.minAnswered ?? MIN_ANSWERED_FOR_RANKING;
  const sections = contextTallies(map, context);
  const scores = new Map<string, number>();
  if (!sections.some((tallies) => answersIn(tallies) >= minAnswered)) return scores;
  for (const tallies of sections) {
    for (const tally of tallies.values()) {
      if (!options.includeOwnSteps && isOwnStepKey(tally.key)) continue;
      scores.set(tally.key, (scores.get(tally.key) ?? 0) + weightedValue(tally));
    }
  }
  for (const [key, value] of scores) {
    const rounded = Math.round(value * 1e6) / 1e6;
    if (rounded === 0) scores.delete(key);
    else scores.set(key, rounded);
  }
  return scores;
};

/** Counts for "helped you 4 of 5 times when freeze was present" (the words are whatHelpsCopy's). */
export interface StepExplanation {
  stepKey: string;
  /** The state the counts are for, or null when they are over all check-ins. */
  state: StateId | null;
  helped: number;
  aBit: number;
  notReally: number;
  /** helped + aBit + notReally: the times it was tried and answered ("didn't get to it" is not a try). */
  answered: number;
}

const explanationOf = (tally: StepTally | undefined, state: StateId | null): StepExplanation | null => {
  if (!tally) return null;
  const { counts } = tally;
  const answered = answeredCount(counts);
  const helpedAtAll = counts.helped + counts['a-bit'];
  // Only a sentence worth reading: enough answers, and it helped more often than not. A step
  // that "helped you 1 of 5 times" is left unexplained rather than read out like a low mark.
  if (answered < MIN_ANSWERED_TO_EXPLAIN || helpedAtAll <= counts['not-really']) return null;
  return { stepKey: tally.key, state, helped: counts.helped, aBit: counts['a-bit'], notReally: counts['not-really'], answered };
};

/**
 * Pure: why a step is suggested, as counts. Prefers the chosen state with the
 * most answers for this step (ties: the order the states were given), then
 * all check-ins; null when there is nothing kind and true to say.
 */
export const explainStep = (map: WhatHelpsMap, stepKey: string, context: Pick<StepContext, 'states'>): StepExplanation | null => {
  let best: StepExplanation | null = null;
  for (const state of context.states ?? []) {
    const candidate = explanationOf(map.byState.get(state)?.get(stepKey), state);
    if (candidate && (!best || candidate.answered > best.answered)) best = candidate;
  }
  return best ?? explanationOf(map.overall.get(stepKey), null);
};
