import { z } from 'zod';

import { DEFAULT_PAUSE_SETTINGS, pauseSettingsSchema } from './pauses/pause-settings';
import { ACCELERATOR_MAX_LENGTH, DEFAULT_SHORTCUT, FOLLOW_UP_LIMITS, LOCK_AFTER_IDLE_LIMITS, MOTION, THEMES } from './settings-limits';

/**
 * The one description of Attune's settings. Main checks the file, what the
 * store loads and every write with it (the store has no schema of its own),
 * and the renderer gets its types from it. Numbers are seconds or local minutes after midnight — never
 * Date strings, so a timezone change cannot shift a setting.
 */
export const SETTINGS_VERSION = 2;

export { DEFAULT_SHORTCUT, MOTION, THEMES } from './settings-limits';

/** Electron accelerators are short ASCII strings like "CommandOrControl+Alt+Space". */
export const acceleratorSchema = z.string().min(1).max(ACCELERATOR_MAX_LENGTH);

export const appearanceSchema = z.strictObject({
  theme: z.enum(THEMES),
  motion: z.enum(MOTION),
  /** Neutral tray icon, tooltip "Attune", neutral notification text. */
  discreet: z.boolean(),
});

export const checkInSettingsSchema = z.strictObject({
  /** Minutes until a gentle "did that help?", or null for never. */
  followUpMinutes: z.number().int().min(FOLLOW_UP_LIMITS.min).max(FOLLOW_UP_LIMITS.max).nullable(),
});

export const privacySettingsSchema = z.strictObject({
  /** Lock the history after this many idle minutes, or null for never. */
  lockAfterIdleMinutes: z.number().int().min(LOCK_AFTER_IDLE_LIMITS.min).max(LOCK_AFTER_IDLE_LIMITS.max).nullable(),
  /** Lock the history when the computer's screen locks. */
  lockWithScreen: z.boolean(),
});

export const systemSettingsSchema = z.strictObject({
  startAtLogin: z.boolean(),
});

export const helpSettingsSchema = z.strictObject({
  /** ISO country for "Get help now", or null to follow the system's region. */
  region: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
});

export const settingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  shortcut: acceleratorSchema,
  appearance: appearanceSchema,
  pauses: pauseSettingsSchema,
  checkIn: checkInSettingsSchema,
  privacy: privacySettingsSchema,
  system: systemSettingsSchema,
  help: helpSettingsSchema,
});

export type Settings = z.infer<typeof settingsSchema>;
export type AppearanceSettings = z.infer<typeof appearanceSchema>;
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

/** A write names whole top-level sections; `version` is main's alone. */
export const settingsPatchSchema = settingsSchema.omit({ version: true }).partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  shortcut: DEFAULT_SHORTCUT,
  appearance: { theme: 'system', motion: 'system', discreet: true },
  pauses: DEFAULT_PAUSE_SETTINGS,
  checkIn: { followUpMinutes: 20 },
  privacy: { lockAfterIdleMinutes: 15, lockWithScreen: true },
  // Nothing starts itself behind the person's back: start at login is off until chosen.
  system: { startAtLogin: false },
  help: { region: null },
};
