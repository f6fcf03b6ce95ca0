// The attribute lets plain Node ESM (Playwright specs, the harness) load it too; Vite and Vitest accept it.
import raw from '../data/crisis-lines.json' with { type: 'json' };
import { type CrisisData, crisisDataSchema } from './crisis-schema';

export type CrisisDataResult = { ok: true; data: CrisisData } | { ok: false; issues: string[] };

/** Validates crisis data; never throws, so the help screen can always render something. */
export const parseCrisisData = (input: unknown): CrisisDataResult => {
  const parsed = crisisDataSchema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
};

const shipped = parseCrisisData(raw);

/**
 * The crisis lines that ship with Attune, validated. The specs prove the shipped
 * file parses; if it ever did not, this is an empty list, and the help screen
 * still shows the plain statement and the emergency-number advice.
 */
export const crisisData: CrisisData = shipped.ok ? shipped.data : { verifiedAt: '', note: '', entries: [] };

/** False only if the shipped file failed validation (kept for the view and for a test). */
export const crisisDataLoaded: boolean = shipped.ok;
