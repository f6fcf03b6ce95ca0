/**
 * The message files' model. Each locale has one i18next JSON (v4) file per
 * namespace, `messages/<locale>/<namespace>.json`, the format translation
 * tools (Weblate, Crowdin, Lokalise) read: nested keys, `{{name}}` for a
 * value, and plural forms as sibling keys `<key>_one`, `<key>_other` (…
 * `_zero`, `_two`, `_few`, `_many`) chosen by Intl.PluralRules on `count`.
 * Arrays hold paragraphs in order. Pure: no files here.
 */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** Text and the values put into it, in order. */
export type Part = { text: string } | { param: string };

export type Message =
  { kind: 'text'; parts: Part[] } | { kind: 'plural'; forms: Partial<Record<PluralCategory, Part[]>> } | { kind: 'list'; items: Part[][] };

/** A namespace: nested groups whose leaves are messages; keys keep the file's order. */
export type Tree = { [key: string]: Tree | Message };

export const isMessage = (node: Tree | Message): node is Message =>
  typeof (node as Message).kind === 'string' && ['text', 'plural', 'list'].includes((node as Message).kind as string);

/** Names a value may have: what `{{…}}` may hold, and what a function's argument object is keyed by. */
const PARAM = /^[A-Za-z][A-Za-z0-9]*$/;
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export class MessageError extends Error {}

export const parseText = (text: string, where: string): Part[] => {
  const parts: Part[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] as string;
    if (!PARAM.test(name)) throw new MessageError(`${where}: "{{${name}}}" is not a value name (letters and digits only)`);
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ param: name });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  const rest = parts.map((part) => ('text' in part ? part.text : '')).join('');
  if (rest.includes('{{') || rest.includes('}}')) throw new MessageError(`${where}: an unclosed "{{" or "}}"`);
  return parts;
};

const pluralKey = (key: string): { base: string; category: PluralCategory } | undefined => {
  const at = key.lastIndexOf('_');
  if (at <= 0) return undefined;
  const category = key.slice(at + 1) as PluralCategory;
  return PLURAL_CATEGORIES.includes(category) ? { base: key.slice(0, at), category } : undefined;
};

/** One file's JSON as a tree of messages. Throws MessageError naming the key for anything not in the format. */
export const parseNamespace = (json: unknown, where: string): Tree => {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new MessageError(`${where}: expected an object`);
  const tree: Tree = {};
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    const at = `${where}.${key}`;
    const plural = pluralKey(key);
    if (plural) {
      if (typeof value !== 'string') throw new MessageError(`${at}: a plural form must be text`);
      const existing = tree[plural.base];
      if (existing && !(isMessage(existing) && existing.kind === 'plural'))
        throw new MessageError(`${at}: "${plural.base}" is both a plural and something else`);
      const message = (existing as Extract<Message, { kind: 'plural' }> | undefined) ?? { kind: 'plural', forms: {} };
      message.forms[plural.category] = parseText(value, at);
      tree[plural.base] = message;
      continue;
    }
    if (key in tree) throw new MessageError(`${at}: "${key}" is both a plural and something else`);
    if (typeof value === 'string') tree[key] = { kind: 'text', parts: parseText(value, at) };
    else if (Array.isArray(value)) {
      if (!value.every((item) => typeof item === 'string')) throw new MessageError(`${at}: a list holds text only`);
      tree[key] = { kind: 'list', items: value.map((item, i) => parseText(item, `${at}[${i}]`)) };
    } else tree[key] = parseNamespace(value, at);
  }
  for (const [key, node] of Object.entries(tree))
    if (isMessage(node) && node.kind === 'plural' && node.forms.other === undefined)
      throw new MessageError(`${where}.${key}: a plural needs an "_other" form`);
  return tree;
};

/** Every value name a message uses (a plural always takes `count`). */
export const paramsOf = (message: Message): Set<string> => {
  const names = new Set<string>();
  const add = (parts: Part[]): void => {
    for (const part of parts) if ('param' in part) names.add(part.param);
  };
  if (message.kind === 'text') add(message.parts);
  else if (message.kind === 'list') message.items.forEach(add);
  else {
    names.add('count');
    for (const parts of Object.values(message.forms)) add(parts ?? []);
  }
  return names;
};

/** Leaves with their dotted paths, in file order. */
export const leaves = (tree: Tree, prefix = ''): Array<[string, Message]> =>
  Object.entries(tree).flatMap(([key, node]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return isMessage(node) ? [[path, node] as [string, Message]] : leaves(node, path);
  });
