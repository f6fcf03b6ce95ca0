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
