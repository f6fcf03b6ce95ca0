import { z } from 'zod';
import { DEFAULT_PAUSE_SETTINGS, pauseSettingsSchema } from './pause-settings';

/**
 * The one description of Attune's settings. Main validates every write with it,
 * the electron-store JSON schema is generated from it, and the renderer gets its
 * types from it. Numbers are seconds or local minutes after midnight — never
 * Date strings, so a timezone change cannot shift a setting.
 */
export const SETTINGS_VERSION = 1;

export const THEMES = ['system', 'light', 'dark'] as const;
export const MOTION = ['system', 'reduce'] as const;

/** Electron accelerators are short ASCII strings like "CommandOrControl+Alt+Space". */
export const acceleratorSchema = z.string().min(1).max(64);

export const appearanceSchema = z.strictObject({
  theme: z.enum(THEMES),
  motion: z.enum(MOTION),
  /** Neutral tray icon, tooltip "Attune", neutral notification text. */
  discreet: z.boolean(),
});

export const settingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  shortcut: acceleratorSchema,
  appearance: appearanceSchema,
  pauses: pauseSettingsSchema,
});

export type Settings = z.infer<typeof settingsSchema>;
export type AppearanceSettings = z.infer<typeof appearanceSchema>;

/** A write names whole top-level sections; `version` is main's alone. */
export const settingsPatchSchema = settingsSchema.omit({ version: true }).partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SHORTCUT = 'CommandOrControl+Alt+Space';

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  shortcut: DEFAULT_SHORTCUT,
  appearance: { theme: 'system', motion: 'system', discreet: true },
  pauses: DEFAULT_PAUSE_SETTINGS,
};
