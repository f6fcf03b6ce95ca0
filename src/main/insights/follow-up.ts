import type { Entry } from '../../shared/entry-schema';
import type { CheckInEntry } from './linked-follow-ups';
import { MINUTE_MS } from './local-time';

/**
 * "Did that help?" — when to ask, decided purely from history and the clock.
 * Never more than one question, never a backlog: the person's newest small
 * step is the only one worth asking about. An older step with no answer
 * expires quietly — nothing is said about it, and nothing is counted against
 * anyone.
 */

export interface FollowUpSettings {
  /** Minutes after the check-in before asking; null = follow-ups are off. */
  delayMinutes: number | null;
  /** After this many minutes from the check-in, the question is let go. */
  expireAfterMinutes: number;
}

/**
 * 20 minutes: long enough to have taken a small step, short enough to
 * remember it. Asked within 12 hours, or not at all: a question the next
 * morning about yesterday's step reads as homework.
 */
export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = { delayMinutes: 20, expireAfterMinutes: 12 * 60 };

/** A step, by its words: an empty step has nothing to ask about. */
const hasStep = (entry: CheckInEntry): boolean => (entry.data.step?.text.trim() ?? '') !== '' || Boolean(entry.data.step?.id);

/**
 * The one check-in a question could be about: the newest check-in that chose
 * a step. A later step supersedes an earlier unanswered one (the person has
 * moved on; asking about both would pile up), and a later check-in without
 * a step does not (it says nothing about the earlier step). Ties at the same
 * instant: the one listed later.
 */
const newestWithStep = (entries: readonly Entry[]): CheckInEntry | null => {
  let newest: CheckInEntry | null = null;
  for (const entry of entries) if (entry.kind === 'check-in' && hasStep(entry) && (!newest || entry.at >= newest.at)) newest = entry;
  return newest;
};

const isAnswered = (entries: readonly Entry[], checkInId: string): boolean =>
  entries.some((entry) => entry.kind === 'follow-up' && entry.data.checkInId === checkInId);

type Window = { dueAt: number; expiresAt: number };

const windowOf = (checkIn: CheckInEntry, settings: FollowUpSettings): Window | null => {
  if (settings.delayMinutes === null) return null;
  const dueAt = checkIn.at + Math.max(0, settings.delayMinutes) * MINUTE_MS;
  const expiresAt = checkIn.at + settings.expireAfterMinutes * MINUTE_MS;
  return dueAt < expiresAt ? { dueAt, expiresAt } : null;
};

/**
 * Pure: the ONE check-in to ask about now, or null. Eligible = the newest
 * check-in with a step, not yet answered, at least `delayMinutes` old and
 * younger than `expireAfterMinutes`. A clock set back (check-in "in the
 * future") is not due yet.
 */
export const pendingFollowUp = (entries: readonly Entry[], now: number, settings: FollowUpSettings): CheckInEntry | null => {
  const candidate = newestWithStep(entries);
  if (!candidate) return null;
  const window = windowOf(candidate, settings);
  if (!window || now < window.dueAt || now >= window.expiresAt) return null;
  return isAnswered(entries, candidate.id) ? null : candidate;
};

/**
 * Pure: when the next question becomes due (UTC ms), for the one timer that
 * offers it as a notification — or null when nothing is waiting. Already due
 * now → `now`.
 */
export const nextFollowUpAt = (entries: readonly Entry[], now: number, settings: FollowUpSettings): number | null => {
  const candidate = newestWithStep(entries);
  if (!candidate) return null;
  const window = windowOf(candidate, settings);
  if (!window || now >= window.expiresAt || isAnswered(entries, candidate.id)) return null;
  return Math.max(now, window.dueAt);
};
