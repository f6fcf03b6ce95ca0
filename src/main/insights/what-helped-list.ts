import { STATE_IDS, type StateId } from '../../shared/entry-schema';
import { isOwnStepKey } from './step-key';
import { answeredCount, type OutcomeCounts, type StepTallies, type WhatHelpsMap } from './what-helps-tally';

/** One step in "what helped when … was present": plain counts, the person's own words where it is their step. */
export interface WhatHelpedStep {
  key: string;
  /** The built-in step id (words in stepCopy), or null for the person's own step. */
  stepId: string | null;
  /** The person's own step as they last wrote it, or null for a built-in step. */
  ownText: string | null;
  counts: OutcomeCounts;
  /** helped + a bit + not really. */
  answered: number;
}

export interface WhatHelpedForState {
  state: StateId;
  /** Answers behind this state's list (a short list on few answers reads differently from one on many). */
  answered: number;
  steps: WhatHelpedStep[];
}

export const DEFAULT_STEPS_PER_STATE = 5;

/**
 * Pure: one section of the map → its steps that have an answer, most often
 * helpful first (helped and "a bit" together), then most answered, then most
 * recent, then by key so equal histories always list the same way.
 */
export const whatHelpedSteps = (map: WhatHelpsMap, tallies: StepTallies | undefined, limit = DEFAULT_STEPS_PER_STATE): WhatHelpedStep[] => {
  if (!tallies) return [];
  const ranked = [...tallies.values()]
    .filter((tally) => answeredCount(tally.counts) + tally.counts['did-not-get-to-it'] > 0)
    .sort(
      (a, b) =>
        b.counts.helped + b.counts['a-bit'] - (a.counts.helped + a.counts['a-bit']) ||
        answeredCount(b.counts) - answeredCount(a.counts) ||
        b.lastAt - a.lastAt ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
  return ranked.slice(0, limit).map((tally) => {
    const own = isOwnStepKey(tally.key);
    return {
      key: tally.key,
      stepId: own ? null : tally.key,
      ownText: own ? (map.ownStepText.get(tally.key) ?? null) : null,
      counts: { ...tally.counts },
      answered: answeredCount(tally.counts),
    };
  });
};

/** Pure: what helped, per state, in the states' usual order; states with no answers are left out. */
export const whatHelpedByState = (map: WhatHelpsMap, limit = DEFAULT_STEPS_PER_STATE): WhatHelpedForState[] => {
  const sections: WhatHelpedForState[] = [];
  for (const state of STATE_IDS) {
    const steps = whatHelpedSteps(map, map.byState.get(state), limit);
    if (steps.length === 0) continue;
    let answered = 0;
    for (const tally of map.byState.get(state)?.values() ?? []) answered += answeredCount(tally.counts);
    sections.push({ state, answered, steps });
  }
  return sections;
};
