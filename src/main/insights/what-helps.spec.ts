import { describe, expect, test } from 'vitest';

import type { Entry } from '../../shared/entry-schema';
import { suggestSteps } from '../../shared/steps/suggest-steps';
import { checkIn, DAY, followUp, MIN, T0, tried } from './testing/entry-builders';
import { buildWhatHelpsMap, DEFAULT_HALF_LIFE_DAYS, explainStep, stepScoresFor } from './what-helps';

const NOW = T0 + 10 * DAY;
const freeze = { states: ['freeze'] as const, needs: ['safety'] as const };
const water = { id: 'drink-water', text: 'Get a glass of water' };
const feet = { id: 'feet-on-floor', text: 'Feel your feet on the floor' };
const frozen = (step: { id?: string; text: string }) => ({ states: ['freeze' as const], needs: ['safety' as const], step });

describe('buildWhatHelpsMap', () => {
  test('counts each step overall, per state and per need, with no answer counted apart', () => {
    const entries = [
      ...tried(1, T0, { states: ['freeze', 'fawn'], needs: ['safety'], step: water }, 'helped'),
      ...tried(2, T0 + DAY, { states: ['freeze'], needs: ['rest'], step: water }, 'not-really'),
      ...tried(3, T0 + 2 * DAY, { states: ['fight'], needs: ['space'], step: water }, null),
      checkIn('nostep0001', T0, { states: ['freeze'] }),
    ];
    const map = buildWhatHelpsMap(entries, NOW);
    expect(map.overall.get('drink-water')?.counts).toEqual({
      helped: 1,
      'a-bit': 0,
      'not-really': 1,
      'did-not-get-to-it': 0,
      'no-follow-up': 1,
    });
    expect(map.byState.get('freeze')?.get('drink-water')?.counts.helped).toBe(1);
    expect(map.byState.get('freeze')?.get('drink-water')?.counts['not-really']).toBe(1);
    expect(map.byState.get('fawn')?.get('drink-water')?.counts.helped).toBe(1);
    expect(map.byState.get('fight')?.get('drink-water')?.counts['no-follow-up']).toBe(1);
    expect(map.byNeed.get('rest')?.get('drink-water')?.counts['not-really']).toBe(1);
    expect(map.byState.has('withdrawal')).toBe(false);
    expect(map.overall.get('drink-water')?.lastAt).toBe(T0 + 2 * DAY);
  });

  test('the latest answer for a check-in wins, whatever order entries come in', () => {
    const entries = [
      followUp('later0001', 'check00001', T0 + 3 * 60 * MIN, 'helped'),
      checkIn('check00001', T0, frozen(water)),
      followUp('first0001', 'check00001', T0 + 30 * MIN, 'not-really'),
    ];
    expect(buildWhatHelpsMap(entries, NOW).overall.get('drink-water')?.counts).toMatchObject({ helped: 1, 'not-really': 0 });
    expect(buildWhatHelpsMap([...entries].reverse(), NOW).overall.get('drink-water')?.counts).toMatchObject({ helped: 1, 'not-really': 0 });
  });

  test('two answers at the same instant: the one listed later wins', () => {
    const entries = [
      checkIn('check00001', T0, frozen(water)),
      followUp('a0000001', 'check00001', T0 + MIN, 'a-bit'),
      followUp('b0000001', 'check00001', T0 + MIN, 'helped'),
    ];
    expect(buildWhatHelpsMap(entries, NOW).overall.get('drink-water')?.counts).toMatchObject({ helped: 1, 'a-bit': 0 });
  });

  test('a follow-up whose check-in was deleted leaves no trace', () => {
    const kept = tried(1, T0, frozen(water), 'helped');
    const orphan = followUp('orphan001', 'deleted001', T0 + MIN, 'not-really');
    const map = buildWhatHelpsMap([...kept, orphan], NOW);
    expect(map).toEqual(buildWhatHelpsMap(kept, NOW));
  });

  test('own steps written differently count as one step, shown in the latest wording', () => {
    const entries = [
      ...tried(1, T0, { states: ['freeze'], step: { text: 'Make tea' } }, 'helped'),
      ...tried(2, T0 + DAY, { states: ['freeze'], step: { text: 'make tea.' } }, 'a-bit'),
      ...tried(3, T0 + 2 * DAY, { states: ['freeze'], step: { text: '  Make  TEA ' } }, 'helped'),
      ...tried(4, T0 + 3 * DAY, { states: ['freeze'], step: { text: '   ' } }, 'helped'),
    ];
    const map = buildWhatHelpsMap(entries, NOW);
    expect([...map.overall.keys()]).toEqual(['own:make tea']);
    expect(map.overall.get('own:make tea')?.counts).toMatchObject({ helped: 2, 'a-bit': 1 });
    expect(map.ownStepText.get('own:make tea')).toBe('Make  TEA');
  });

  test(`recency: an answer ${DEFAULT_HALF_LIFE_DAYS} days old weighs half, a future one (clock set back) no more than today`, () => {
    const entries = [
      ...tried(1, NOW - 30 * DAY, frozen(water), 'helped'),
      ...tried(2, NOW - 60 * DAY, frozen(feet), 'helped'),
      ...tried(3, NOW + 5 * DAY, frozen({ id: 'warm-something', text: 'Warm' }), 'helped'),
    ];
    const map = buildWhatHelpsMap(entries, NOW);
    expect(map.overall.get('drink-water')?.weighted.helped).toBeCloseTo(0.5, 10);
    expect(map.overall.get('feet-on-floor')?.weighted.helped).toBeCloseTo(0.25, 10);
    expect(map.overall.get('warm-something')?.weighted.helped).toBe(1);
    expect(map.overall.get('drink-water')?.counts.helped).toBe(1);
    expect(buildWhatHelpsMap(entries, NOW, { halfLifeDays: 60 }).overall.get('feet-on-floor')?.weighted.helped).toBeCloseTo(0.5, 10);
  });

  test('empty history gives an empty map', () => {
    const map = buildWhatHelpsMap([], NOW);
    expect(map.overall.size).toBe(0);
    expect(map.byState.size).toBe(0);
    expect(stepScoresFor(map, freeze).size).toBe(0);
  });
});

/** n answers for a step in the freeze/safety context, one day apart, ending `daysAgo` before NOW. */
const answers = (
  start: number,
  step: { id?: string; text: string },
  outcomes: readonly Parameters<typeof tried>[3][],
  daysAgo = 1,
): Entry[] => outcomes.flatMap((outcome, i) => tried(start + i, NOW - (daysAgo + i) * DAY, frozen(step), outcome));

describe('stepScoresFor', () => {
  test('sparse history (fewer than 3 answers here) keeps the built-in order: empty scores', () => {
    const map = buildWhatHelpsMap(answers(1, water, ['helped', 'helped', null, 'did-not-get-to-it']), NOW);
    expect(stepScoresFor(map, freeze).size).toBe(0);
    expect(stepScoresFor(map, freeze, { minAnswered: 2 }).get('drink-water')).toBeGreaterThan(0);
  });

  test('"helped" raises, "a bit" raises less, "not really" lowers', () => {
    const map = buildWhatHelpsMap(
      [
        ...answers(1, water, ['helped', 'helped']),
        ...answers(10, feet, ['a-bit', 'a-bit']),
        ...answers(20, { id: 'name-five-things', text: 'n' }, ['not-really']),
      ],
      NOW,
    );
    const scores = stepScoresFor(map, { states: ['freeze'] });
    expect(scores.get('drink-water')).toBeGreaterThan(scores.get('feet-on-floor') as number);
    expect(scores.get('feet-on-floor')).toBeGreaterThan(0);
    expect(scores.get('name-five-things')).toBeLessThan(0);
  });

  test('"didn\'t get to it" is neutral, not a failure', () => {
    const base = [...answers(1, water, ['helped', 'a-bit', 'helped'])];
    const withSkips = [...base, ...answers(10, feet, ['did-not-get-to-it', 'did-not-get-to-it'])];
    const scores = stepScoresFor(buildWhatHelpsMap(withSkips, NOW), freeze);
    expect(scores.has('feet-on-floor')).toBe(false);
    expect(scores.get('drink-water')).toBe(stepScoresFor(buildWhatHelpsMap(base, NOW), freeze).get('drink-water'));
  });

  test('recent help outranks the same help long ago', () => {
    const map = buildWhatHelpsMap([...answers(1, water, ['helped', 'helped'], 90), ...answers(10, feet, ['helped', 'helped'], 1)], NOW);
    const scores = stepScoresFor(map, freeze);
    expect(scores.get('feet-on-floor')).toBeGreaterThan(scores.get('drink-water') as number);
  });

  test('equal histories tie exactly, so the built-in order breaks the tie', () => {
    // Both serve "safety" and suit freeze; name-five-things comes first in the catalogue.
    const five = { id: 'name-five-things', text: 'Name five things' };
    const shared = (n: number, step: typeof water, daysAgo: number) => tried(n, NOW - daysAgo * DAY, frozen(step), 'helped');
    const tie = buildWhatHelpsMap([...shared(1, five, 2), ...shared(2, feet, 2), ...shared(3, five, 5), ...shared(4, feet, 5)], NOW);
    const scores = stepScoresFor(tie, freeze);
    expect(scores.get('name-five-things')).toBe(scores.get('feet-on-floor'));
    expect(
      suggestSteps(freeze, scores)
        .map((s) => s.id)
        .slice(0, 2),
    ).toEqual(['name-five-things', 'feet-on-floor']);
    // One more recent "helped" for feet-on-floor breaks the tie the other way.
    const ahead = buildWhatHelpsMap(
      [...shared(1, five, 2), ...shared(2, feet, 2), ...shared(3, five, 5), ...shared(4, feet, 5), ...shared(5, feet, 1)],
      NOW,
    );
    expect(
      suggestSteps(freeze, stepScoresFor(ahead, freeze))
        .map((s) => s.id)
        .slice(0, 2),
    ).toEqual(['feet-on-floor', 'name-five-things']);
  });

  test('the scores change what suggestSteps puts first', () => {
    const before = suggestSteps({ states: ['freeze'], needs: ['safety'] }).map((s) => s.id);
    const helper = { id: 'warm-something', text: 'Warm' };
    const map = buildWhatHelpsMap(answers(1, helper, ['helped', 'helped', 'helped', 'a-bit']), NOW);
    const after = suggestSteps({ states: ['freeze'], needs: ['safety'] }, stepScoresFor(map, freeze)).map((s) => s.id);
    expect(before[0]).not.toBe('warm-something');
    expect(after[0]).toBe('warm-something');
  });

  test('history from other states does not reorder this one', () => {
    const entries = [1, 2, 3, 4].flatMap((n) => tried(n, NOW - n * DAY, { states: ['fight'], needs: ['space'], step: water }, 'helped'));
    expect(stepScoresFor(buildWhatHelpsMap(entries, NOW), freeze).size).toBe(0);
    expect(stepScoresFor(buildWhatHelpsMap(entries, NOW), { states: ['fight'] }).get('drink-water')).toBeGreaterThan(0);
  });

  test('nothing chosen yet: all check-ins count', () => {
    const map = buildWhatHelpsMap(answers(1, water, ['helped', 'helped', 'helped']), NOW);
    expect(stepScoresFor(map, {}).get('drink-water')).toBeGreaterThan(0);
  });

  test('own steps are scored only when asked (suggestSteps knows only the catalogue)', () => {
    const map = buildWhatHelpsMap(answers(1, { text: 'Make tea' }, ['helped', 'helped', 'helped']), NOW);
    expect(stepScoresFor(map, freeze).size).toBe(0);
    expect(stepScoresFor(map, freeze, { includeOwnSteps: true }).get('own:make tea')).toBeGreaterThan(0);
  });
});

describe('explainStep', () => {
  test('"helped you 4 of 5 times when freeze was present": plain counts, for the state with most answers', () => {
    const entries = [
      ...answers(1, water, ['helped', 'helped', 'a-bit', 'helped', 'not-really', 'did-not-get-to-it', null]),
      ...tried(50, NOW - DAY, { states: ['fawn'], step: water }, 'helped'),
      ...tried(51, NOW - DAY, { states: ['fawn'], step: water }, 'helped'),
    ];
    const map = buildWhatHelpsMap(entries, NOW);
    expect(explainStep(map, 'drink-water', { states: ['fawn', 'freeze'] })).toEqual({
      stepKey: 'drink-water',
      state: 'freeze',
      helped: 3,
      aBit: 1,
      notReally: 1,
      answered: 5,
    });
  });

  test('a tie between states goes to the first one given', () => {
    const entries = [1, 2].flatMap((n) => tried(n, NOW - n * DAY, { states: ['fawn', 'freeze'], step: water }, 'helped'));
    expect(explainStep(buildWhatHelpsMap(entries, NOW), 'drink-water', { states: ['freeze', 'fawn'] })?.state).toBe('freeze');
  });

  test('falls back to all check-ins when no chosen state has enough', () => {
    const entries = [1, 2].flatMap((n) => tried(n, NOW - n * DAY, { states: ['fight'], step: water }, 'helped'));
    expect(explainStep(buildWhatHelpsMap(entries, NOW), 'drink-water', { states: ['freeze'] })).toMatchObject({
      state: null,
      helped: 2,
      answered: 2,
    });
  });

  test('says nothing on one answer, or when it did not help more often than not', () => {
    expect(explainStep(buildWhatHelpsMap(answers(1, water, ['helped']), NOW), 'drink-water', freeze)).toBeNull();
    expect(explainStep(buildWhatHelpsMap(answers(1, water, ['helped', 'not-really']), NOW), 'drink-water', freeze)).toBeNull();
    expect(
      explainStep(buildWhatHelpsMap(answers(1, water, ['did-not-get-to-it', 'did-not-get-to-it']), NOW), 'drink-water', freeze),
    ).toBeNull();
    expect(explainStep(buildWhatHelpsMap([], NOW), 'drink-water', freeze)).toBeNull();
  });
});
