import { describe, expect, test } from 'vitest';

import { num, plural } from './runtime';

/** What compiled messages call: the plural form by the language's own rules, and numbers its way. */
const forms = (locale: string) => ({
  zero: () => 'zero',
  one: () => `${num(locale, 1)} one`,
  two: () => 'two',
  few: () => 'few',
  many: () => 'many',
  other: () => 'other',
});

describe('the message runtime', () => {
  test('English: 1 is one; 0, 2 and 1.5 are other', () => {
    expect([0, 1, 2, 1.5].map((n) => plural('en', n, { one: () => 'one', other: () => 'other' }))).toEqual([
      'other',
      'one',
      'other',
      'other',
    ]);
  });

  test('Polish: one, few and many are told apart', () => {
    expect([1, 2, 4, 5, 22, 0].map((n) => plural('pl', n, forms('pl')))).toEqual(['1 one', 'few', 'few', 'many', 'few', 'many']);
  });

  test('Arabic: zero, one, two, few, many and other', () => {
    expect([0, 1, 2, 3, 11, 100].map((n) => plural('ar', n, forms('en')))).toEqual(['zero', '1 one', 'two', 'few', 'many', 'other']);
  });

  test('a category the forms leave out falls back to other', () => {
    expect(plural('ar', 0, { one: () => 'one', other: () => 'other' })).toBe('other');
    expect(plural('pl', 5, { one: () => 'one', other: () => 'other' })).toBe('other');
  });

  test('numbers are written the language’s way; text is left as it is', () => {
    expect([num('en', 1234), num('de', 1234), num('pl', 1.5), num('en', 'Ctrl+Space')]).toEqual(['1,234', '1.234', '1,5', 'Ctrl+Space']);
  });
});
