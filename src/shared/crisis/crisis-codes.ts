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

/**
 * The ISO date an entry's facts date from, as precisely as its source says
 * ("2024-11-04", "2022-09" or "2023"): its own source date without any note,
 * else the file's verified-on date.
 */
export const entryDate = (entry: CrisisEntry, data: Pick<CrisisData, 'verifiedAt'>): string =>
  /^\d{4}(?:-\d{2}){0,2}/.exec(entry.sourceDate ?? data.verifiedAt)?.[0] ?? data.verifiedAt;
