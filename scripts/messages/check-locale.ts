import { leaves, type Message, paramsOf, type PluralCategory, type Tree } from './message-model';

/**
 * A translation against the source (English): the same messages, nothing
 * extra, the same values in each, the same kind (text, plural, list of the
 * same length), and every plural form the language's own rules call for.
 * Pure: returns every problem found, so one build lists them all.
 */
/**
 * The plural forms a language needs for one message. Where English has no
 * "_one" form the count is never one ("each of the {{count}} times"), so only
 * the forms whole numbers from two up reach are needed: French needs "many"
 * (a million) there, but not "one" (which covers 0 and 1 in French).
 */
export const neededCategories = (locale: string, neverOne: boolean): readonly string[] => {
  const rules = new Intl.PluralRules(locale);
  const all = rules.resolvedOptions().pluralCategories;
  if (!neverOne) return all;
  const reached = new Set([...Array.from({ length: 1200 }, (_, i) => i + 2), 1_000_000, 10_000_000].map((n) => rules.select(n)));
  return all.filter((category) => reached.has(category));
};

export const checkLocale = (
  locale: string,
  source: Record<string, Tree>,
  translated: Record<string, Tree>,
  categoriesOf: (locale: string, neverOne: boolean) => readonly string[] = neededCategories,
): string[] => {
  const problems: string[] = [];
  const flat = (catalogue: Record<string, Tree>): Map<string, Message> =>
    new Map(Object.entries(catalogue).flatMap(([namespace, tree]) => leaves(tree, namespace)));
  const want = flat(source);
  const have = flat(translated);
  for (const path of want.keys()) if (!have.has(path)) problems.push(`${locale}: ${path} is missing`);
  for (const path of have.keys()) if (!want.has(path)) problems.push(`${locale}: ${path} is not in the English messages`);
  for (const [path, message] of have) {
    const english = want.get(path);
    if (!english) continue;
    if (english.kind !== message.kind) {
      problems.push(`${locale}: ${path} is ${message.kind}, English is ${english.kind}`);
      continue;
    }
    const a = [...paramsOf(english)].sort().join(', ');
    const b = [...paramsOf(message)].sort().join(', ');
    if (a !== b) problems.push(`${locale}: ${path} uses {${b}}, English uses {${a}}`);
    if (message.kind === 'list' && english.kind === 'list' && message.items.length !== english.items.length)
      problems.push(`${locale}: ${path} has ${message.items.length} paragraphs, English has ${english.items.length}`);
    if (message.kind !== 'plural' || english.kind !== 'plural') continue;
    const needed = categoriesOf(locale, english.forms.one === undefined);
    for (const category of needed)
      if (message.forms[category as PluralCategory] === undefined)
        problems.push(`${locale}: ${path} has no "_${category}" form (${locale} needs ${needed.join(', ')})`);
  }
  return problems;
};
