import { z } from 'zod';

import { LANGUAGE_CHOICES } from './i18n/locale-choice';
import { DEFAULT_PAUSE_SETTINGS, pauseSettingsSchema } from './pauses/pause-settings';
import {
  ACCELERATOR_MAX_LENGTH,
  CLOSE_AFTER_SAVE_LIMITS,
  DEFAULT_SHORTCUT,
  FOLLOW_UP_LIMITS,
  LOCK_AFTER_IDLE_LIMITS,
  MOTION,
  THEMES,
  ZOOM_STEPS,
} from './settings-limits';

/**
 * The one description of Attune's settings. Main checks the file, what the
 * store loads and every write with it (the store has no schema of its own),
 * and the renderer gets its types from it. Numbers are seconds or local minutes after midnight — never
 * Date strings, so a timezone change cannot shift a setting.
 */
export const SETTINGS_VERSION = 4;

export { DEFAULT_SHORTCUT, MOTION, THEMES, ZOOM_STEPS } from './settings-limits';

/** Electron accelerators are short ASCII strings like "CommandOrControl+Alt+Space". */
export const acceleratorSchema = z.string().min(1).max(ACCELERATOR_MAX_LENGTH);

export const appearanceSchema = z.strictObject({
  theme: z.enum(THEMES),
  motion: z.enum(MOTION),
  /** Neutral tray icon, tooltip "Attune", neutral notification text. */
  discreet: z.boolean(),
  /** Every window's zoom (Ctrl/Cmd + = - 0), one of Chromium's steps. */
  zoomPercent: z.literal(ZOOM_STEPS),
  /** The language of every window, the tray and notifications: 'system' follows the system's preferred languages. */
  language: z.enum(LANGUAGE_CHOICES),
});

export const checkInSettingsSchema = z.strictObject({
  /** Minutes until a gentle "did that help?", or null for never. */
  followUpMinutes: z.number().int().min(FOLLOW_UP_LIMITS.min).max(FOLLOW_UP_LIMITS.max).nullable(),
  /** Seconds "Noted." stays before the popover closes itself (only when the person is not in it), or null for never. */
  closeAfterSaveSeconds: z.number().int().min(CLOSE_AFTER_SAVE_LIMITS.min).max(CLOSE_AFTER_SAVE_LIMITS.max).nullable(),
  /** The first screen's optional questions (who's driving, how manageable) were left open. */
  moreQuestionsOpen: z.boolean(),
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
  appearance: { theme: 'system', motion: 'system', discreet: true, zoomPercent: 100, language: 'system' },
  pauses: DEFAULT_PAUSE_SETTINGS,
  checkIn: { followUpMinutes: 20, closeAfterSaveSeconds: 3, moreQuestionsOpen: false },
  privacy: { lockAfterIdleMinutes: 15, lockWithScreen: true },
  // Nothing starts itself behind the person's back: start at login is off until chosen.
  system: { startAtLogin: false },
  help: { region: null },
};
