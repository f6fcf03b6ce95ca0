/**
 * A language's name in that language ("Deutsch", "日本語", "Português
 * (Brasil)"), as a person looking for their own language expects it in a
 * list of languages: by Intl.DisplayNames, so no list of names to keep.
 * Capitalised as a list item, the language's own way.
 */
export const nameInOwnLanguage = (locale: string): string => {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale);
  } catch {
    name = undefined;
  }
  if (!name) return locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
};
