/**
 * Words for the scheduled-pause notification. Anyone glancing at the screen may
 * read a notification, so it names no feeling, state or health topic: it reads
 * like any app asking for a minute (copy-guide: "Attune — a minute for you?").
 * Re-exported by the central copy module; edit wording here, nowhere else.
 */
export interface PauseNotificationCopy {
  readonly title: string;
  readonly body: string;
  readonly actions: { readonly start: string; readonly snooze: string; readonly skip: string };
  readonly close: string;
}

export const pauseNotificationCopy = {
  title: 'Attune',
  body: 'A minute for you?',
  actions: {
    start: 'Start',
    snooze: 'Snooze',
    skip: 'Skip',
  },
  /** macOS alert close button. */
  close: 'Close',
} as const satisfies PauseNotificationCopy;

/**
 * With discreet mode turned off (the person's choice), the notification may say
 * a little more about what it offers — still no feeling, state or health word.
 */
export const pauseNotificationCopyPlain = {
  ...pauseNotificationCopy,
  body: 'A short pause to notice what you need?',
} as const satisfies PauseNotificationCopy;
