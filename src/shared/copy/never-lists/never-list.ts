/**
 * One language's "never" list from the copy guide, carried over by meaning
 * (shame, pressure, urgency, countdowns, clinical labels), not word for word,
 * with the few phrases that contain a listed word but say something else.
 */
export interface NeverList {
  /** Words and phrases Attune never says in this language. */
  never: readonly string[];
  /** Phrases removed before checking, each with why in a comment where it is listed. */
  allowed: readonly RegExp[];
}

// Scripts written without spaces between words: there a listed word counts anywhere.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The pattern that finds `word`: whole words where words are spaced, any occurrence where they are not. */
export const neverPattern = (word: string): RegExp => {
  const body = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return new RegExp(UNSPACED.test(word) ? body : `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
};

/** The listed words `text` says, once its allowed phrases are taken out. Pure. */
export const neverHits = (list: NeverList, text: string): string[] => {
  const rest = list.allowed.reduce(
    (t, allowed) => t.replace(new RegExp(allowed.source, allowed.flags.includes('g') ? allowed.flags : `${allowed.flags}g`), ''),
    text,
  );
  return list.never.filter((word) => neverPattern(word).test(rest));
};
