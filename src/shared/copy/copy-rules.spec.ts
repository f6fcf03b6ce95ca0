import { describe, expect, test } from 'vitest';

import * as copy from './index';

/**
 * The copy guide's "Never" list as a test. Every string in the copy module —
 * including the ones built by functions, called here with a placeholder — is
 * checked with word boundaries.
 */
const NEVER = [
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
];

/**
 * Allowed phrases, each with why:
 * - "just now": time, not minimising ("Couldn't save just now" is the guide's own example).
 * - "should have / could have": names the withdrawal state's inner voice, in quotes, as the brief does;
 *   it describes a protective response, never tells the person what to do.
 * - "not a diagnosis": the summary's footer says plainly that it is NOT one.
 */
const ALLOWED = [/\bjust now\b/gi, /[“"‘']should have[^”"’']*[”"’']/gi, /\bnot a diagnosis\b/gi];

const collect = (value: unknown, path: string, out: [string, string][]): void => {
  if (typeof value === 'string') out.push([path, value]);
  else if (typeof value === 'function') {
    // Every branch a count can take (none, one, two, many; equal and unequal pairs) and text arguments.
    // A fraction (0.5, 1.5) reaches the plural rules' "other" for a count that is not whole.
    const samples: unknown[][] = [
      ['X', 'Y', 3],
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 5, 'X', true],
      [4, 4, 'X', false],
      [90, 120],
      [3600],
      [0.5, 1.5],
    ];
    // A sample of the wrong type for this function is skipped; at least one must fit.
    let fitted = 0;
    samples.forEach((args, i) => {
      let text: unknown;
      try {
        text = (value as (...a: unknown[]) => unknown)(...args);
      } catch {
        return;
      }
      fitted += 1;
      collect(text, `${path}(#${i})`, out);
    });
    if (fitted === 0) out.push([`${path}()`, 'NO SAMPLE FITTED THIS FUNCTION']);
  } else if (Array.isArray(value)) value.forEach((v, i) => collect(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, `${path}.${k}`, out);
};

const strings: [string, string][] = [];
collect(copy, 'copy', strings);

describe('copy rules', () => {
  test('the copy module has text to check', () => {
    expect(strings.length).toBeGreaterThan(20);
  });

  test.each(NEVER)('never says "%s"', (word) => {
    const pattern = new RegExp(`\\b${word.replace(/ /g, '\\s+')}\\b`, 'i');
    const hits = strings
      .map(([path, text]) => [path, ALLOWED.reduce((t, allowed) => t.replace(allowed, ''), text)] as const)
      .filter(([, text]) => pattern.test(text))
      .map(([path]) => path);
    expect(hits).toEqual([]);
  });

  test('every copy function was checked with at least one fitting sample', () => {
    expect(strings.filter(([, text]) => text === 'NO SAMPLE FITTED THIS FUNCTION').map(([p]) => p)).toEqual([]);
  });

  test('a count of one is never followed by a plural noun ("1 seconds"): counts go through plural()', () => {
    // "1 is already your shortcut": a verb after the one is fine.
    expect(strings.filter(([, text]) => /\b1 (?!is\b|was\b|has\b)[a-z-]+s\b/i.test(text)).map(([p, text]) => `${p}: ${text}`)).toEqual([]);
  });

  test('no exclamation marks (no urgency or alarm)', () => {
    expect(strings.filter(([, text]) => text.includes('!')).map(([p]) => p)).toEqual([]);
  });

  test('the checker catches a banned word and honours only its allow-list (so the test can fail)', () => {
    const found = (text: string) =>
      NEVER.filter((word) => new RegExp(`\\b${word.replace(/ /g, '\\s+')}\\b`, 'i').test(ALLOWED.reduce((t, a) => t.replace(a, ''), text)));
    expect(found('Just breathe.')).toEqual(['just']);
    expect(found('You should try harder.')).toEqual(['should']);
    expect(found('This will heal you.')).toEqual(['heal']);
    expect(found('Couldn’t save just now.')).toEqual([]);
    expect(found('Adjust the time.')).toEqual([]);
  });
});
