/**
 * The bounds and choices for scheduled pauses as plain constants, with no zod,
 * so the renderer's settings view can import them at runtime. pause-settings.ts
 * builds its schema from these, so the limits live in one place.
 */

export const MINUTES_PER_DAY = 1440;

/** Weekdays as `Date#getDay()` numbers: 0 = Sunday … 6 = Saturday. */
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const PAUSE_LIMITS = {
  intervalSeconds: { min: 20 * 60, max: 4 * 60 * 60 },
  snoozeSeconds: { min: 5 * 60, max: 60 * 60 },
  /** Enough for a lunch, a commute and a few meetings; bounded so the list stays reviewable. */
  quietPeriods: 8,
} as const;

/** The time between pauses the settings view offers, in seconds (all inside PAUSE_LIMITS). */
export const INTERVAL_CHOICES_SECONDS = [20 * 60, 30 * 60, 45 * 60, 60 * 60, 90 * 60, 2 * 60 * 60, 3 * 60 * 60, 4 * 60 * 60] as const;

/** How long "Snooze" can postpone a pause, in seconds (all inside PAUSE_LIMITS). */
export const SNOOZE_CHOICES_SECONDS = [5 * 60, 10 * 60, 15 * 60, 30 * 60, 60 * 60] as const;

/** A quiet period added in the settings view starts as lunchtime; the person changes it from there. */
export const NEW_QUIET_PERIOD = { startMinute: 12 * 60, endMinute: 13 * 60 } as const;
