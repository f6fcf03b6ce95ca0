/**
 * What compiled messages call at run time: numbers written the locale's
 * way, and the plural form its rules pick (Intl.PluralRules, CLDR). One
 * formatter and one rule set per locale, made on first use.
 */
export type Value = string | number;

const numbers = new Map<string, Intl.NumberFormat>();
const rules = new Map<string, Intl.PluralRules>();

const cached = <T>(map: Map<string, T>, locale: string, make: () => T): T => {
  let value = map.get(locale);
  if (value === undefined) {
    value = make();
    map.set(locale, value);
  }
  return value;
};

/** A number in the locale's digits and separators; text as it is. */
export const num = (locale: string, value: Value): string =>
  typeof value === 'number' ? cached(numbers, locale, () => new Intl.NumberFormat(locale)).format(value) : value;

type Forms = Partial<Record<Intl.LDMLPluralRule, () => string>> & { other: () => string };

/** The form for `count`; `other` stands in for a category the messages leave out. */
export const plural = (locale: string, count: number, forms: Forms): string =>
  (forms[cached(rules, locale, () => new Intl.PluralRules(locale)).select(count)] ?? forms.other)();
