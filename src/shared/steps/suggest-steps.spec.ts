import { describe, expect, test } from 'vitest';

import { stepCopy } from '../copy/checkin-copy';
import { STEP_CATALOGUE } from './step-catalogue';
import { suggestSteps } from './suggest-steps';

const ids = (steps: { id: string }[]) => steps.map((s) => s.id);

describe('suggestSteps', () => {
  test('always three, each with words in the copy module', () => {
    for (const step of STEP_CATALOGUE) expect(stepCopy[step.id]).toBeTruthy();
    expect(suggestSteps({ needs: [], states: [] })).toHaveLength(3);
    expect(suggestSteps({ needs: ['food-water'], states: [] })).toHaveLength(3);
  });

  test('steps serving the chosen need come first; more needs served ranks higher', () => {
    const steps = suggestSteps({ needs: ['space', 'quiet'], states: [] });
    for (const step of steps) expect(step.needs.some((n) => n === 'space' || n === 'quiet')).toBe(true);
    expect(steps[0]!.needs.filter((n) => n === 'space' || n === 'quiet')).toHaveLength(2);
  });

  test('among equals, a step that suits the chosen state wins', () => {
    const withFawn = ids(suggestSteps({ needs: ['space'], states: ['fawn'] }));
    expect(withFawn[0]).toBe('one-small-no');
  });

  test('history outranks the built-in order (what has helped this person before)', () => {
    const without = ids(suggestSteps({ needs: ['rest'], states: [] }));
    const withHistory = ids(suggestSteps({ needs: ['rest'], states: [] }, new Map([['step-away-screen', 3]])));
    expect(withHistory[0]).toBe('step-away-screen');
    expect(without[0]).toBe('rest-without-explaining');
  });

  test('stable: the same input gives the same list', () => {
    const input = { needs: ['comfort' as const], states: ['freeze' as const] };
    expect(ids(suggestSteps(input))).toEqual(ids(suggestSteps(input)));
  });

  test('no built-in step asks to hold the breath or close the eyes', () => {
    for (const text of Object.values(stepCopy)) expect(text).not.toMatch(/hold (your )?breath|close your eyes/i);
  });
});
