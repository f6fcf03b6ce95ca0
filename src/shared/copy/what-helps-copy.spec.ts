import { describe, expect, test } from 'vitest';

import { whatHelpsCopy } from './what-helps-copy';

describe('whatHelpsCopy.explain', () => {
  const { explain, whenState } = whatHelpsCopy;

  test('plain counts, with the state as the check-in names it', () => {
    expect(explain(4, 5, whenState.freeze)).toBe('Helped you 4 of 5 times when freeze was present.');
  });

  test('says "at least a bit" when some answers were "a bit"', () => {
    expect(explain(3, 4, whenState.settled, true)).toBe('Helped you at least a bit 3 of 4 times when you felt settled.');
  });

  test('every time reads as a plain fact, not a perfect mark', () => {
    expect(explain(2, 2)).toBe('Helped you both times you tried it.');
    expect(explain(5, 5, whenState['not-sure'])).toBe('Helped you each of the 5 times you tried it when it was hard to tell.');
    expect(explain(1, 1)).toBe('Helped you the one time you tried it.');
  });
});
