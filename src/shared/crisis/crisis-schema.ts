import { z } from 'zod';

import { CATEGORIES, KINDS, SCOPES, STATUSES } from './crisis-codes';

/**
 * The shape of `src/shared/data/crisis-lines.json` (copied from ../shared/data).
 * Every entry carries where its facts were read (`sourceUrl`, `sourceSays`) and,
 * where known, when (`sourceDate`); the file carries the date it was checked
 * (`verifiedAt`). The help screen shows that date.
 */

/**
 * When a source dates from, as precisely as it says: "2024-11-04", "2022-09"
 * or "2023" (ISO 8601 reduced precision), optionally followed by a note in
 * brackets: "2024-11-04 (page 'last updated')". Month and day are checked to
 * be real (crisis-data.spec).
 */
const sourceDatePattern = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?(?: \(.+\))?$/;
const sourceDateSchema = z
  .string()
  .regex(sourceDatePattern, 'an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), optionally with a note in brackets');

/** ISO 3166-1 alpha-2; 'ZZ' (user-assigned, INTERNATIONAL) marks the international directory. */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code');

const httpUrlSchema = z.url({ protocol: /^https?$/ });

export const crisisEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  country: countryCodeSchema,
  scope: z.enum(SCOPES),
  /** The part of the country a regional line serves, e.g. "England". */
  region: z.string().min(1).nullable(),
  name: z.string().min(1),
  operator: z.string().min(1).nullable(),
  category: z.enum(CATEGORIES),
  kind: z.enum(KINDS),
  /** A number, short code or URL. */
  contact: z.string().min(1),
  /** Display text: how to reach the line. */
  howTo: z.string().min(1),
  hours: z.string().min(1).nullable(),
  cost: z.string().min(1).nullable(),
  /** BCP 47 language subtags, or null when the sources do not say. */
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).nullable(),
  status: z.enum(STATUSES),
  sourceUrl: httpUrlSchema,
  sourceType: z.string().min(1),
  /** null when the source is undated. */
  sourceDate: sourceDateSchema.nullable(),
  sourceSays: z.string().min(1),
  corroboratingSources: z.array(z.object({ url: httpUrlSchema, says: z.string().min(1) })),
  notes: z.string().min(1).nullable(),
});

export const crisisDataSchema = z.object({
  /** The day the facts were last checked (ISO date). */
  verifiedAt: z.iso.date(),
  note: z.string().min(1),
  entries: z.array(crisisEntrySchema).min(1),
});

export type CrisisEntry = z.infer<typeof crisisEntrySchema>;
export type CrisisData = z.infer<typeof crisisDataSchema>;
export type CrisisCategory = (typeof CATEGORIES)[number];
export type CrisisKind = (typeof KINDS)[number];

export type CrisisDataResult = { ok: true; data: CrisisData } | { ok: false; issues: string[] };

/** Validates crisis data; never throws. The specs run it on the shipped file (see crisis-data.ts for why not the app). */
export const parseCrisisData = (input: unknown): CrisisDataResult => {
  const parsed = crisisDataSchema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
};
