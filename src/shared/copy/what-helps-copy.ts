import type { StateId } from '../entry-ids';
import { plural } from './plural';

/**
 * Words for the personal "what helps me" map. Counts are told as the person's
 * own record ("helped you 4 of 5 times"), never as a rate, a grade or a
 * comparison; a thin history is named as normal, not as something owed.
 */
const times = (count: number): string => plural(count, { one: 'once', other: '# times' });

export const whatHelpsCopy = {
  /** Finishes "Helped you 4 of 5 times …", naming the state the way the check-in does ("What is present"). */
  whenState: {
    fight: 'when fight was present',
    flight: 'when flight was present',
    freeze: 'when freeze was present',
    fawn: 'when fawn was present',
    withdrawal: 'when withdrawal was present',
    settled: 'when you felt settled',
    'not-sure': 'when it was hard to tell',
  } satisfies Record<StateId, string>,
  /**
   * "Helped you 4 of 5 times when freeze was present." `helped` counts "it helped" and
   * "a bit" together; `atLeastABit` says so when any of them were "a bit".
   */
  explain: (helped: number, of: number, when = '', atLeastABit = false): string => {
    const lead = atLeastABit ? 'Helped you at least a bit' : 'Helped you';
    const how =
      helped !== of
        ? `${helped} of ${plural(of, { one: '# time', other: '# times' })}`
        : of === 1
          ? 'the one time you tried it'
          : of === 2
            ? 'both times you tried it'
            : `each of the ${of} times you tried it`;
    return `${lead} ${how}${when ? ` ${when}` : ''}.`;
  },
  /** For a table row in insights: plain counts per answer. */
  countLabel: {
    helped: (count: number) => `Helped: ${times(count)}`,
    'a-bit': (count: number) => `A bit: ${times(count)}`,
    'not-really': (count: number) => `Not really: ${times(count)}`,
    'did-not-get-to-it': (count: number) => `Didn’t get to it: ${times(count)}`,
    'no-follow-up': (count: number) => `No answer yet: ${times(count)}`,
  },
  /** The person's own step, marked as theirs (their words follow, as they wrote them). */
  ownStep: 'Your own step',
  /** When there are too few answers to see what helps. */
  notYet: {
    heading: 'Nothing to show here yet',
    body: 'After a small step, Attune can ask later whether it helped. Over time, your answers show what tends to help you. There is no right amount.',
  },
  /** For a suggestion with no history behind it: nothing is implied about the person. */
  builtIn: 'A starting idea',
} as const;
