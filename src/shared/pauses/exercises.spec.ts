import { describe, expect, test } from 'vitest';

import { exerciseCopy } from '../copy/pause-exercise-copy';
import { anotherExercise, EXERCISE_IDS, exerciseProgress } from './exercises';

describe('exerciseProgress', () => {
  test('lines share the time evenly; the count-down is in whole seconds', () => {
    expect(exerciseProgress(0, 120, 6)).toEqual({ prompt: 0, remainingSeconds: 120, done: false });
    expect(exerciseProgress(19_999, 120, 6)).toEqual({ prompt: 0, remainingSeconds: 101, done: false });
    expect(exerciseProgress(20_000, 120, 6)).toEqual({ prompt: 1, remainingSeconds: 100, done: false });
    expect(exerciseProgress(119_500, 120, 6)).toEqual({ prompt: 5, remainingSeconds: 1, done: false });
  });

  test('ends exactly at the length and never goes past it, even after a long sleep', () => {
    expect(exerciseProgress(120_000, 120, 6)).toEqual({ prompt: 5, remainingSeconds: 0, done: true });
    expect(exerciseProgress(9_000_000, 60, 6)).toEqual({ prompt: 5, remainingSeconds: 0, done: true });
  });

  test('a clock that went backwards starts from the beginning, not below it', () => {
    expect(exerciseProgress(-5000, 60, 6)).toEqual({ prompt: 0, remainingSeconds: 60, done: false });
  });
});

describe('exercises', () => {
  test('"isn’t helping" offers a different exercise each time, round the list', () => {
    for (const id of EXERCISE_IDS) expect(anotherExercise(id)).not.toBe(id);
    expect(new Set(EXERCISE_IDS.map(anotherExercise)).size).toBe(EXERCISE_IDS.length);
  });

  test('every exercise keeps eyes open and never asks to hold the breath', () => {
    for (const id of EXERCISE_IDS) {
      const text = [exerciseCopy[id].intro, ...exerciseCopy[id].prompts].join(' ');
      expect(text).not.toMatch(/close your eyes|eyes closed|hold (your )?breath/i);
      expect(exerciseCopy[id].prompts.length).toBeGreaterThanOrEqual(4);
    }
  });
});
