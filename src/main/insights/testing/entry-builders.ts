import type { CheckInData, Entry, OutcomeId } from '../../../shared/entry-schema';

/** Terse constructors for hand-built histories in specs. Times are UTC ms; offsets default to UTC. */
export const T0 = Date.UTC(2026, 2, 2, 9, 0); // Monday 2 March 2026, 09:00 UTC
export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export const checkIn = (id: string, at: number, data: Partial<CheckInData> = {}, offsetMinutes = 0): Entry => ({
  id,
  at,
  offsetMinutes,
  kind: 'check-in',
  data: { states: [], needs: [], ...data },
});

export const followUp = (id: string, checkInId: string, at: number, outcome: OutcomeId, instead?: string, offsetMinutes = 0): Entry => ({
  id,
  at,
  offsetMinutes,
  kind: 'follow-up',
  data: { checkInId, outcome, ...(instead === undefined ? {} : { instead }) },
});

/** A check-in that chose a step and its answer 30 minutes later (ids derived from `n`). */
export const tried = (n: number, at: number, data: Partial<CheckInData>, outcome: OutcomeId | null): Entry[] => {
  const id = `check${String(n).padStart(5, '0')}`;
  const entries = [checkIn(id, at, data)];
  if (outcome) entries.push(followUp(`answer${String(n).padStart(5, '0')}`, id, at + 30 * MIN, outcome));
  return entries;
};
