import { stepCopy } from '../../shared/copy';
import type { CheckInData } from '../../shared/entry-schema';

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

/** The built-in steps' words, normalised, back to their ids (typed-in text that matches a built-in step is that step). */
const BUILT_IN_BY_TEXT: ReadonlyMap<string, string> = new Map(
  Object.entries(stepCopy).map(([id, words]) => [normalizeStepText(words), id] as const),
);

/** The key a check-in's step counts under, or null when there is no step to count. */
export const stepKeyOf = (step: CheckInData['step']): string | null => {
  if (!step) return null;
  if (step.id) return step.id;
  const normal = normalizeStepText(step.text);
  if (normal === '') return null;
  return BUILT_IN_BY_TEXT.get(normal) ?? `${OWN_STEP_PREFIX}${normal}`;
};
