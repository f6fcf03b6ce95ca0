import type { CheckInDraft } from '../../../shared/checkin/checkin-draft';
import { bridge } from '../lib/bridge';
import { NO_SUGGESTIONS, type SuggestionMaps, suggestionMaps } from './suggestion-maps';

/**
 * What has helped before, for the chosen states and needs. Empty with little
 * history, so the built-in order stands. Replaced whole on each load, never mutated.
 */
export class StepSuggestions {
  current: SuggestionMaps = $state.raw(NO_SUGGESTIONS);

  /** Asks main; a failed answer keeps what was there (the built-in order at first). */
  async load(draft: Pick<CheckInDraft, 'states' | 'needs'>): Promise<void> {
    const result = await bridge().checkin.suggestions({ states: draft.states, needs: draft.needs });
    if (result.ok) this.current = suggestionMaps(result.value);
  }
}
