import { stepCopy } from '../../shared/copy';
import type { CheckInData } from '../../shared/entry-schema';
import { currentLocale } from '../../shared/i18n/messages';

/**
 * One key per small step, so the same step counts as one however it was
 * written. Built-in steps are keyed by their id; a person's own step by its
 * text, normalised, so "Go for a walk." and "go for a walk" are the same step.
 */
export const OWN_STEP_PREFIX = 'own:';

export const isOwnStepKey = (key: string): boolean => key.startsWith(OWN_STEP_PREFIX);

/**
 * Lower-case (locale-independent, so the key does not change with the
 * system language), NFKC (full-width and compatibility forms fold together),
 * straight quotes, single spaces, no trailing full stop or other closing
 * punctuation. Meaning-level matching is out of scope on purpose:
 * "walk" and "a short walk" stay two steps rather than guessing.
 */
export const normalizeStepText = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201B\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,;:!?\u2026]+$/u, '');

/**
 * The built-in steps' words, normalised, back to their ids (typed-in text that
 * matches a built-in step is that step). Made on first use, once per language:
 * the words are not there yet when this module loads, and follow the language.
 */
const builtInByText = new Map<string, ReadonlyMap<string, string>>();
const builtInStepIds = (): ReadonlyMap<string, string> => {
  const locale = currentLocale();
  let byText = builtInByText.get(locale);
  if (!byText) {
    byText = new Map(Object.entries(stepCopy).map(([id, words]) => [normalizeStepText(words), id] as const));
    builtInByText.set(locale, byText);
  }
  return byText;
};

/** The key a check-in's step counts under, or null when there is no step to count. */
export const stepKeyOf = (step: CheckInData['step']): string | null => {
  if (!step) return null;
  if (step.id) return step.id;
  const normal = normalizeStepText(step.text);
  if (normal === '') return null;
  return builtInStepIds().get(normal) ?? `${OWN_STEP_PREFIX}${normal}`;
};
