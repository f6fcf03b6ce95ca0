import type { Entry } from '../../shared/entry-schema';

export type CheckInEntry = Extract<Entry, { kind: 'check-in' }>;
export type FollowUpEntry = Extract<Entry, { kind: 'follow-up' }>;

/**
 * The answer that counts for each check-in id: the latest follow-up (by time;
 * on a tie, the one listed later). A person may answer again after thinking
 * it over — reattunement — and the newer answer is the truer one.
 *
 * Callers walk the check-ins and look their answers up here, so a follow-up
 * whose check-in is gone (deleted: the vault applies tombstones before we see
 * the list) is never looked up and leaves no trace in any insight.
 */
export const latestAnswers = (entries: readonly Entry[]): Map<string, FollowUpEntry> => {
  const latest = new Map<string, FollowUpEntry>();
  for (const entry of entries) {
    if (entry.kind !== 'follow-up') continue;
    const id = entry.data.checkInId;
    const known = latest.get(id);
    if (!known || entry.at >= known.at) latest.set(id, entry);
  }
  return latest;
};
