/// <reference types="vite/client" />
import { afterAll, describe, expect, test } from 'vitest';

import { useEnglishNow } from '../i18n/english-now';
import { type Namespace, NAMESPACES, WRITTEN_LOCALES } from '../i18n/generated/locales';
import { loadNamespaces } from '../i18n/load-messages';
import { useMessageSource } from '../i18n/messages';
import * as copy from './index';
import { neverHits, type NeverList } from './never-lists/never-list';

/**
 * The copy guide's "Never" list as a test, in every language Attune has.
 * Every string in the copy module — including the ones built by functions,
 * called here with a placeholder — is read through the live views in each
 * language in turn and checked with word boundaries.
 */
type WrittenLocale = (typeof WRITTEN_LOCALES)[number];

/**
 * Each language's own list lives in never-lists/<locale>.ts. A written
 * language without one fails below, before any of its words are checked.
 */
const LISTS = Object.fromEntries(
  Object.entries(
    import.meta.glob<NeverList>(['./never-lists/*.ts', '!./never-lists/never-list.ts'], { eager: true, import: 'default' }),
  ).map(([path, list]) => [path.replace(/^.*\/|\.ts$/g, ''), list]),
) as Partial<Record<string, NeverList>>;
const ENGLISH = LISTS.en as NeverList;

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
      // A message used as it is takes one object of named values: every name answers the same sample.
      ...['X', 0, 1, 2, 5, 0.5].map((sample) => [new Proxy({}, { get: () => sample })]),
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
      // Values read from a sample that does not fit (positional values for named ones) are not text to check.
      if (typeof text === 'number' || (typeof text === 'string' && /undefined|NaN|\[object Object\]/.test(text))) return;
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

  test('has its own never-list', () => {
    expect(LISTS[locale]?.never.length ?? 0).toBeGreaterThan(10);
  });

  test.each((LISTS[locale] ?? ENGLISH).never.map((word) => [word]))('never says "%s"', (word) => {
    const list = { never: [word], allowed: (LISTS[locale] ?? ENGLISH).allowed };
    expect(found.filter(([, text]) => neverHits(list, text).length > 0).map(([path]) => path)).toEqual([]);
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
    const found = (text: string) => neverHits(ENGLISH, text);
    expect(found('Just breathe.')).toEqual(['just']);
    expect(found('You should try harder.')).toEqual(['should']);
    expect(found('This will heal you.')).toEqual(['heal']);
    expect(found('Couldn’t save just now.')).toEqual([]);
    expect(found('Adjust the time.')).toEqual([]);
  });

  test('in a script without spaces a listed word counts anywhere, and is still found', () => {
    const list = { never: ['頑張って', 'べき'], allowed: [] };
    expect(neverHits(list, '今日も頑張ってください。')).toEqual(['頑張って']);
    expect(neverHits(list, '休むべきです')).toEqual(['べき']);
    expect(neverHits(list, '休んでもいいです')).toEqual([]);
  });
});
