import { INTERNATIONAL } from './crisis-codes';
import type { CrisisCategory, CrisisData, CrisisEntry } from './crisis-schema';

/**
 * Entries the data's own notes ask us not to show, with the note's reason.
 * Other notes are honoured in the data itself (howTo and contact were written
 * to follow them); crisis-lines.spec.ts pins both.
 */
export const HIDDEN_ENTRIES: ReadonlyMap<string, string> = new Map([
  [
    'nl-0800-0113-call',
    "Note: 'Prefer showing 113.' 113 is free since October 2025 and is what the operator now leads with; whether 0800-0113 is still promoted was not confirmed on the operator's page.",
  ],
]);

const CATEGORY_ORDER: Record<CrisisCategory, number> = { emergency: 0, 'crisis-line': 1, directory: 2 };

const isShown = (entry: CrisisEntry): boolean => !HIDDEN_ENTRIES.has(entry.id);

/**
 * What the help screen lists for a country, in order: emergency numbers first,
 * then crisis lines (nationwide before regional ones, otherwise in the data's
 * order), then the international directory, which is always there — also for
 * a country the data does not cover, or for `null` ("another country").
 */
export const linesForRegion = (data: CrisisData, region: string | null): CrisisEntry[] => {
  const rank = (entry: CrisisEntry): number => CATEGORY_ORDER[entry.category] * 2 + (entry.scope === 'regional' ? 1 : 0);
  const local = region === null || region === INTERNATIONAL ? [] : data.entries.filter((entry) => entry.country === region);
  const international = data.entries.filter((entry) => entry.country === INTERNATIONAL);
  // Array.prototype.sort is stable, so ties keep the data's order.
  return [...local, ...international].filter(isShown).sort((a, b) => rank(a) - rank(b));
};

export interface RegionLines {
  emergency: CrisisEntry[];
  crisisLines: CrisisEntry[];
  directories: CrisisEntry[];
}

/** linesForRegion, split into the help screen's three sections. */
export const sectionsForRegion = (data: CrisisData, region: string | null): RegionLines => {
  const lines = linesForRegion(data, region);
  return {
    emergency: lines.filter((entry) => entry.category === 'emergency'),
    crisisLines: lines.filter((entry) => entry.category === 'crisis-line'),
    directories: lines.filter((entry) => entry.category === 'directory'),
  };
};

export interface Service {
  /** The first entry's id: a stable key for lists. */
  key: string;
  name: string;
  /** The part of the country it serves, for regional lines ("England"). */
  area: string | null;
  entries: CrisisEntry[];
}

/** "988 Suicide & Crisis Lifeline (text)" → "988 Suicide & Crisis Lifeline": the way to reach it is shown by the link. */
const WAY_SUFFIX = /\s*\((?:call|phone|text|sms|chat|online chat|web chat)\)$/i;
export const serviceName = (entry: CrisisEntry): string => entry.name.replace(WAY_SUFFIX, '');

/**
 * Entries that are one service reached several ways (988 by call, text and
 * chat; TelefonSeelsorge's two numbers) become one item, named once, in the
 * order the service first appears.
 */
export const groupByService = (entries: readonly CrisisEntry[]): Service[] => {
  const services = new Map<string, Service>();
  for (const entry of entries) {
    const name = serviceName(entry);
    const key = [entry.country, name, entry.region ?? ''].join('\u0000');
    const service = services.get(key);
    if (service) service.entries.push(entry);
    else services.set(key, { key: entry.id, name, area: entry.scope === 'regional' ? entry.region : null, entries: [entry] });
  }
  return [...services.values()];
};

/**
 * The language an entry's own words (name, howTo) are written in, when the
 * data makes it plain: a line served in one language other than English
 * ("Appeler le 3114", "Llama al 024"). Screen readers then pronounce it right
 * (WCAG 3.1.2). null means the page's language.
 */
export const textLanguage = (entry: CrisisEntry): string | null => {
  const languages = entry.languages ?? [];
  return languages.length === 1 && languages[0] !== 'en' ? (languages[0] ?? null) : null;
};

/**
 * Hours and cost as a person reads them: the data's own attributions in
 * brackets ("(per secondary sources: …)", "(per 2025 news wording)") are for
 * reviewers, not for someone looking for help; the rest stays, first letter up.
 * 'free (per secondary sources: …)' → 'Free'; '24/7 (per 2025 news wording)' → '24/7'.
 */
export const plainDetail = (text: string | null): string | null => {
  if (text === null) return null;
  const plain = text
    .replace(/\s*\((?:per|according to)\b[^)]*\)/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain === '' ? null : plain.charAt(0).toUpperCase() + plain.slice(1);
};

/** A detail to show: `lang` is 'en' when the words are the data's own (English), not the person's language. */
export interface ShownDetail {
  text: string;
  lang: 'en' | undefined;
}

/**
 * Hours or cost in the person's language where the data says one of the
 * common values (`known`: '24/7' → "rund um die Uhr", 'free' → "kostenlos");
 * anything else is shown as the data has it, marked as English so it is
 * read out as English.
 */
export const localDetail = (text: string | null, known: Readonly<Record<string, string>>): ShownDetail | null => {
  const plain = plainDetail(text);
  if (plain === null) return null;
  const said = known[plain.toLowerCase()];
  return said === undefined ? { text: plain, lang: 'en' } : { text: said, lang: undefined };
};

/** The ways of reaching a line Attune can say in the person's language. */
export interface HowToWords {
  callNumber: (number: string) => string;
  textNumber: (number: string) => string;
  textWordTo: (word: string, number: string) => string;
}

const DIAL = '[0-9+][0-9 \\-]*[0-9]';
const CALL = new RegExp(`^Call (${DIAL})$`);
const TEXT = new RegExp(`^Text (${DIAL})$`);
const TEXT_WORD = new RegExp(`^Text ([A-Z]+) to (${DIAL})$`);

/**
 * How to reach a line, in the person's language where the data's English
 * is one of the plain forms ("Call 116 123", "Text 988", "Text SHOUT to
 * 85258"), the number written exactly as the data writes it. Anything else
 * (a menu option, a line's own language: "Appeler le 3114") stays as the
 * data says it, with that text's language.
 */
export const howToShown = (entry: CrisisEntry, words: HowToWords): { text: string; lang: string | undefined } => {
  const own = textLanguage(entry);
  if (own === null) {
    const call = entry.kind === 'call' ? CALL.exec(entry.howTo) : null;
    if (call?.[1]) return { text: words.callNumber(call[1]), lang: undefined };
    const text = entry.kind === 'text' ? TEXT.exec(entry.howTo) : null;
    if (text?.[1]) return { text: words.textNumber(text[1]), lang: undefined };
    const keyword = entry.kind === 'text' ? TEXT_WORD.exec(entry.howTo) : null;
    if (keyword?.[1] && keyword[2]) return { text: words.textWordTo(keyword[1], keyword[2]), lang: undefined };
  }
  return { text: entry.howTo, lang: own ?? 'en' };
};

const languageNamer = (displayLocale: string): ((code: string) => string) => {
  try {
    const names = new Intl.DisplayNames([displayLocale, 'en'], { type: 'language', fallback: 'code' });
    return (code) => names.of(code) ?? code;
  } catch {
    return (code) => code;
  }
};

/** ['en', 'es'] → 'English, Spanish'; null when the data does not say. */
export const languageList = (languages: readonly string[] | null, displayLocale = 'en'): string | null => {
  if (languages === null || languages.length === 0) return null;
  const name = languageNamer(displayLocale);
  try {
    return new Intl.ListFormat(displayLocale, { style: 'long', type: 'conjunction' }).format(languages.map(name));
  } catch {
    return languages.map(name).join(', ');
  }
};

/** "2026-11-23" → "November 23, 2026" (read as a calendar day, so no timezone can shift it). */
export const formatVerifiedDate = (isoDate: string, displayLocale = 'en'): string | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== day) return null;
  return new Intl.DateTimeFormat(displayLocale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
};
