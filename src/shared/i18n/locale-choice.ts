import { type BuiltLocale, PSEUDO_LOCALES, WRITTEN_LOCALES } from './generated/locales';

/**
 * Which language Attune speaks: the person's choice in Settings, or by
 * default the first of the system's preferred languages that Attune has.
 * Pure, so main (tray, notifications) and every window decide alike.
 */
export const LANGUAGE_CHOICES = ['system', ...WRITTEN_LOCALES, ...PSEUDO_LOCALES] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

const base = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * The first preferred tag Attune has: exactly (case and `_` aside), else the
 * same language in another region (pt-PT → pt-BR, de-AT → de), else English.
 * Pseudo-locales are never picked this way.
 */
export const matchLocale = (preferred: readonly string[], available: readonly string[] = WRITTEN_LOCALES): BuiltLocale => {
  const normal = (tag: string): string => tag.replace('_', '-').toLowerCase();
  for (const tag of preferred) {
    const exact = available.find((locale) => normal(locale) === normal(tag));
    if (exact) return exact as BuiltLocale;
    const sameLanguage = available.find((locale) => base(locale) === base(tag));
    if (sameLanguage) return sameLanguage as BuiltLocale;
  }
  return 'en';
};

export const effectiveLocale = (choice: LanguageChoice, preferred: readonly string[]): BuiltLocale =>
  choice === 'system' ? matchLocale(preferred) : choice;

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi']);

/** `dir` for a window showing `locale` (the ar-XB pseudo-locale is right to left). */
export const textDirection = (locale: string): 'ltr' | 'rtl' => (RTL_LANGUAGES.has(base(locale)) ? 'rtl' : 'ltr');

/** The tag Intl should use for a pseudo-locale: the language it stands in for. */
const INTL_STAND_IN: Record<string, string> = { 'en-XA': 'en', 'ar-XB': 'ar' };

/**
 * The tag dates, times and numbers are written with. The system's own tag
 * when it is the same language as the words (en-GB keeps its 24-hour
 * clock and day-month order under English words, de-AT its own); otherwise
 * the words' language, so a date never reads in a language the window is
 * not in.
 */
export const formattingLocale = (messagesLocale: string, systemPreferred: readonly string[]): string => {
  const words = INTL_STAND_IN[messagesLocale] ?? messagesLocale;
  const system = systemPreferred[0];
  return system !== undefined && base(system) === base(words) && !(messagesLocale in INTL_STAND_IN) ? system : words;
};
