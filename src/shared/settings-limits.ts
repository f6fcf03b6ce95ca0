/**
 * The ids, bounds and choices of Attune's settings as plain constants, with no
 * zod, so the renderer's settings view can import them at runtime.
 * settings-schema.ts builds its schema from these, so they live in one place.
 */

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const MOTION = ['system', 'reduce'] as const;
export type Motion = (typeof MOTION)[number];

/** Electron accelerators are short ASCII strings like "CommandOrControl+Alt+Space". */
export const ACCELERATOR_MAX_LENGTH = 64;

export const DEFAULT_SHORTCUT = 'CommandOrControl+Alt+Space';

/** Minutes until a gentle "did that help?". */
export const FOLLOW_UP_LIMITS = { min: 5, max: 24 * 60 } as const;

/** Idle minutes before the history locks. */
export const LOCK_AFTER_IDLE_LIMITS = { min: 1, max: 24 * 60 } as const;

/** What the settings view offers; null is "off". All inside the limits above. */
export const FOLLOW_UP_CHOICES = [null, 10, 20, 30, 60] as const;
export const LOCK_AFTER_IDLE_CHOICES = [null, 5, 15, 30, 60] as const;

/** Page zoom, in percent: Chromium's own steps, so Ctrl+= and Ctrl+- land where a browser would. */
export const ZOOM_STEPS = [50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300] as const;
export const DEFAULT_ZOOM = 100;

/** Seconds "Noted." stays before the popover closes itself; null is "never". */
export const CLOSE_AFTER_SAVE_LIMITS = { min: 1, max: 60 } as const;
export const CLOSE_AFTER_SAVE_CHOICES = [3, 5, 10, null] as const;
