import type { OutcomeId } from '../../../shared/entry-ids';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { bridge } from '../lib/bridge';

/** An earlier check-in whose step may be asked about: "Did that help?" */
export type PendingFollowUp = NonNullable<ResponseOf<'checkin.followUp'>['checkIn']>;

/** Check-ins already asked about while Attune runs: "Not now" means not again this time. */
const asked = new Set<string>();

/** The check-in to ask about now, if main has one due that was not asked about yet. */
export const dueFollowUp = async (): Promise<PendingFollowUp | null> => {
  const result = await bridge().checkin.followUp();
  const checkIn = result.ok ? result.value.checkIn : null;
  return checkIn && !asked.has(checkIn.id) ? checkIn : null;
};

/** Answered or let go: not asked again while Attune runs. */
export const followUpAsked = (id: string): void => void asked.add(id);

/** How "Did that help?" ended: let go for now, answered, or answered and another step wanted now. */
export type FollowUpResult = 'not-now' | 'saved' | 'try-another';

/** "A bit" and "Not really" invite another small step now; "It helped" and "Didn't get to it" do not. */
export const offersAnother = (outcome: OutcomeId): boolean => outcome === 'a-bit' || outcome === 'not-really';

/** The question's answer while it is open: kept across help and back, so nothing chosen or typed is lost. */
export interface FollowUpAnswerDraft {
  outcome: OutcomeId | null;
  instead: string;
  /** A save on its way: help and back remount the screen, and a second Save must wait for it. */
  saving: boolean;
  /** Saved as a record: never saved again, and its card does not come back. */
  saved: boolean;
}

export const freshAnswer = (): FollowUpAnswerDraft => ({ outcome: null, instead: '', saving: false, saved: false });
