import { describe, expect, test } from 'vitest';

import { stepCopy } from '../../shared/copy';
import { isOwnStepKey, normalizeStepText, OWN_STEP_PREFIX, stepKeyOf } from './step-key';

describe('own-step text normalisation', () => {
  test.each([
    ['Make tea', 'make tea'],
    ['make tea.', 'make tea'],
    ['  MAKE \t tea  ', 'make tea'],
    ['Make tea!', 'make tea'],
    ['Make tea …', 'make tea'],
    ['Ｍａｋｅ ｔｅａ', 'make tea'], // full-width letters fold under NFKC
    ['Call Mum’s friend', "call mum's friend"],
    ['Say “no”', 'say "no"'],
  ])('%j → %j', (raw, normal) => {
    expect(normalizeStepText(raw)).toBe(normal);
  });

  test('keeps different steps apart (no guessing at meaning)', () => {
    expect(normalizeStepText('walk')).not.toBe(normalizeStepText('a short walk'));
  });

  test('keeps inner punctuation and non-Latin text', () => {
    expect(normalizeStepText('Tee, dann Pause.')).toBe('tee, dann pause');
    expect(normalizeStepText('お茶を飲む。')).toBe('お茶を飲む。'); // the ideographic full stop is not stripped; still one stable key
  });
});

describe('stepKeyOf', () => {
  test('a built-in step is keyed by its id', () => {
    expect(stepKeyOf({ id: 'drink-water', text: 'Get a glass of water' })).toBe('drink-water');
  });

  test('an own step is keyed by its normalised text, marked as own', () => {
    const key = stepKeyOf({ text: 'Pet the cat.' });
    expect(key).toBe(`${OWN_STEP_PREFIX}pet the cat`);
    expect(isOwnStepKey(key as string)).toBe(true);
    expect(stepKeyOf({ text: 'pet the  CAT' })).toBe(key);
  });

  test('typed words that match a built-in step count as that step', () => {
    expect(stepKeyOf({ text: `${(stepCopy['drink-water'] as string).toUpperCase()}.` })).toBe('drink-water');
  });

  test('no step, or only spaces and punctuation, is nothing to count', () => {
    expect(stepKeyOf(undefined)).toBeNull();
    expect(stepKeyOf({ text: '   ' })).toBeNull();
    expect(stepKeyOf({ text: ' … ' })).toBeNull();
  });
});
