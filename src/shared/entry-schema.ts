import { z } from 'zod';

import { CAPACITY_MAX, CAPACITY_MIN, DRIVER_IDS, NEED_IDS, OUTCOME_IDS, STATE_IDS, TEXT_LIMITS } from './entry-ids';

export * from './entry-ids';

/**
 * What a check-in and a follow-up hold. Ids, not words, are stored, so the
 * wording in the copy module can change (or be translated) without touching
 * history. Free text is bounded so a stuck key cannot grow the vault forever.
 */
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, 'Each choice can appear once.');

const trimmedText = (max: number) => z.string().max(max);

export const checkInDataSchema = z.strictObject({
  states: uniqueList(z.enum(STATE_IDS), STATE_IDS.length),
  driver: z.enum(DRIVER_IDS).optional(),
  capacity: z.number().int().min(CAPACITY_MIN).max(CAPACITY_MAX).optional(),
  needs: uniqueList(z.enum(NEED_IDS), NEED_IDS.length),
  needText: trimmedText(TEXT_LIMITS.needText).optional(),
  step: z
    .strictObject({
      id: z
        .string()
        .regex(/^[a-z0-9-]+$/)
        .max(TEXT_LIMITS.stepId)
        .optional(),
      text: trimmedText(TEXT_LIMITS.stepText),
    })
    .optional(),
  note: trimmedText(TEXT_LIMITS.note).optional(),
});

export const followUpDataSchema = z.strictObject({
  checkInId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  outcome: z.enum(OUTCOME_IDS),
  instead: trimmedText(TEXT_LIMITS.instead).optional(),
});

export const entryInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('check-in'), data: checkInDataSchema }),
  z.strictObject({ kind: z.literal('follow-up'), data: followUpDataSchema }),
]);

/** When an entry happened: UTC epoch ms and the local offset then. */
const entryMeta = {
  id: z.string(),
  /** UTC epoch milliseconds. */
  at: z.number().int(),
  /** Minutes east of UTC at `at` (e.g. +60 for CET), so history never shifts with the timezone. */
  offsetMinutes: z
    .number()
    .int()
    .min(-14 * 60)
    .max(14 * 60),
};

/**
 * A stored entry: the input plus when it happened. One union of whole
 * objects rather than an intersection of the input with the time: the same
 * entries pass and fail (unknown top-level keys are dropped, `data` stays
 * strict), and it is checked about twice as fast, which every unlock and
 * every record sync reads pays for.
 */
export const entrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('check-in'), data: checkInDataSchema, ...entryMeta }),
  z.object({ kind: z.literal('follow-up'), data: followUpDataSchema, ...entryMeta }),
]);

export type CheckInData = z.infer<typeof checkInDataSchema>;
export type FollowUpData = z.infer<typeof followUpDataSchema>;
export type EntryInput = z.infer<typeof entryInputSchema>;
export type Entry = z.infer<typeof entrySchema>;
