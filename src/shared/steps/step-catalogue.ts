import type { NeedId, StateId } from '../entry-schema';

/**
 * Built-in small steps: tolerable, concrete, under five minutes, never
 * breath-holding or eyes-closed-only. Each says which needs it serves and, where
 * it matters, which states it suits or does not.
 */
export interface SmallStep {
  /** Its words are in the copy module: stepCopy[id]. */
  id: string;
  needs: readonly NeedId[];
  /** States this step suits especially well (ranked first among equals). */
  suits?: readonly StateId[];
}

export const STEP_CATALOGUE: readonly SmallStep[] = [
  { id: 'name-five-things', needs: ['safety', 'quiet'], suits: ['freeze', 'flight', 'not-sure'] },
  { id: 'feet-on-floor', needs: ['safety', 'comfort'], suits: ['freeze', 'flight', 'fight'] },
  { id: 'check-the-exits', needs: ['safety', 'space'], suits: ['fight', 'flight', 'freeze'] },
  { id: 'say-struggling', needs: ['comfort', 'safety'], suits: ['withdrawal', 'not-sure'] },
  { id: 'rest-without-explaining', needs: ['rest'], suits: ['withdrawal', 'fawn', 'settled'] },
  { id: 'step-away-screen', needs: ['rest', 'quiet', 'space', 'movement'] },
  { id: 'message-someone-safe', needs: ['connection', 'help'], suits: ['withdrawal', 'freeze'] },
  { id: 'ask-for-one-thing', needs: ['help', 'connection'], suits: ['fawn'] },
  { id: 'one-small-no', needs: ['space'], suits: ['fawn'] },
  { id: 'close-the-door', needs: ['space', 'quiet'], suits: ['fight', 'flight'] },
  { id: 'stretch-or-shake', needs: ['movement'], suits: ['fight', 'freeze'] },
  { id: 'short-walk', needs: ['movement', 'space'], suits: ['flight', 'fight'] },
  { id: 'drink-water', needs: ['food-water', 'comfort'] },
  { id: 'small-snack', needs: ['food-water'] },
  { id: 'warm-something', needs: ['comfort', 'safety'], suits: ['freeze', 'withdrawal'] },
  { id: 'lower-the-input', needs: ['quiet'], suits: ['flight', 'fight'] },
  { id: 'look-at-something-neutral', needs: ['quiet', 'safety'], suits: ['flight', 'not-sure'] },
  { id: 'write-one-line', needs: ['something-else', 'comfort'], suits: ['not-sure', 'settled'] },
  { id: 'notice-what-is-okay', needs: ['safety', 'comfort', 'something-else'], suits: ['settled', 'not-sure'] },
];

export const stepById = (id: string): SmallStep | undefined => STEP_CATALOGUE.find((step) => step.id === id);
