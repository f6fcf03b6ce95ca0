import { whatHelpsCopy } from '../../../shared/copy';
import type { ResponseOf } from '../../../shared/ipc/contract';

/** A score per step (the step screen's order) and a sentence per step saying why, in counts. */
export interface SuggestionMaps {
  readonly scores: ReadonlyMap<string, number>;
  readonly explanations: ReadonlyMap<string, string>;
}

export const NO_SUGGESTIONS: SuggestionMaps = { scores: new Map(), explanations: new Map() };

export const suggestionMaps = (value: ResponseOf<'checkin.suggestions'>): SuggestionMaps => ({
  scores: new Map(value.scores.map((s) => [s.stepId, s.score])),
  explanations: new Map(
    value.explanations.map((e) => [
      e.stepId,
      whatHelpsCopy.explain(e.helped + e.aBit, e.answered, e.state ? whatHelpsCopy.whenState[e.state] : '', e.aBit > 0),
    ]),
  ),
});
