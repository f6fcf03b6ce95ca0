import { afterAll, describe, expect, test } from 'vitest';

import { useEnglishNow } from '../i18n/english-now';
import { type Namespace, NAMESPACES, WRITTEN_LOCALES } from '../i18n/generated/locales';
import { loadNamespaces } from '../i18n/load-messages';
import { useMessageSource } from '../i18n/messages';
import * as copy from './index';

/**
 * The copy guide's "Never" list as a test, in every language Attune has.
 * Every string in the copy module — including the ones built by functions,
 * called here with a placeholder — is read through the live views in each
 * language in turn and checked with word boundaries.
 */
type WrittenLocale = (typeof WRITTEN_LOCALES)[number];

const ENGLISH_NEVER = [
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
 * Each language's own never-list: the guide's list carried over by meaning
 * (shame, pressure, urgency, countdowns, clinical labels), not word for
 * word. A language without a list here fails the type check.
 */
const NEVER: Record<WrittenLocale, string[]> = {
  en: ENGLISH_NEVER,
};

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

const ALL: readonly Namespace[] = NAMESPACES;
const stringsIn = async (locale: WrittenLocale): Promise<[string, string][]> => {
  useMessageSource({ locale, catalogue: await loadNamespaces(locale, ALL) });
  const out: [string, string][] = [];
  collect(copy, 'copy', out);
  return out;
};
const byLocale = new Map<WrittenLocale, [string, string][]>();
for (const locale of WRITTEN_LOCALES) byLocale.set(locale, await stringsIn(locale));
useEnglishNow();
afterAll(() => useEnglishNow());
const strings = byLocale.get('en') ?? [];

describe.each(WRITTEN_LOCALES)('copy rules (%s)', (locale) => {
  const found = byLocale.get(locale) ?? [];

  test('every language has text to check, as much as English', () => {
    expect(found.length).toBeGreaterThan(20);
    expect(found.length).toBe(strings.length);
  });

  test.each(NEVER[locale])('never says "%s"', (word) => {
    // Whole words where words are spaced; Japanese and Chinese have no spaces, so there any occurrence counts.
    const spaced = !/[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]/u.test(word);
    const body = word.replace(/ /g, '\\s+');
    const pattern = new RegExp(spaced ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])` : body, 'iu');
    const hits = found
      .map(([path, text]) => [path, ALLOWED.reduce((t, allowed) => t.replace(allowed, ''), text)] as const)
      .filter(([, text]) => pattern.test(text))
      .map(([path]) => path);
    expect(hits).toEqual([]);
  });

  test('no exclamation marks (no urgency or alarm)', () => {
    expect(found.filter(([, text]) => text.includes('!') || text.includes('！')).map(([p]) => p)).toEqual([]);
  });
});

describe('copy rules', () => {
  test('the copy module has text to check', () => {
    expect(strings.length).toBeGreaterThan(20);
  });

  test('every copy function was checked with at least one fitting sample', () => {
    expect(strings.filter(([, text]) => text === 'NO SAMPLE FITTED THIS FUNCTION').map(([p]) => p)).toEqual([]);
  });

  test('a count of one is never followed by a plural noun ("1 seconds"): counts go through plural()', () => {
    // "1 is already your shortcut": a verb after the one is fine.
    expect(strings.filter(([, text]) => /\b1 (?!is\b|was\b|has\b)[a-z-]+s\b/i.test(text)).map(([p, text]) => `${p}: ${text}`)).toEqual([]);
  });

  test('the checker catches a banned word and honours only its allow-list (so the test can fail)', () => {
    const found = (text: string) =>
      ENGLISH_NEVER.filter((word) =>
        new RegExp(`\\b${word.replace(/ /g, '\\s+')}\\b`, 'i').test(ALLOWED.reduce((t, a) => t.replace(a, ''), text)),
      );
    expect(found('Just breathe.')).toEqual(['just']);
    expect(found('You should try harder.')).toEqual(['should']);
    expect(found('This will heal you.')).toEqual(['heal']);
    expect(found('Couldn’t save just now.')).toEqual([]);
    expect(found('Adjust the time.')).toEqual([]);
  });
});
