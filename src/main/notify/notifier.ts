/**
 * One discreet pause notification at a time. Two implementations sit behind
 * this: Electron's `Notification` (the app's default) and node-notifier (where
 * Electron's is unavailable, and for the real-delivery test via notify-send).
 *
 * Rules every implementation keeps:
 * - the text is fixed by the copy module (no mental-health words);
 * - showing replaces the previous Attune pause notification, never stacks;
 * - nothing throws: failures come back as `{ ok: false, error }` so the driver
 *   can fall back to the tray.
 */

/** The person's answer. A click on the notification body means 'start'. */
export type PauseResponse = 'start' | 'snooze' | 'skip' | 'dismissed';

export type NotifyErrorCode = 'unsupported' | 'failed' | 'timed-out';

export interface NotifyError {
  readonly code: NotifyErrorCode;
  /** For the local log only; never shown as-is to the person. */
  readonly message: string;
  readonly cause?: unknown;
}

export type NotifyResult = { ok: true } | { ok: false; error: NotifyError };

export interface NotifierCapabilities {
  /** Start / Snooze / Skip buttons appear on the notification. */
  readonly actions: boolean;
  /** A click on the notification is reported (as 'start'). */
  readonly click: boolean;
  /** How "never stack" is kept: the platform replaces by tag, or the previous one is closed first. */
  readonly replace: 'native-tag' | 'close-previous';
  /** `closePause` can remove a notification already on screen. */
  readonly close: boolean;
}

export interface Notifier {
  readonly capabilities: NotifierCapabilities;
  /**
   * Offer the pause. Resolves once the system accepted or refused it; never
   * rejects. `onResponse` may be called later, at most once per shown notification.
   */
  showPause(onResponse: (response: PauseResponse) => void): Promise<NotifyResult>;
  /** Take the pause notification away (after "A short pause now?", or reminders paused). Never rejects. */
  closePause(): Promise<NotifyResult>;
}

export const notifyFailure = (code: NotifyErrorCode, message: string, cause?: unknown): NotifyResult => ({
  ok: false,
  error: cause === undefined ? { code, message } : { code, message, cause },
});

export const describeError = (error: unknown): string => {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return 'unknown error';
};
