import type { Notification, NotificationConstructorOptions } from 'electron';

import type { PauseNotificationCopy } from '../../shared/copy/pause-copy';
import { pauseNotificationCopy } from '../../shared/copy/pause-copy';
import type { Notifier, NotifierCapabilities, NotifyResult, PauseResponse } from '../notify/notifier';
import { describeError, notifyFailure } from '../notify/notifier';

/**
 * The pause notification through Electron's `Notification` — the app's default.
 * The class is passed in (`import { Notification } from 'electron'` in
 * platform/pause-adapters.ts), so this file only needs Electron's types and its tests
 * run in plain Node with a fake at the Electron boundary.
 *
 * Platform notes (Electron docs, Notification and NotificationAction):
 * - Action buttons: macOS and Windows. Linux (libnotify) gets the click only.
 * - `id` (same id replaces) works on macOS and Windows; everywhere the previous
 *   notification is also closed first, so Linux never stacks either.
 * - 'failed' is emitted on macOS and Windows; Linux reports no delivery errors.
 */

export interface ElectronNotificationApi {
  new (options?: NotificationConstructorOptions): Notification;
  isSupported(): boolean;
}

const PAUSE_NOTIFICATION_ID = 'attune-pause';
/** Electron only says 'show' once the OS displayed it; without 'failed' by then, it went through. */
const ACCEPT_WINDOW_MS = 1500;

export class ElectronNotifier implements Notifier {
  readonly capabilities: NotifierCapabilities;
  /**
   * Kept referenced on purpose: a Notification that is garbage-collected
   * stops emitting 'click' and 'action' (electron/electron#12690, #16922).
   */
  private current: Notification | null = null;
  private readonly withActions: boolean;

  constructor(
    private readonly api: ElectronNotificationApi,
    platform: NodeJS.Platform,
    private readonly copy: PauseNotificationCopy = pauseNotificationCopy,
  ) {
    this.withActions = platform === 'darwin' || platform === 'win32';
    this.capabilities = {
      actions: this.withActions,
      click: true,
      replace: this.withActions ? 'native-tag' : 'close-previous',
      close: true,
    };
  }

  showPause(onResponse: (response: PauseResponse) => void): Promise<NotifyResult> {
    let supported: boolean;
    try {
      supported = this.api.isSupported();
    } catch (error) {
      return Promise.resolve(notifyFailure('failed', describeError(error), error));
    }
    if (!supported) return Promise.resolve(notifyFailure('unsupported', 'notifications are not supported on this system'));
    this.dropCurrent();

    const { title, body, actions, close } = this.copy;
    const order: PauseResponse[] = ['start', 'snooze', 'skip'];
    return new Promise((resolve) => {
      let settled = false;
      let answered = false;
      const settle = (result: NotifyResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(guard);
        resolve(result);
      };
      const answer = (response: PauseResponse): void => {
        if (answered) return;
        answered = true;
        onResponse(response);
      };
      const guard = setTimeout(() => settle({ ok: true }), ACCEPT_WINDOW_MS);
      try {
        const notification = new this.api({
          id: PAUSE_NOTIFICATION_ID,
          groupId: PAUSE_NOTIFICATION_ID,
          title,
          body,
          silent: true,
          urgency: 'normal',
          timeoutType: 'default',
          closeButtonText: close,
          actions: this.withActions ? [actions.start, actions.snooze, actions.skip].map((text) => ({ type: 'button' as const, text })) : [],
        });
        notification.on('show', () => settle({ ok: true }));
        notification.on('failed', (_event, error) => settle(notifyFailure('failed', error)));
        notification.on('click', () => answer('start'));
        notification.on('action', (details) => {
          const response = order[details.actionIndex];
          if (response) answer(response);
        });
        notification.on('close', (details) => {
          // Only the person closing it is an answer; an OS timeout leaves the pause pending.
          if (details.reason === 'userCanceled') answer('dismissed');
        });
        this.current = notification;
        notification.show();
      } catch (error) {
        settle(notifyFailure('failed', describeError(error), error));
      }
    });
  }

  closePause(): Promise<NotifyResult> {
    try {
      this.dropCurrent();
      return Promise.resolve({ ok: true });
    } catch (error) {
      return Promise.resolve(notifyFailure('failed', describeError(error), error));
    }
  }

  private dropCurrent(): void {
    const previous = this.current;
    this.current = null;
    if (previous === null) return;
    // Its own 'close' must not be read as the person dismissing the new one.
    previous.removeAllListeners();
    previous.close();
  }
}
