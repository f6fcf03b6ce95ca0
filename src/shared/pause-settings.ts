import { z } from 'zod';

/**
 * Scheduled-pause settings (issue: scheduled pauses). Off until the person turns
 * them on. Times of day are local minutes after midnight; durations are seconds.
 */
export const pauseSettingsSchema = z.strictObject({
  enabled: z.boolean(),
});

export type PauseSettings = z.infer<typeof pauseSettingsSchema>;

export const DEFAULT_PAUSE_SETTINGS: PauseSettings = {
  enabled: false,
};
