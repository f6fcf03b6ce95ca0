import type { CrisisData, CrisisEntry } from './crisis-schema';

/**
 * The crisis data's fixed vocabularies and the small decisions on them, kept
 * apart from the zod schema so the renderer can use them without shipping zod.
 */

/** ISO 3166-1 alpha-2 'ZZ' (user-assigned) marks the international directory. */
export const INTERNATIONAL = 'ZZ';

export const CATEGORIES = ['emergency', 'crisis-line', 'directory'] as const;
export const KINDS = ['call', 'text', 'chat', 'web'] as const;
export const SCOPES = ['national', 'regional', 'international'] as const;
export const STATUSES = ['verified', 'verified-secondary'] as const;

/** The ISO date an entry's facts date from: its own source date, else the file's verified-on date. */
export const entryDate = (entry: CrisisEntry, data: Pick<CrisisData, 'verifiedAt'>): string =>
  (entry.sourceDate ?? data.verifiedAt).slice(0, 10);
