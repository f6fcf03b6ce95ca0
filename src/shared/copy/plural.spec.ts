import { describe, expect, test } from 'vitest';

import { plural, pluralForm } from './plural';

const minutes = { one: '# minute', other: '# minutes' };

describe('plural', () => {
  test('English: 1 is one; 0, 2 and 1.5 are other', () => {
    expect(plural(0, minutes)).toBe('0 minutes');
    expect(plural(1, minutes)).toBe('1 minute');
    expect(plural(2, minutes)).toBe('2 minutes');
    expect(plural(1.5, minutes)).toBe('1.5 minutes');
  });

  test('a form without # leaves the number out', () => {
    const times = { one: 'once', other: '# times' };
    expect(plural(1, times)).toBe('once');
    expect(plural(3, times)).toBe('3 times');
  });

  test('the number is written the language’s way', () => {
    expect(plural(1234, minutes)).toBe('1,234 minutes');
    expect(plural(1.5, { one: '# minuta', few: '# minuty', many: '# minut', other: '# minuty' }, 'pl')).toBe('1,5 minuty');
  });

  test('Polish: one, few and many are told apart', () => {
    const pl = { one: '# minuta', few: '# minuty', many: '# minut', other: '# minuty' };
    expect(plural(1, pl, 'pl')).toBe('1 minuta');
    expect(plural(2, pl, 'pl')).toBe('2 minuty');
    expect(plural(4, pl, 'pl')).toBe('4 minuty');
    expect(plural(5, pl, 'pl')).toBe('5 minut');
    expect(plural(22, pl, 'pl')).toBe('22 minuty');
    expect(plural(0, pl, 'pl')).toBe('0 minut');
  });

  test('Arabic: zero, one, two, few, many and other', () => {
    const ar = { zero: 'zero', one: 'one', two: 'two', few: 'few', many: 'many', other: 'other' };
    expect([0, 1, 2, 3, 11, 100].map((n) => pluralForm(n, ar, 'ar'))).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
  });

  test('a category the forms leave out falls back to other', () => {
    expect(pluralForm(0, { one: 'one', other: 'other' }, 'ar')).toBe('other');
    expect(pluralForm(5, { one: 'one', other: 'other' }, 'pl')).toBe('other');
  });
});
