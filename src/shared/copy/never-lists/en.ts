import type { NeverList } from './never-list';

/** English, the copy guide's own list. */
export default {
  never: [
    'should',
    'must',
    'have to',
    'has to',
    'failed',
    'failure',
    'missed',
    'behind',
    'streak',
    'broken',
    'weak',
    'lazy',
    'overreacting',
    'calm down',
    'just',
    'simply',
    'be kind to yourself',
    'love yourself',
    'stay positive',
    'you will be fine',
    'in a row',
    'badge',
    'score',
    'close your eyes',
    'hold your breath',
    // No clinical claims or diagnoses.
    'heal',
    'cure',
    'diagnosis',
    'disorder',
    'symptom',
    'treatment',
  ],
  allowed: [
    // Time, not minimising ("Couldn't save just now" is the guide's own example).
    /\bjust now\b/gi,
    // Names the withdrawal state's inner voice, in quotes, as the brief does; never tells the person what to do.
    /[“"‘']should have[^”"’']*[”"’']/gi,
    // The summary's footer says plainly that it is NOT one.
    /\bnot a diagnosis\b/gi,
  ],
} satisfies NeverList;
