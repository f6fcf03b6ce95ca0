import type { OutcomeId } from '../../../src/shared/entry-ids';

/**
 * The model of "did that help?" and reattunement in the popover: an earlier
 * check-in's step waits as a card on the first screen; its question, its one
 * saved answer, and — after "A bit" or "Not really" — another small step now,
 * with the earlier answers filled in and the tried step listed last. The
 * oracle the follow-up model test compares the page against.
 */
export type FuScreen = 'first' | 'need' | 'step' | 'question' | 'offer' | 'help' | 'closed';

/** The earlier check-in the question is about (what the sequence started with). */
export interface Earlier {
  states: string[];
  needs: string[];
  /** A built-in step's id, or null for the person's own words. */
  stepId: string | null;
  stepText: string;
}

export interface SavedAnswer {
  outcome: OutcomeId;
  instead?: string;
}

export interface FollowUpModel {
  earlier: Earlier;
  screen: FuScreen;
  beforeHelp: FuScreen;
  /** The question is still open: not answered, not let go ("Not now"). */
  open: boolean;
  /** The answer being given (kept across help, back and Esc). */
  outcome: OutcomeId | null;
  instead: string;
  /** Every follow-up record the vault should hold. */
  saved: SavedAnswer[];
  /** The first screen's checked states, and the need screen's needs. */
  states: string[];
  needs: string[];
  /** "Try another" put the tried step last (a built-in step id). */
  tried: string | null;
  steps: number;
  trace: string[];
}

export const initialFollowUpModel = (earlier: Earlier): FollowUpModel => ({
  earlier,
  screen: 'first',
  beforeHelp: 'first',
  open: true,
  outcome: null,
  instead: '',
  saved: [],
  states: [],
  needs: [],
  tried: null,
  steps: 0,
  trace: [],
});

export const offersAnother = (outcome: OutcomeId): boolean => outcome === 'a-bit' || outcome === 'not-really';

/** The card shows on the first screen while the question is open. */
export const cardShown = (m: Readonly<FollowUpModel>): boolean => m.screen === 'first' && m.open;

const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];

export const ask = (m: FollowUpModel): void => {
  m.screen = 'question';
};

/** "Not now" on the card or the question: let go for this run of Attune. */
export const letGo = (m: FollowUpModel): void => {
  m.open = false;
  m.screen = 'first';
};

export const save = (m: FollowUpModel): void => {
  if (m.outcome === null) return;
  const words = m.outcome === 'helped' ? '' : m.instead.trim();
  m.saved.push({ outcome: m.outcome, ...(words ? { instead: words } : {}) });
  m.open = false;
  m.screen = offersAnother(m.outcome) ? 'offer' : 'first';
};

export const tryAnother = (m: FollowUpModel): void => {
  m.states = union(m.states, m.earlier.states);
  m.needs = union(m.needs, m.earlier.needs);
  m.tried = m.earlier.stepId;
  m.screen = 'step';
};

export const back = (m: FollowUpModel): void => {
  if (m.screen === 'step') m.screen = 'need';
  else if (m.screen === 'need') m.screen = 'first';
};

export const goOn = (m: FollowUpModel): void => {
  if (m.screen === 'first') m.screen = 'need';
  else if (m.screen === 'need') m.screen = 'step';
};

export const openHelp = (m: FollowUpModel): void => {
  m.beforeHelp = m.screen;
  m.screen = 'help';
};

export const helpBack = (m: FollowUpModel): void => {
  m.screen = m.beforeHelp;
};

/** Esc: nothing typed in the check-in here, so its draft goes; an unanswered question waits with its answer. */
export const escape = (m: FollowUpModel): void => {
  m.screen = 'closed';
  m.states = [];
  m.needs = [];
  m.tried = null;
};

export const reopen = (m: FollowUpModel): void => {
  m.screen = 'first';
};
