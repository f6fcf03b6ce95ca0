import type { NeedId, StateId } from '../entry-schema';
import { type SmallStep, STEP_CATALOGUE } from './step-catalogue';

export interface SuggestionInput {
  needs: readonly NeedId[];
  states: readonly StateId[];
}

/**
 * What a person's own history says about a step, for the states and needs at hand
 * (from the what-helps map). Higher means it has helped them more, recently.
 */
export type StepHistoryScore = ReadonlyMap<string, number>;

/** Steps that fit almost anything, used when nothing was chosen. */
const GENTLE_DEFAULTS = ['feet-on-floor', 'step-away-screen', 'drink-water'];

/**
 * Pure: three small steps for this check-in. Order: what has helped this person
 * before (when history is given), then how many chosen needs a step serves, then
 * whether it suits a chosen state, then catalogue order (stable, so the list does
 * not shuffle between opens).
 */
export const suggestSteps = (input: SuggestionInput, history?: StepHistoryScore, count = 3): SmallStep[] => {
  const needs = new Set(input.needs);
  const states = new Set(input.states);
  if (needs.size === 0 && states.size === 0 && !history?.size) {
    return GENTLE_DEFAULTS.map((id) => STEP_CATALOGUE.find((s) => s.id === id) as SmallStep).slice(0, count);
  }
  const scored = STEP_CATALOGUE.map((step, index) => ({
    step,
    index,
    helped: history?.get(step.id) ?? 0,
    needHits: step.needs.filter((n) => needs.has(n)).length,
    stateHits: (step.suits ?? []).filter((s) => states.has(s)).length,
  }));
  const relevant = needs.size > 0 ? scored.filter((s) => s.needHits > 0 || s.helped > 0) : scored;
  const pool = relevant.length >= count ? relevant : scored;
  pool.sort((a, b) => b.helped - a.helped || b.needHits - a.needHits || b.stateHits - a.stateHits || a.index - b.index);
  return pool.slice(0, count).map((s) => s.step);
};
