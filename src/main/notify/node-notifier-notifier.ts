// Not shipped: only the harness and the real-delivery test load this file (see below), so a devDependency is right.
// eslint-disable-next-line attune/no-dev-dependencies
import nodeNotifier from 'node-notifier';

import type { PauseNotificationCopy } from '../../shared/copy/pause-copy';
import { pauseNotificationCopy } from '../../shared/copy/pause-copy';
import type { Notifier, NotifierCapabilities, NotifyResult, PauseResponse } from './notifier';
import { describeError, notifyFailure } from './notifier';

/**
 * Not loaded by the app itself — Electron's Notification is (platform/electron-notifier.ts) —
 * so node-notifier is a devDependency: it serves the real delivery test under dunst, and any
 * shell without Electron. (Its Growl backend can open a TCP socket; keeping it out of the
 * shipped app keeps "no network, ever" checkable: tests/e2e/network-free.spec.ts.)
 *
 * The pause notification through node-notifier: notify-send on Linux/BSD,
 * terminal-notifier on macOS, SnoreToast on Windows. node-notifier reports
 * every failure through its callback (a missing notify-send, no notification
 * daemon on the bus, a non-zero exit, even stderr text), never by throwing
 * — so the callback is the one place errors are read, plus a guard for the
 * synchronous throws some backends make on bad arguments.
 */

/** The part of node-notifier used here; tests pass a fake with the same shape. */
export interface NodeNotifierBackend {
  notify(options: Record<string, unknown>, callback: (error: unknown, response?: string, metadata?: NodeNotifierMetadata) => void): unknown;
}

export interface NodeNotifierMetadata {
  readonly activationType?: string;
  readonly activationValue?: string;
}

export interface NodeNotifierNotifierOptions {
  readonly backend?: NodeNotifierBackend;
  readonly platform?: NodeJS.Platform;
  readonly copy?: PauseNotificationCopy;
  /** How long to wait for notify-send to hand the notification over before calling it failed. */
  readonly deliveryTimeoutMs?: number;
  /** How long the notification stays on screen where the daemon honours it. */
  readonly expireSeconds?: number;
  readonly log?: (message: string, detail?: unknown) => void;
}

type Flavor = 'notify-send' | 'terminal-notifier' | 'snoretoast';

/** One fixed tag: every backend that supports replace-by-tag replaces the previous Attune pause. */
export const PAUSE_NOTIFICATION_TAG = 'attune-pause';
/**
 * notify-send cannot pass a replace id through node-notifier (only urgency,
 * expire-time, icon, category, hint and app-name get through), but a hint
 * does: dunst and notify-osd replace any notification carrying the same
 * `x-canonical-private-synchronous` value instead of stacking a new one.
 */
export const NOTIFY_SEND_REPLACE_HINT = `string:x-canonical-private-synchronous:${PAUSE_NOTIFICATION_TAG}`;
/** With actions the backend only calls back after the person answers: no error within this window counts as shown. */
const ACCEPT_WINDOW_MS = 1500;

const flavorOf = (platform: NodeJS.Platform): Flavor => {
  if (platform === 'darwin') return 'terminal-notifier';
  if (platform === 'win32') return 'snoretoast';
  return 'notify-send';
};

/** A callback's first argument is a failure when it is an Error or non-empty stderr text. */
const isFailure = (error: unknown): boolean =>
  error instanceof Error || (typeof error === 'string' ? error.trim() !== '' : error !== null && error !== undefined);

export class NodeNotifierNotifier implements Notifier {
  readonly capabilities: NotifierCapabilities;
  private readonly flavor: Flavor;
  private readonly backend: NodeNotifierBackend;
  private readonly copy: PauseNotificationCopy;

  constructor(private readonly options: NodeNotifierNotifierOptions = {}) {
    this.flavor = flavorOf(options.platform ?? process.platform);
    this.backend = options.backend ?? (nodeNotifier as unknown as NodeNotifierBackend);
    this.copy = options.copy ?? pauseNotificationCopy;
    const answers = this.flavor !== 'notify-send';
    this.capabilities = { actions: answers, click: answers, replace: 'native-tag', close: answers };
  }

  showPause(onResponse: (response: PauseResponse) => void): Promise<NotifyResult> {
    const waitsForAnswer = this.flavor !== 'notify-send';
    // The words of this notification, read once: a language changed while it is on screen must not make
    // its buttons unreadable when one is pressed ("Später" is still snooze).
    const { title, body, close, actions } = this.copy;
    const words: PauseNotificationCopy = {
      title,
      body,
      close,
      actions: { start: actions.start, snooze: actions.snooze, skip: actions.skip },
    };
    return this.call(this.showOptions(words), waitsForAnswer, (response, metadata) => {
      const answer = this.toResponse(words, response, metadata);
      if (answer !== null) onResponse(answer);
    });
  }

  closePause(): Promise<NotifyResult> {
    if (this.flavor === 'notify-send') {
      // No id comes back through node-notifier, so there is nothing to close by;
      // the next pause replaces this one through the hint instead.
      return Promise.resolve(notifyFailure('unsupported', 'notify-send cannot close a notification'));
    }
    return this.call({ remove: PAUSE_NOTIFICATION_TAG }, false, () => undefined);
  }

  private showOptions(words: PauseNotificationCopy): Record<string, unknown> {
    const { title, body, actions, close } = words;
    switch (this.flavor) {
      case 'notify-send':
        return {
          title,
          message: body,
          'app-name': title,
          urgency: 'normal',
          hint: NOTIFY_SEND_REPLACE_HINT,
          'expire-time': this.options.expireSeconds ?? 20,
          wait: false,
        };
      case 'terminal-notifier':
        // `group` makes terminal-notifier replace the previous notification of the group.
        return {
          title,
          message: body,
          group: PAUSE_NOTIFICATION_TAG,
          actions: [actions.start, actions.snooze, actions.skip],
          closeLabel: close,
          wait: true,
          sound: false,
        };
      case 'snoretoast':
        // SnoreToast replaces a toast with the same id.
        return {
          title,
          message: body,
          id: PAUSE_NOTIFICATION_TAG,
          actions: [actions.start, actions.snooze, actions.skip],
          appID: title,
          wait: true,
          sound: false,
        };
    }
  }

  private toResponse(
    words: PauseNotificationCopy,
    response: string | undefined,
    metadata: NodeNotifierMetadata | undefined,
  ): PauseResponse | null {
    const value = metadata?.activationValue;
    const { actions } = words;
    if (value === actions.snooze) return 'snooze';
    if (value === actions.skip) return 'skip';
    if (value === actions.start) return 'start';
    if (response === 'activate' || response === 'click' || response === 'clicked') return 'start';
    if (response === 'closed' || response === 'dismissed') return 'dismissed';
    return null;
  }

  private call(
    options: Record<string, unknown>,
    waitsForAnswer: boolean,
    onAnswer: (response?: string, metadata?: NodeNotifierMetadata) => void,
  ): Promise<NotifyResult> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (result: NotifyResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(guard);
        resolve(result);
      };
      const guard = setTimeout(
        () => settle(waitsForAnswer ? { ok: true } : notifyFailure('timed-out', 'the notification backend did not answer')),
        waitsForAnswer ? ACCEPT_WINDOW_MS : (this.options.deliveryTimeoutMs ?? 10_000),
      );
      try {
        this.backend.notify(options, (error, response, metadata) => {
          if (isFailure(error)) {
            if (settled) this.options.log?.('pause notification failed after it was accepted', error);
            settle(notifyFailure('failed', describeError(error), error));
            return;
          }
          settle({ ok: true });
          if (waitsForAnswer) onAnswer(response, metadata);
        });
      } catch (error) {
        settle(notifyFailure('failed', describeError(error), error));
      }
    });
  }
}
