import { leaves, type Message, paramsOf, type PluralCategory, type Tree } from './message-model';

/**
 * A translation against the source (English): the same messages, nothing
 * extra, the same values in each, the same kind (text, plural, list of the
 * same length), and every plural form the language's own rules call for.
 * Pure: returns every problem found, so one build lists them all.
 */
export const checkLocale = (
  locale: string,
  source: Record<string, Tree>,
  translated: Record<string, Tree>,
  categoriesOf: (locale: string) => readonly string[] = (tag) => new Intl.PluralRules(tag).resolvedOptions().pluralCategories,
): string[] => {
  const problems: string[] = [];
  const flat = (catalogue: Record<string, Tree>): Map<string, Message> =>
    new Map(Object.entries(catalogue).flatMap(([namespace, tree]) => leaves(tree, namespace)));
  const want = flat(source);
  const have = flat(translated);
  for (const path of want.keys()) if (!have.has(path)) problems.push(`${locale}: ${path} is missing`);
  for (const path of have.keys()) if (!want.has(path)) problems.push(`${locale}: ${path} is not in the English messages`);
  const needed = categoriesOf(locale);
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
    if (message.kind === 'plural')
      for (const category of needed)
        if (message.forms[category as PluralCategory] === undefined)
          problems.push(`${locale}: ${path} has no "_${category}" form (${locale} needs ${needed.join(', ')})`);
  }
  return problems;
};
