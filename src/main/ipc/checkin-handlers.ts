import type { checkinContract } from '../../shared/ipc/checkin-contract';
import { isAttuneError } from '../attune-error';
import { pendingFollowUp } from '../insights/follow-up';
import { latestAnswers } from '../insights/linked-follow-ups';
import { buildWhatHelpsMap } from '../insights/what-helps';
import { explainStep, stepScoresFor } from '../insights/what-helps-ranking';
import type { SettingsService } from '../settings/settings-service';
import type { VaultService } from '../vault/vault-service';
import type { HandlerTable } from './dispatch';

/** A question about a step is let go after half a day: old questions are not worth carrying. */
const FOLLOW_UP_EXPIRES_MINUTES = 12 * 60;

/** A locked or not-set-up history simply has nothing to add to the check-in; that is not an error here. */
const entriesOrNothing = async (vault: VaultService) => {
  try {
    return await vault.entries();
  } catch (error) {
    if (isAttuneError(error) && (error.code === 'vault-locked' || error.code === 'vault-not-set-up')) return [];
    throw error;
  }
};

export const createCheckinHandlers = (
  vault: VaultService,
  settings: SettingsService,
  now: () => number = Date.now,
): HandlerTable<typeof checkinContract> => ({
  'checkin.followUp': async () => {
    const delayMinutes = settings.get().checkIn.followUpMinutes;
    if (delayMinutes === null) return { checkIn: null };
    const entry = pendingFollowUp(await entriesOrNothing(vault), now(), { delayMinutes, expireAfterMinutes: FOLLOW_UP_EXPIRES_MINUTES });
    if (!entry?.data.step) return { checkIn: null };
    return {
      checkIn: {
        id: entry.id,
        at: entry.at,
        offsetMinutes: entry.offsetMinutes,
        stepText: entry.data.step.text,
        stepId: entry.data.step.id ?? null,
        states: entry.data.states,
        needs: entry.data.needs,
      },
    };
  },
  'checkin.suggestions': async ({ states, needs }) => {
    const entries = await entriesOrNothing(vault);
    if (entries.length === 0) return { scores: [], explanations: [] };
    const map = buildWhatHelpsMap(entries, now());
    const scores = [...stepScoresFor(map, { states, needs })].map(([stepId, score]) => ({ stepId, score }));
    const explanations = scores.flatMap(({ stepId }) => {
      const why = explainStep(map, stepId, { states });
      return why ? [{ stepId, state: why.state, helped: why.helped, aBit: why.aBit, answered: why.answered }] : [];
    });
    return { scores, explanations };
  },
  'checkin.answers': async ({ checkInIds }) => {
    const latest = latestAnswers(await vault.entries());
    const answers = checkInIds.flatMap((checkInId) => {
      const answer = latest.get(checkInId);
      if (!answer) return [];
      const { outcome, instead } = answer.data;
      return [{ checkInId, outcome, ...(instead ? { instead } : {}) }];
    });
    return { answers };
  },
});
