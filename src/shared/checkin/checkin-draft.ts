import { stepCopy } from '../copy/checkin-copy';
import { type DriverId, type NeedId, type StateId, TEXT_LIMITS } from '../entry-ids';
import type { CheckInData, EntryInput } from '../entry-schema';

/** What the check-in holds while someone is choosing. Lives only in memory until saved. */
export interface CheckInDraft {
  states: StateId[];
  driver: DriverId | null;
  capacity: 1 | 2 | 3 | 4 | 5 | null;
  needs: NeedId[];
  needText: string;
  /** A built-in step id, 'own' for the person's own words, or null. */
  step: string | null;
  ownStep: string;
  note: string;
}

export const OWN_STEP = 'own';

export const emptyDraft = (): CheckInDraft => ({
  states: [],
  driver: null,
  capacity: null,
  needs: [],
  needText: '',
  step: null,
  ownStep: '',
  note: '',
});

const clean = (text: string, max: number): string | undefined => {
  const trimmed = text.trim().slice(0, max);
  return trimmed === '' ? undefined : trimmed;
};

/**
 * Pure: the entry to save, or null when nothing was chosen or written — an
 * empty check-in is not stored (and the person is told that is okay).
 * The step's words are stored with its id, so history reads the same even if
 * the built-in wording changes later.
 */
export const draftToEntry = (draft: CheckInDraft): EntryInput | null => {
  const data: CheckInData = { states: [...draft.states], needs: [...draft.needs] };
  if (draft.driver) data.driver = draft.driver;
  if (draft.capacity) data.capacity = draft.capacity;
  const needText = clean(draft.needText, TEXT_LIMITS.needText);
  if (needText) data.needText = needText;
  if (draft.step === OWN_STEP) {
    const text = clean(draft.ownStep, TEXT_LIMITS.stepText);
    if (text) data.step = { text };
  } else if (draft.step && stepCopy[draft.step]) {
    data.step = { id: draft.step, text: stepCopy[draft.step] as string };
  }
  const note = clean(draft.note, TEXT_LIMITS.note);
  if (note) data.note = note;
  const empty = data.states.length === 0 && data.needs.length === 0 && Object.keys(data).length === 2;
  return empty ? null : { kind: 'check-in', data };
};

export const toggle = <T>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

/** The draft holds words the person typed (their own need, step or note), not only choices. */
export const hasTypedWords = (draft: CheckInDraft): boolean =>
  [draft.needText, draft.ownStep, draft.note].some((text) => text.trim() !== '');
