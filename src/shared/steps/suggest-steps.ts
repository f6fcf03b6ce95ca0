import type { NeedId, StateId } from '../entry-schema';
import { type SmallStep, STEP_CATALOGUE } from './step-catalogue';

export interface SuggestionInput {
  needs: readonly NeedId[];
  states: readonly StateId[];
  /** A step tried since that did not help (enough): still offered, but last ("try another small step"). */
  tried?: string | null;
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
 * not shuffle between opens). A step just tried without much help comes last: the
 * person sees something else first, and can still choose it again.
 */
export const suggestSteps = (input: SuggestionInput, history?: StepHistoryScore, count = 3): SmallStep[] => {
  const tried = input.tried ? STEP_CATALOGUE.find((step) => step.id === input.tried) : undefined;
  if (tried) {
    const others = suggestSteps({ needs: input.needs, states: input.states }, history, count + 1).filter((step) => step !== tried);
    return [...others.slice(0, count - 1), tried];
  }
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
