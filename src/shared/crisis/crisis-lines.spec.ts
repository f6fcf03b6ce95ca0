import { describe, expect, test } from 'vitest';

import { crisisData } from './crisis-data';
import { formatVerifiedDate, languageList, localDetail, plainDetail, textLanguage } from './crisis-lines';

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
