import { afterEach, describe, expect, test } from 'vitest';

import { useEnglishNow } from './english-now';
import { formatLocale, listOf, useSystemLanguages, weekdayName } from './format-locale';
import { useMessageSource } from './messages';

afterEach(() => {
  useSystemLanguages([]);
  useEnglishNow();
});

describe('formatting in the words’ language', () => {
  test('lists are joined as the words’ language joins them, and follow a change', () => {
    useMessageSource({ locale: 'en', catalogue: {} });
    expect(listOf(['Fight', 'Freeze', 'Rest'])).toBe('Fight, Freeze, and Rest');
    useMessageSource({ locale: 'ja', catalogue: {} });
    expect(listOf(['闘う', '固まる', '休む'])).toBe('闘う、固まる、休む');
    useMessageSource({ locale: 'de', catalogue: {} });
    expect(listOf(['Kampf', 'Rückzug'])).toBe('Kampf und Rückzug');
    expect(listOf(['Kampf'])).toBe('Kampf');
  });

  test('weekdays are named by Intl in the words’ language, Sunday as 0 and 7 alike', () => {
    useMessageSource({ locale: 'en', catalogue: {} });
    expect([0, 1, 6, 7].map((day) => weekdayName(day))).toEqual(['Sunday', 'Monday', 'Saturday', 'Sunday']);
    useMessageSource({ locale: 'fr', catalogue: {} });
    expect(weekdayName(1)).toBe('lundi');
    useMessageSource({ locale: 'de', catalogue: {} });
    expect(weekdayName(6, 'short')).toBe('Sa');
    useMessageSource({ locale: 'ja', catalogue: {} });
    expect(weekdayName(1, 'short')).toBe('月');
  });

  test('the system’s own tag is used when it is the same language (en-GB keeps its list style)', () => {
    useSystemLanguages(['en-GB']);
    useMessageSource({ locale: 'en', catalogue: {} });
    expect(formatLocale()).toBe('en-GB');
    expect(listOf(['Fight', 'Freeze', 'Rest'])).toBe('Fight, Freeze and Rest');
  });
});
