import { describe, expect, it } from 'vitest';

import { effectiveLocale, formattingLocale, matchLocale, textDirection } from './locale-choice';

const available = ['en', 'de', 'es', 'fr', 'pt-BR', 'ja'];

describe('which language Attune speaks', () => {
  it('the first preferred language Attune has, exactly or in another region', () => {
    expect(matchLocale(['de-DE', 'en-US'], available)).toBe('de');
    expect(matchLocale(['pt-PT'], available)).toBe('pt-BR');
    expect(matchLocale(['pt_br'], available)).toBe('pt-BR');
    expect(matchLocale(['nl-NL', 'fr-CA', 'de'], available)).toBe('fr');
    expect(matchLocale(['ja'], available)).toBe('ja');
  });

  it('English when none of them is there, or nothing is said', () => {
    expect(matchLocale(['nl', 'sv'], available)).toBe('en');
    expect(matchLocale([], available)).toBe('en');
  });

  it("a choice in Settings wins over the system's; pseudo-locales only by choice", () => {
    expect(effectiveLocale('system', ['en-XA'])).toBe('en');
    expect(effectiveLocale('ar-XB', ['de'])).toBe('ar-XB');
  });

  it('right to left for Arabic, Hebrew, Persian, Urdu, and the ar-XB pseudo-locale', () => {
    expect(['ar-XB', 'he', 'fa-IR', 'ur'].map(textDirection)).toEqual(['rtl', 'rtl', 'rtl', 'rtl']);
    expect(['en', 'ja', 'en-XA', 'pt-BR'].map(textDirection)).toEqual(['ltr', 'ltr', 'ltr', 'ltr']);
  });

  it("dates and times follow the system's own tag when it is the words' language, else the words'", () => {
    expect(formattingLocale('en', ['en-GB', 'de'])).toBe('en-GB');
    expect(formattingLocale('de', ['de-AT'])).toBe('de-AT');
    expect(formattingLocale('de', ['en-US'])).toBe('de');
    expect(formattingLocale('en', [])).toBe('en');
    expect(formattingLocale('en-XA', ['en-GB'])).toBe('en');
    expect(formattingLocale('ar-XB', ['en-US'])).toBe('ar');
  });
});
