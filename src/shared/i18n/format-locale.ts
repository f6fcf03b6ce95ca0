import { formattingLocale } from './locale-choice';
import { currentLocale } from './messages';

/**
 * The one place that says which tag dates, times, weekdays and numbers are
 * written with: the words' language, with the system's own conventions
 * when it is the same language (formattingLocale). Read when shown, so a
 * window re-renders its dates when the language changes, as its words do.
 */
let systemLanguages: readonly string[] = [];

/** Main: the OS's preferred languages; a window: navigator.languages (Chromium's list is the system's here). */
export const useSystemLanguages = (languages: readonly string[]): void => {
  systemLanguages = [...languages];
};

export const formatLocale = (): string => formattingLocale(currentLocale(), systemLanguages);

const lists = new Map<string, Intl.ListFormat>();

/** Items as the words' language lists them: "Fight, Freeze and Rest", 「闘う、固まる、休む」. */
export const listOf = (items: readonly string[]): string => {
  const locale = formatLocale();
  let format = lists.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: 'conjunction' });
    lists.set(locale, format);
  }
  return format.format(items);
};

const weekdays = new Map<string, Intl.DateTimeFormat>();

/**
 * A weekday's name in the words' language, by the JavaScript number (0 is
 * Sunday): "Montag", "lundi" (lower case, as French writes it mid-sentence),
 * 「月」 short. From Intl, so no language keeps its own list to get wrong.
 */
export const weekdayName = (day: number, width: 'long' | 'short' = 'long'): string => {
  const locale = formatLocale();
  const key = `${locale} ${width}`;
  let format = weekdays.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
    weekdays.set(key, format);
  }
  // 1 January 2023 was a Sunday.
  return format.format(Date.UTC(2023, 0, 1 + (((day % 7) + 7) % 7)));
};
