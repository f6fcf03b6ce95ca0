import { z } from 'zod';

import { EPOCH_MS_MAX } from '../epoch';

/**
 * What the pause scheduler remembers between runs, and the small vocabulary
 * the tray, IPC and settings use to talk about it. Instants are UTC epoch ms
 * (numbers, never Date objects or local strings), so a timezone change never
 * moves something that already happened. Plain data only: the renderer imports this.
 */

/** Epoch milliseconds, bounded to what `Date` can represent. */
export const epochMsSchema = z.int().min(0).max(EPOCH_MS_MAX);

/** Why a pause was moved to a later time instead of coming at its interval. */
export const POSTPONE_REASONS = ['snooze', 'do-not-disturb', 'full-screen'] as const;
export type PostponeReason = (typeof POSTPONE_REASONS)[number];

export const pauseStateSchema = z.strictObject({
  version: z.literal(1),
  /** Start of the running interval: the next regular pause is one interval after it. */
  anchorAt: epochMsSchema.nullable(),
  /** When the last pause notification was offered (the no-burst floor is measured from it). */
  lastShownAt: epochMsSchema.nullable(),
  /** A pause moved to a fixed later time (snooze, or held back by do-not-disturb / full-screen). */
  postponedUntil: epochMsSchema.nullable(),
  postponedBy: z.enum(POSTPONE_REASONS).nullable(),
  /** When do-not-disturb / full-screen first held back the current pause (for the back-off). */
  busySince: epochMsSchema.nullable(),
  /** Set when a pause came due while the person was away (no input); cleared once they are back. */
  awaySince: epochMsSchema.nullable(),
  /** The latest moment they were seen still away; away through a whole interval means a fresh start on return. */
  awayConfirmedAt: epochMsSchema.nullable(),
  /** When to look whether they are back, so a long absence can start a fresh interval at their return. */
  returnCheckAt: epochMsSchema.nullable(),
  /** "Pause reminders for 1 hour / until tomorrow": nothing comes before this instant. */
  remindersPausedUntil: epochMsSchema.nullable(),
  /** "Pause reminders until I turn them back on". */
  remindersOff: z.boolean(),
});

export type PauseState = z.infer<typeof pauseStateSchema>;

export const INITIAL_PAUSE_STATE: PauseState = {
  version: 1,
  anchorAt: null,
  lastShownAt: null,
  postponedUntil: null,
  postponedBy: null,
  busySince: null,
  awaySince: null,
  awayConfirmedAt: null,
  returnCheckAt: null,
  remindersPausedUntil: null,
  remindersOff: false,
};

/** The tray's "Pause reminders ▸" submenu, one command per item. */
export const PAUSE_REMINDERS_COMMANDS = ['for-1-hour', 'until-tomorrow', 'off', 'on'] as const;
export const pauseRemindersCommandSchema = z.enum(PAUSE_REMINDERS_COMMANDS);
export type PauseRemindersCommand = z.infer<typeof pauseRemindersCommandSchema>;

/** Why no pause is planned. */
export const NO_PAUSE_REASONS = ['disabled', 'reminders-off', 'no-active-time'] as const;
export type NoPauseReason = (typeof NO_PAUSE_REASONS)[number];

/** What comes next: the tray shows "Next pause: 14:20" from `at`, or "Pause reminders off". */
export const nextPauseSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('pause'),
    at: epochMsSchema,
    /** 'interval' for a regular pause, otherwise why it was moved. */
    cause: z.enum(['interval', ...POSTPONE_REASONS]),
  }),
  z.strictObject({ kind: z.literal('none'), reason: z.enum(NO_PAUSE_REASONS) }),
]);

export type NextPause = z.infer<typeof nextPauseSchema>;

/** A pause that was offered and not yet answered. `delivered: false` means the tray shows it instead. */
export const pendingPauseSchema = z.strictObject({
  shownAt: epochMsSchema,
  delivered: z.boolean(),
});
export type PendingPause = z.infer<typeof pendingPauseSchema>;

/** Everything the tray and settings view need to describe the schedule. */
export const pauseScheduleViewSchema = z.strictObject({
  next: nextPauseSchema,
  pending: pendingPauseSchema.nullable(),
  remindersPausedUntil: epochMsSchema.nullable(),
  remindersOff: z.boolean(),
});
export type PauseScheduleView = z.infer<typeof pauseScheduleViewSchema>;
