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

  test('a step just tried that did not help comes last, even where history ranks it first', () => {
    const history = new Map([['step-away-screen', 3]]);
    const before = ids(suggestSteps({ needs: ['rest'], states: [] }, history));
    expect(before[0]).toBe('step-away-screen');
    const after = ids(suggestSteps({ needs: ['rest'], states: [], tried: 'step-away-screen' }, history));
    expect(after).toHaveLength(3);
    expect(after[2]).toBe('step-away-screen');
    expect(after.slice(0, 2)).toEqual(before.slice(1, 3));
    // A step outside what these needs suggest is still offered (it was the person's choice), last.
    const elsewhere = ids(suggestSteps({ needs: ['rest'], states: [], tried: 'one-small-no' }));
    expect(elsewhere).toEqual([...ids(suggestSteps({ needs: ['rest'], states: [] })).slice(0, 2), 'one-small-no']);
    // Words of the person's own, or an unknown id: nothing to move.
    expect(ids(suggestSteps({ needs: ['rest'], states: [], tried: 'no-such-step' }))).toEqual(
      ids(suggestSteps({ needs: ['rest'], states: [] })),
    );
  });

  test('stable: the same input gives the same list', () => {
    const input = { needs: ['comfort' as const], states: ['freeze' as const] };
    expect(ids(suggestSteps(input))).toEqual(ids(suggestSteps(input)));
  });

  test('no built-in step asks to hold the breath or close the eyes', () => {
    for (const text of Object.values(stepCopy)) expect(text).not.toMatch(/hold (your )?breath|close your eyes/i);
  });
});
