import { describe, expect, test } from 'vitest';

import { crisisData } from './crisis-data';
import { formatVerifiedDate, howToShown, languageList, localDetail, plainDetail, textLanguage } from './crisis-lines';
import type { CrisisEntry } from './crisis-schema';

describe('plainDetail', () => {
  test.each([
    ['free', 'Free'],
    ["free (per secondary sources: 'toll-free', 'free of charge')", 'Free'],
    ['free from mobiles; local-call cost from landlines (per a Lifeline centre FAQ)', 'Free from mobiles; local-call cost from landlines'],
    [
      'free (landlines and mobiles, incl. pay-as-you-go with no credit)',
      'Free (landlines and mobiles, incl. pay-as-you-go with no credit)',
    ],
    ['free (toll-free)', 'Free (toll-free)'],
    ['24/7 (per 2025 news wording)', '24/7'],
    ['24/7, 365 days', '24/7, 365 days'],
  ])('%j → %j', (input, output) => {
    expect(plainDetail(input)).toBe(output);
  });

  test('nothing to say stays nothing', () => {
    expect(plainDetail(null)).toBeNull();
    expect(plainDetail('(per a source)')).toBeNull();
  });
});

describe('languageList', () => {
  test('names languages in plain words', () => {
    expect(languageList(['en', 'es'])).toBe('English and Spanish');
    expect(languageList(['fr'])).toBe('French');
    expect(languageList(null)).toBeNull();
    expect(languageList([])).toBeNull();
  });

  test('names them in the language the person reads, joined as that language joins lists', () => {
    expect(languageList(['en', 'es'], 'de')).toBe('Englisch und Spanisch');
    expect(languageList(['en', 'fr', 'ar'], 'ja')).toBe('英語、フランス語、アラビア語');
  });
});

describe('localDetail', () => {
  const known = { '24/7': 'rund um die Uhr', free: 'kostenlos' };

  test('says the common values in the person’s language', () => {
    expect(localDetail('24/7', known)).toEqual({ text: 'rund um die Uhr', lang: undefined });
    expect(localDetail("free (per secondary sources: 'toll-free')", known)).toEqual({ text: 'kostenlos', lang: undefined });
  });

  test('keeps any other detail as the data says it, marked as English', () => {
    expect(localDetail('24/7, 365 days', known)).toEqual({ text: '24/7, 365 days', lang: 'en' });
    expect(localDetail('free from mobiles; local-call cost from landlines', known)).toEqual({
      text: 'Free from mobiles; local-call cost from landlines',
      lang: 'en',
    });
    expect(localDetail(null, known)).toBeNull();
  });
});

describe('formatVerifiedDate', () => {
  test('reads an ISO date as a calendar day', () => {
    expect(formatVerifiedDate('2026-11-23')).toBe('November 23, 2026');
    expect(formatVerifiedDate('2026-01-01')).toBe('January 1, 2026');
    expect(formatVerifiedDate('2024-11-04 (page last updated)')).toBe('November 4, 2024');
  });

  test('refuses what is not a date', () => {
    expect(formatVerifiedDate('')).toBeNull();
    expect(formatVerifiedDate('2026-02-30')).toBeNull();
    expect(formatVerifiedDate('soon')).toBeNull();
  });
});

describe('textLanguage', () => {
  const byId = (id: string) => crisisData.entries.find((e) => e.id === id)!;

  test('marks lines whose words are in one other language', () => {
    expect(textLanguage(byId('fr-3114-call'))).toBe('fr');
    expect(textLanguage(byId('es-024-call'))).toBe('es');
  });

  test('leaves English and mixed or unknown languages to the page', () => {
    expect(textLanguage(byId('us-988-call'))).toBeNull();
    expect(textLanguage(byId('us-988-text'))).toBeNull();
    expect(textLanguage(byId('ca-988-call'))).toBeNull();
    expect(textLanguage(byId('gb-samaritans-call'))).toBeNull();
  });
});

describe('howToShown', () => {
  const words = {
    callNumber: (number: string) => `Anrufen: ${number}`,
    textNumber: (number: string) => `SMS an ${number}`,
    textWordTo: (word: string, number: string) => `${word} per SMS an ${number}`,
  };
  const entry = (id: string): CrisisEntry => {
    const found = crisisData.entries.find((e) => e.id === id);
    if (!found) throw new Error(`no entry ${id}`);
    return found;
  };
  const shown = (howTo: string, kind: CrisisEntry['kind'] = 'call', languages: string[] | null = null) =>
    howToShown({ ...entry('us-988-call'), howTo, kind, languages }, words);

  test('says the plain forms in the person’s language, the number as the data writes it', () => {
    expect(shown('Call 116 123')).toEqual({ text: 'Anrufen: 116 123', lang: undefined });
    expect(shown('Call 9-8-8', 'call', ['en', 'fr'])).toEqual({ text: 'Anrufen: 9-8-8', lang: undefined });
    expect(shown('Text 988', 'text', ['en'])).toEqual({ text: 'SMS an 988', lang: undefined });
    expect(shown('Text SHOUT to 85258', 'text')).toEqual({ text: 'SHOUT per SMS an 85258', lang: undefined });
  });

  test('keeps anything else as the data says it, with its language', () => {
    expect(shown('Call 111 and select the mental health option')).toEqual({
      text: 'Call 111 and select the mental health option',
      lang: 'en',
    });
    expect(shown('Call Triple Zero (000)')).toEqual({ text: 'Call Triple Zero (000)', lang: 'en' });
    expect(shown('Appeler le 3114', 'call', ['fr'])).toEqual({ text: 'Appeler le 3114', lang: 'fr' });
    expect(shown('Call 988', 'text')).toEqual({ text: 'Call 988', lang: 'en' });
  });

  test('every shipped line still shows its number (the words never lose it)', () => {
    for (const line of crisisData.entries.filter((e) => e.kind === 'call' || e.kind === 'text')) {
      const text = howToShown(line, words).text;
      for (const number of line.howTo.match(/[0-9+][0-9 -]*[0-9]|[0-9]/g) ?? []) expect(text).toContain(number);
    }
  });
});
