/** The pause exercises and how long each line stays, decided without timers so it can be tested. */
export const EXERCISE_IDS = ['look-around', 'feel-support', 'sounds-near-far'] as const;
export type ExerciseId = (typeof EXERCISE_IDS)[number];

export const PAUSE_LENGTHS_SECONDS = [60, 120, 180] as const;
export const DEFAULT_PAUSE_SECONDS = 120;

export interface ExerciseProgress {
  /** Index of the line to show now. */
  prompt: number;
  /** Whole seconds left, never negative. */
  remainingSeconds: number;
  done: boolean;
}

/**
 * Pure: where an exercise is after `elapsedMs`. Lines share the time evenly and
 * the last line stays until the end; elapsed time comes from a clock, not from
 * counting ticks, so a slow or sleeping machine never speeds it up.
 */
export const exerciseProgress = (elapsedMs: number, lengthSeconds: number, promptCount: number): ExerciseProgress => {
  const total = lengthSeconds * 1000;
  const elapsed = Math.min(Math.max(elapsedMs, 0), total);
  const perPrompt = total / Math.max(promptCount, 1);
  return {
    prompt: Math.min(promptCount - 1, Math.floor(elapsed / perPrompt)),
    remainingSeconds: Math.ceil((total - elapsed) / 1000),
    done: elapsed >= total,
  };
};

/** Pure: the exercise to offer when one "isn't helping" — the next one, never the same. */
export const anotherExercise = (current: ExerciseId): ExerciseId =>
  EXERCISE_IDS[(EXERCISE_IDS.indexOf(current) + 1) % EXERCISE_IDS.length] as ExerciseId;
