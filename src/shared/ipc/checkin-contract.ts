import { z } from 'zod';

import { NEED_IDS, OUTCOME_IDS, STATE_IDS, TEXT_LIMITS } from '../entry-ids';
import { channel } from './channel';

const stateIds = z.array(z.enum(STATE_IDS)).max(STATE_IDS.length);
const needIds = z.array(z.enum(NEED_IDS)).max(NEED_IDS.length);
/** One page of History at most (LIST_LIMIT_MAX, vault.list's largest page). */
const ANSWERS_MAX = 200;

/**
 * What the check-in asks main as it opens: is there one earlier step to ask
 * about ("did that help?"), and what has helped this person before. Main
 * computes both from the history; the whole history never goes to the window.
 */
export const checkinContract = {
  'checkin.followUp': channel(
    z.undefined(),
    z.strictObject({
      checkIn: z
        .strictObject({
          id: z.string().max(64),
          at: z.number().int(),
          offsetMinutes: z.number().int(),
          stepText: z.string().max(500),
          /** The built-in step's id (null for the person's own words): "try another" ranks it last. */
          stepId: z.string().max(64).nullable(),
          states: stateIds,
          needs: needIds,
        })
        .nullable(),
    }),
  ),
  'checkin.suggestions': channel(
    z.strictObject({ states: stateIds, needs: needIds }),
    z.strictObject({
      /** Built-in step id → how much it has helped here (higher = more, more recently). Empty with little history. */
      scores: z.array(z.strictObject({ stepId: z.string().max(64), score: z.number().finite() })).max(100),
      /** For the suggestions worth explaining: counts only; the words come from the copy. */
      explanations: z
        .array(
          z.strictObject({
            stepId: z.string().max(64),
            state: z.enum(STATE_IDS).nullable(),
            helped: z.number().int().min(0),
            aBit: z.number().int().min(0),
            answered: z.number().int().min(0),
          }),
        )
        .max(100),
    }),
  ),
  /**
   * History shows each check-in with its follow-up: for the check-ins on a page,
   * the answer that counts (the latest). Looked up in main, where every entry is.
   */
  'checkin.answers': channel(
    z.strictObject({ checkInIds: z.array(z.string().max(64)).max(ANSWERS_MAX) }),
    z.strictObject({
      answers: z
        .array(
          z.strictObject({
            checkInId: z.string().max(64),
            outcome: z.enum(OUTCOME_IDS),
            instead: z.string().max(TEXT_LIMITS.instead).optional(),
          }),
        )
        .max(ANSWERS_MAX),
    }),
  ),
} as const;
