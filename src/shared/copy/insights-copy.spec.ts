import { afterEach, describe, expect, test } from 'vitest';

import { useEnglishNow } from '../i18n/english-now';
import { ENGLISH } from '../i18n/generated/english';
import { useMessageSource } from '../i18n/messages';
import { insightsCopy } from './insights-copy';

afterEach(() => useEnglishNow());

/** A language whose insights words differ from English in the groups components keep in a variable. */
const other = (): void =>
  useMessageSource({
    locale: 'en-XA',
    catalogue: {
      ...ENGLISH,
      insights: {
        ...ENGLISH.insights,
        blocks: { ...ENGLISH.insights.blocks, night: 'Nacht' },
        period: { ...ENGLISH.insights.period, label: 'Zeitraum', range: (v) => `${v.first} bis ${v.last}` },
        when: { ...ENGLISH.insights.when, cellBlocks: { ...ENGLISH.insights.when.cellBlocks, night: 'nachts' } },
      },
    },
  });

describe('insights copy', () => {
  test('a group kept in a variable (`const t = insightsCopy.period`) follows a language switch, built functions included', () => {
    const t = insightsCopy.period;
    expect([t.label, t.range('1 May', '7 May'), t.range('1 May', '1 May')]).toEqual(['Period', '1 May – 7 May', '1 May']);
    other();
    expect([t.label, t.range('1 May', '7 May'), t.range('1 May', '1 May')]).toEqual(['Zeitraum', '1 May bis 7 May', '1 May']);
  });

  test("a chart cell names its column in the sentence's own form, in the language of the moment", () => {
    expect(insightsCopy.when.cell('Monday', insightsCopy.blocks.night, 0)).toBe('Monday, night: none');
    expect(insightsCopy.when.cell('Monday', insightsCopy.blocks.evening, 1)).toBe('Monday, evening: once');
    other();
    expect(insightsCopy.when.cell('Montag', insightsCopy.blocks.night, 3)).toBe('Montag, nachts: 3 times');
  });
});
