/**
 * Counts in words, by the language's own plural rules (Intl.PluralRules), so
 * "1 second" and "2 seconds" are chosen by CLDR, not by `count === 1`. The
 * forms are whole phrases per plural category — English needs one/other;
 * Polish, Arabic, Welsh… add few/many/two/zero — so a translation supplies its
 * own forms and never an "s" suffix. `#` in a form stands for the number,
 * written the same language's way ("1.5", "1,5"); a form without `#` ("once")
 * leaves it out.
 */
export interface PluralForms {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

/** The language the copy module is written in. The words and their plural rules go together. */
export const COPY_LOCALE = 'en';

/** Building rules and number formats is slow next to using them: one of each per language. */
const rules = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

const cached = <T>(map: Map<string, T>, locale: string, make: () => T): T => {
  let value = map.get(locale);
  if (value === undefined) {
    value = make();
    map.set(locale, value);
  }
  return value;
};

/** The form for `count` in `locale`; `other` stands in for any category the language has but `forms` leaves out. */
export const pluralForm = (count: number, forms: PluralForms, locale: string = COPY_LOCALE): string => {
  const category = cached(rules, locale, () => new Intl.PluralRules(locale)).select(count);
  return forms[category] ?? forms.other;
};

/** "1 minute", "2 minutes", "1.5 minutes", "once": the form for `count`, with `#` as the number. */
export const plural = (count: number, forms: PluralForms, locale: string = COPY_LOCALE): string => {
  const form = pluralForm(count, forms, locale);
  return form.includes('#') ? form.replaceAll('#', cached(numbers, locale, () => new Intl.NumberFormat(locale)).format(count)) : form;
};
