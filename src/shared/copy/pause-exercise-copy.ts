import { live, liveGroup } from '../i18n/messages';
import type { ExerciseId } from '../pauses/exercises';

/**
 * The pause exercises: orienting and grounding with eyes open, each line an
 * invitation. Breathing is offered, never required, and never held.
 * Words: messages/<locale>/pause-exercise.json.
 */
const words = /* @__PURE__ */ live('pauseExercise');

export const exerciseCopy: Record<ExerciseId, { title: string; intro: string; prompts: readonly string[] }> = /* @__PURE__ */ liveGroup(
  () => words.exercises,
  () => ({}),
);

export const pauseCopy = /* @__PURE__ */ liveGroup(
  () => words.pause,
  (m) => ({
    /** A pause's length in the picker: "1 minute", "2 minutes" (plural rules, not a fixed list). */
    length: (seconds: number) => m.length({ count: seconds / 60 }),
    /** Only when the person turns it on in Settings; whole minutes, never seconds. */
    timeLeft: (count: number) => (count < 1 ? m.timeLeftUnderOne : m.timeLeft({ count })),
    tryAnother: (title: string) => m.tryAnother({ title }),
  }),
);
