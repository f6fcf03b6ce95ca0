import { isMessage, type Message, type Part, type Tree } from './message-model';

/**
 * Pseudo-locales, made from the English messages, so layout can be tested in
 * every language's worst case before any translation exists:
 * - `en-XA`: every letter accented and each message about 40% longer,
 *   between brackets, so clipped or overlapping text shows at both ends;
 * - `ar-XB`: each message as right-to-left text (a right-to-left override
 *   around it), shown with `dir="rtl"`, so a mirrored layout can be checked.
 * Values (`{{…}}`) are left as they are.
 */
export const PSEUDO_LOCALES = { 'en-XA': 'en', 'ar-XB': 'ar' } as const;
export type PseudoLocale = keyof typeof PSEUDO_LOCALES;

const ACCENTS: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, i) => [
    letter,
    [...'åƀçđéƒĝĥîĵķļɱñöƥǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖƤǪŔŠŢÛṼŴẊÝŽ'][i] as string,
  ]),
);

const accent = (text: string): string => [...text].map((char) => ACCENTS[char] ?? char).join('');

/** Filler for about 40% more length, words so lines still wrap where they would. */
const padding = (length: number): string => {
  const extra = Math.ceil(length * 0.4);
  if (extra === 0) return '';
  const words = ['ŀöŕéɱ', 'îƥšûɱ', 'đöļöŕ', 'šîţ', 'åɱéţ'];
  let out = '';
  for (let i = 0; out.length < extra; i += 1) out += ` ${words[i % words.length] as string}`;
  return out.slice(0, Math.max(extra, 2));
};

const textLength = (parts: Part[]): number => parts.reduce((sum, part) => sum + ('text' in part ? part.text.length : 4), 0);

const wrap = (parts: Part[], before: string, after: string): Part[] => [{ text: before }, ...parts, { text: after }];

const RLO = '\u202e';
const PDF = '\u202c';

const transformParts = (parts: Part[], locale: PseudoLocale): Part[] => {
  if (locale === 'ar-XB') return wrap(parts, RLO, PDF);
  return wrap(
    parts.map((part) => ('text' in part ? { text: accent(part.text) } : part)),
    '[',
    `${padding(textLength(parts))}]`,
  );
};

const transformMessage = (message: Message, locale: PseudoLocale): Message => {
  if (message.kind === 'text') return { kind: 'text', parts: transformParts(message.parts, locale) };
  if (message.kind === 'list') return { kind: 'list', items: message.items.map((item) => transformParts(item, locale)) };
  return {
    kind: 'plural',
    forms: Object.fromEntries(Object.entries(message.forms).map(([category, parts]) => [category, transformParts(parts ?? [], locale)])),
  };
};

export const pseudoTree = (tree: Tree, locale: PseudoLocale): Tree =>
  Object.fromEntries(
    Object.entries(tree).map(([key, node]) => [key, isMessage(node) ? transformMessage(node, locale) : pseudoTree(node, locale)]),
  );
