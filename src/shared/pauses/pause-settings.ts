import { z } from 'zod';

import { MINUTES_PER_DAY, PAUSE_LIMITS, WEEKDAYS } from './pause-settings-limits';

/**
 * Scheduled-pause settings. Off until the person turns them on.
 *
 * Times of day are local minutes after midnight and durations are seconds —
 * never Date strings — so a timezone or DST change moves pauses with the
 * person's day instead of shifting them by an hour. Plain data only: the
 * renderer imports this file's types, so no Node or Electron APIs here; the
 * bounds are in pause-settings-limits.ts (zod-free, for the settings view).
 */

export { MINUTES_PER_DAY, PAUSE_LIMITS, type Weekday, WEEKDAYS } from './pause-settings-limits';

/**
 * A daily span of local time: `[startMinute, endMinute)`.
 * `endMinute` may be 1440 (midnight at the end of the day). When `endMinute`
 * is before `startMinute` the span crosses midnight (22:00–02:00) and belongs
 * to the day it starts on. `{ startMinute: 0, endMinute: 1440 }` is all day.
 */
export const localSpanSchema = z
  .strictObject({
    startMinute: z
      .int()
      .min(0)
      .max(MINUTES_PER_DAY - 1),
    endMinute: z.int().min(1).max(MINUTES_PER_DAY),
  })
  .refine((span) => span.startMinute !== span.endMinute, 'Start and end need to differ.');

export type LocalSpan = z.infer<typeof localSpanSchema>;

export const pauseSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  /** Time between pauses, in seconds (20 min – 4 h). */
  intervalSeconds: z.int().min(PAUSE_LIMITS.intervalSeconds.min).max(PAUSE_LIMITS.intervalSeconds.max),
  /** Days on which the active hours start. Empty means no pauses at all. */
  activeDays: z
    .array(z.literal(WEEKDAYS))
    .max(WEEKDAYS.length)
    .refine((days) => new Set(days).size === days.length, 'Each day can appear once.'),
  /** When pauses may come, on each active day. Reaching the start begins a fresh interval. */
  activeHours: localSpanSchema,
  /** Daily spans with no pauses (every day); a pause due inside one waits for its end. */
  quietPeriods: z.array(localSpanSchema).max(PAUSE_LIMITS.quietPeriods),
  /** How long "Snooze" postpones a pause, in seconds (5 – 60 min). */
  snoozeSeconds: z.int().min(PAUSE_LIMITS.snoozeSeconds.min).max(PAUSE_LIMITS.snoozeSeconds.max),
  /** Show the minutes left in a running pause; off by default, as a countdown is pressure. */
  showTimeLeft: z.boolean(),
});

export type PauseSettings = z.infer<typeof pauseSettingsSchema>;

export const DEFAULT_PAUSE_SETTINGS: PauseSettings = {
  enabled: false,
  intervalSeconds: 60 * 60,
  activeDays: [1, 2, 3, 4, 5],
  activeHours: { startMinute: 9 * 60, endMinute: 17 * 60 },
  quietPeriods: [],
  snoozeSeconds: 10 * 60,
  showTimeLeft: false,
};
