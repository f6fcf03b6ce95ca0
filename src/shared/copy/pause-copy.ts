import { live } from '../i18n/messages';

/**
 * Words for the scheduled-pause notification. Anyone glancing at the screen may
 * read a notification, so it names no feeling, state or health topic: it reads
 * like any app asking for a minute (copy-guide: "Attune — a minute for you?").
 * Re-exported by the central copy module. Words: messages/<locale>/pause.json
 * (`close` is the macOS alert's close button). Main keeps these views and reads
 * them when a notification is shown, so it speaks the language of that moment.
 */
export interface PauseNotificationCopy {
  readonly title: string;
  readonly body: string;
  readonly actions: { readonly start: string; readonly snooze: string; readonly skip: string };
  readonly close: string;
}

export const pauseNotificationCopy: PauseNotificationCopy = /* @__PURE__ */ live('pause', () => ({}));

/**
 * With discreet mode turned off (the person's choice), the notification may say
 * a little more about what it offers — still no feeling, state or health word.
 */
export const pauseNotificationCopyPlain: PauseNotificationCopy = /* @__PURE__ */ live('pause', (m) => ({ body: m.bodyPlain }));
