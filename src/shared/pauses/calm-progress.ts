import { exerciseProgress } from './exercises';

/** Where a running pause is, in words that carry no numbers (copy guide: no countdown pressure). */
export type CalmStage = 'start' | 'middle' | 'end';

export interface CalmProgress {
  /** How much of the quiet line is filled, 0 to 1. */
  fraction: number;
  /** For the text alternative; changes twice in a whole pause, so it never ticks. */
  stage: CalmStage;
  /** Whole minutes left, rounded ("about"); 0 means less than a minute. Shown only when the person asks for it. */
  minutesLeft: number;
}

/**
 * Pure: the calm progress of a running pause. With less motion the line moves
 * only when the words change (a handful of still steps in a whole pause);
 * otherwise it follows the clock and CSS glides it along.
 */
export const calmProgress = (elapsedMs: number, lengthSeconds: number, promptCount: number, lessMotion: boolean): CalmProgress => {
  const { prompt, remainingSeconds } = exerciseProgress(elapsedMs, lengthSeconds, promptCount);
  const total = lengthSeconds * 1000;
  const exact = total > 0 ? Math.min(Math.max(elapsedMs, 0), total) / total : 1;
  const fraction = lessMotion ? prompt / Math.max(promptCount, 1) : exact;
  const stage: CalmStage = exact < 1 / 3 ? 'start' : exact < 2 / 3 ? 'middle' : 'end';
  const minutesLeft = remainingSeconds < 60 ? 0 : Math.round(remainingSeconds / 60);
  return { fraction, stage, minutesLeft };
};

/**
 * Pure: whether to keep things still — the person's Attune setting, or the
 * system's reduced-motion preference when Attune follows the system.
 */
export const wantsLessMotion = (motionSetting: 'system' | 'reduce', systemPrefersReduced: boolean): boolean =>
  motionSetting === 'reduce' || systemPrefersReduced;
