// The attribute lets plain Node ESM (Playwright specs, the harness) load it too; Vite and Vitest accept it.
import raw from '../data/crisis-lines.json' with { type: 'json' };
import type { CrisisData } from './crisis-schema';

/**
 * The crisis lines that ship with Attune. The file is fixed at build time, so
 * it is validated against the schema by the specs (crisis-data.spec), not in
 * the app: zod in the renderer would triple the popover's bundle, and its
 * start-up probe for `new Function` is refused by the CSP and reported as a
 * violation. If the list were ever empty, the help screen still shows the
 * plain statement and the emergency-number advice.
 */
export const crisisData = raw as unknown as CrisisData;

/** False only if the shipped file holds no entries (kept for the view and for a test). */
export const crisisDataLoaded: boolean = crisisData.entries.length > 0;
