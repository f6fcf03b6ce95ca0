import { z } from 'zod';

import { CAPACITY_MAX, CAPACITY_MIN, NEED_IDS, STATE_IDS, TEXT_LIMITS } from '../entry-ids';
import { channel } from './channel';

/**
 * Insights and the therapist summary. Main reads the history and computes;
 * the window only ever gets the computed, counted result (never the entries
 * themselves), and a summary file is written by main where the person picks
 * in main's own save dialog.
 */

/** 1 Jan 2200: far enough for any real history, near enough that no period can ask main for millions of buckets. */
export const INSIGHTS_LATEST_MS = Date.UTC(2200, 0, 1);
const epochMs = z.number().int().min(0).max(INSIGHTS_LATEST_MS);
const count = z.number().int().min(0).max(100_000_000);
const dayKey = z.string().regex(/^\d{4,6}-\d{2}-\d{2}$/);

export const TIME_BLOCK_IDS = ['night', 'morning', 'afternoon', 'evening'] as const;
export type TimeBlockId = (typeof TIME_BLOCK_IDS)[number];

/** [weekday row Monday…Sunday][time-of-day column night…evening] → check-ins there. */
const weekGrid = z.array(z.array(count).length(TIME_BLOCK_IDS.length)).length(7);

const outcomeCounts = z.strictObject({
  helped: count,
  'a-bit': count,
  'not-really': count,
  'did-not-get-to-it': count,
  'no-follow-up': count,
});

/** Built-in steps by id; the person's own step keyed "own:" + its normalised words, shown as they last wrote it. */
const whatHelpedStep = z.strictObject({
  key: z
    .string()
    .min(1)
    .max(TEXT_LIMITS.stepText * 2 + 16),
  stepId: z.string().max(TEXT_LIMITS.stepId).nullable(),
  ownText: z.string().max(TEXT_LIMITS.stepText).nullable(),
  counts: outcomeCounts,
  answered: count,
});

/** The insights view asks for at most this many steps per state (computeInsights' default is 5). */
const MAX_STEPS_LISTED = 20;
/** Monthly buckets from 1970 to 2200, with room to spare. */
const MAX_CAPACITY_POINTS = 3000;

export const insightsSchema = z.strictObject({
  period: z.strictObject({ from: epochMs, to: epochMs, firstDay: dayKey, lastDay: dayKey }),
  /** Neutral counts of what happened: never rates, never compared with another period. */
  totals: z.strictObject({ checkIns: count, stepsChosen: count, followUps: count }),
  flags: z.strictObject({
    empty: z.boolean(),
    sparse: z.boolean(),
    noStates: z.boolean(),
    noNeeds: z.boolean(),
    noCapacity: z.boolean(),
    whatHelpsNotYet: z.boolean(),
  }),
  statesWhen: z.strictObject({
    blocks: z.array(z.enum(TIME_BLOCK_IDS)).length(TIME_BLOCK_IDS.length).readonly(),
    weekdays: z.array(z.number().int().min(1).max(7)).length(7).readonly(),
    checkIns: weekGrid,
    byState: z.array(z.strictObject({ state: z.enum(STATE_IDS), total: count, cells: weekGrid })).max(STATE_IDS.length),
    max: count,
  }),
  statesNamed: z.array(z.strictObject({ state: z.enum(STATE_IDS), count })).max(STATE_IDS.length),
  needsNamed: z.array(z.strictObject({ need: z.enum(NEED_IDS), count })).max(NEED_IDS.length),
  whatHelped: z
    .array(z.strictObject({ state: z.enum(STATE_IDS), answered: count, steps: z.array(whatHelpedStep).max(MAX_STEPS_LISTED) }))
    .max(STATE_IDS.length),
  whatHelpedOverall: z.array(whatHelpedStep).max(MAX_STEPS_LISTED),
  capacity: z.strictObject({
    bucket: z.enum(['day', 'week', 'month']),
    min: z.literal(CAPACITY_MIN),
    max: z.literal(CAPACITY_MAX),
    /** A bucket with no answer is a gap (mean null), never a zero. */
    points: z
      .array(z.strictObject({ start: dayKey, mean: z.number().min(CAPACITY_MIN).max(CAPACITY_MAX).nullable(), count }))
      .max(MAX_CAPACITY_POINTS),
  }),
});

const include = z.strictObject({ states: z.boolean(), needs: z.boolean(), whatHelped: z.boolean(), notes: z.boolean() });
const summaryPeriod = { from: epochMs, to: epochMs, include };
const fromBeforeTo = (request: { from: number; to: number }) => request.from < request.to;

/** The summary as the file holds it (label/value rows): the window shows this as the preview. */
const summaryText = z.string().max(4000);
export const summaryModelSchema = z.strictObject({
  lang: z.string().max(35),
  title: summaryText,
  period: summaryText,
  overview: summaryText,
  sections: z
    .array(
      z.strictObject({
        id: z.enum(['states', 'needs', 'what-helped', 'notes']),
        heading: summaryText,
        intro: summaryText,
        groups: z
          .array(
            z.strictObject({
              heading: summaryText.optional(),
              rows: z
                .array(
                  z.strictObject({
                    label: summaryText,
                    value: summaryText,
                    detail: summaryText.optional(),
                    ownWords: z.boolean().optional(),
                  }),
                )
                .max(200),
            }),
          )
          .max(STATE_IDS.length + 1),
        empty: summaryText.optional(),
        footnote: summaryText.optional(),
      }),
    )
    .max(4),
  footer: summaryText,
});

export const insightsContract = {
  /** Omitted `from`: since the first check-in. Omitted `to`: now. */
  'insights.get': channel(
    z
      .strictObject({ from: epochMs.optional(), to: epochMs.optional() })
      .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to),
    insightsSchema,
  ),
  /**
   * What the summary file would hold, for the preview. As the model, not as HTML: a srcdoc frame inherits
   * the window's CSP (style-src 'self'), which blocks the file's own inline style, so the window draws the
   * same model in its own markup. Both come from one buildTherapistSummary call shape, so they cannot differ.
   */
  'insights.previewSummary': channel(z.strictObject(summaryPeriod).refine(fromBeforeTo), z.strictObject({ model: summaryModelSchema })),
  'insights.saveSummary': channel(
    z
      .strictObject({
        ...summaryPeriod,
        /** The person confirmed that the file will be readable by anyone who opens it. */
        confirmPlaintext: z.literal(true),
      })
      .refine(fromBeforeTo),
    z.discriminatedUnion('saved', [
      z.strictObject({ saved: z.literal(true), path: z.string().max(4096), count }),
      z.strictObject({ saved: z.literal(false) }),
    ]),
  ),
} as const;
