/**
 * The ids a check-in is made of, without the validator, so the renderer can
 * use them without bundling zod (entry-schema.ts builds the schemas from these).
 */
export const STATE_IDS = ['fight', 'flight', 'freeze', 'fawn', 'withdrawal', 'settled', 'not-sure'] as const;
export const DRIVER_IDS = ['reacting', 'observing'] as const;
export const NEED_IDS = [
  'safety',
  'rest',
  'space',
  'connection',
  'movement',
  'food-water',
  'comfort',
  'quiet',
  'help',
  'something-else',
] as const;
export const OUTCOME_IDS = ['helped', 'a-bit', 'not-really', 'did-not-get-to-it'] as const;
export const CAPACITY_MIN = 1;
export const CAPACITY_MAX = 5;

export const TEXT_LIMITS = { needText: 500, stepText: 280, stepId: 64, note: 2000, instead: 1000 } as const;

export type StateId = (typeof STATE_IDS)[number];
export type DriverId = (typeof DRIVER_IDS)[number];
export type NeedId = (typeof NEED_IDS)[number];
export type OutcomeId = (typeof OUTCOME_IDS)[number];
