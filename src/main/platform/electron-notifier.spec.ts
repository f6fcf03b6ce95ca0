import { EventEmitter } from 'node:events';

import type { NotificationConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import type { PauseResponse } from '../notify/notifier';
import type { ElectronNotificationApi } from './electron-notifier';
import { ElectronNotifier } from './electron-notifier';

/** A stand-in for Electron's Notification class — the one fake at the Electron boundary. */
class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  shown = false;
  closed = false;
  constructor(readonly options: NotificationConstructorOptions = {}) {
    super();
    FakeNotification.instances.push(this);
  }
  show(): void {
    this.shown = true;
  }
  close(): void {
    this.closed = true;
  }
}

const api = FakeNotification as unknown as ElectronNotificationApi;

beforeEach(() => {
  vi.resetAllMocks();
  FakeNotification.instances = [];
  FakeNotification.supported = true;
});

afterEach(() => {
  vi.useRealTimers();
});

describe('ElectronNotifier', () => {
  test('macOS/Windows: fixed copy, one id, Start / Snooze / Skip buttons; resolves on show', async () => {
    const notifier = new ElectronNotifier(api, 'darwin');
    const shown = notifier.showPause(() => undefined);
    const notification = FakeNotification.instances[0]!;
    expect(notification.options).toMatchObject({
      id: 'attune-pause',
      title: 'Attune',
      body: 'A minute for you?',
      silent: true,
      closeButtonText: 'Close',
      actions: [
        { type: 'button', text: 'Start' },
        { type: 'button', text: 'Snooze' },
        { type: 'button', text: 'Skip' },
      ],
    });
    expect(notification.shown).toBe(true);
    notification.emit('show', {});
    await expect(shown).resolves.toEqual({ ok: true });
    expect(notifier.capabilities).toEqual({ actions: true, click: true, replace: 'native-tag', close: true });
  });

  test('Linux: no buttons (libnotify gets the click only); never stacks: the previous one is closed first', async () => {
    vi.useFakeTimers();
    const notifier = new ElectronNotifier(api, 'linux');
    const answers: PauseResponse[] = [];
    void notifier.showPause((answer) => answers.push(answer));
    const first = FakeNotification.instances[0]!;
    expect(first.options.actions).toEqual([]);
    const second = notifier.showPause((answer) => answers.push(answer));
    expect(first.closed).toBe(true);
    // The old one's own close event must not count as the person dismissing the new one.
    first.emit('close', { reason: 'userCanceled' });
    await vi.advanceTimersByTimeAsync(1500);
    await expect(second).resolves.toEqual({ ok: true });
    FakeNotification.instances[1]!.emit('click', {});
    expect(answers).toEqual(['start']);
  });

  test.each([
    ['click', [{}], 'start'],
    ['action', [{ actionIndex: 1, selectionIndex: -1 }], 'snooze'],
    ['action', [{ actionIndex: 2, selectionIndex: -1 }], 'skip'],
    ['close', [{ reason: 'userCanceled' }], 'dismissed'],
  ] as const)('%s %j → %s, once', async (event, args, expected) => {
    const answers: PauseResponse[] = [];
    void new ElectronNotifier(api, 'win32').showPause((answer) => answers.push(answer));
    const notification = FakeNotification.instances[0]!;
    notification.emit(event, ...args);
    notification.emit('click', {});
    expect(answers).toEqual([expected]);
  });

  test('an OS timeout is not an answer', () => {
    const answers: PauseResponse[] = [];
    void new ElectronNotifier(api, 'win32').showPause((answer) => answers.push(answer));
    FakeNotification.instances[0]!.emit('close', { reason: 'timedOut' });
    expect(answers).toEqual([]);
  });

  test('failures come back as results: unsupported, failed event, a throwing constructor', async () => {
    FakeNotification.supported = false;
    await expect(new ElectronNotifier(api, 'linux').showPause(() => undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });

    FakeNotification.supported = true;
    const failing = new ElectronNotifier(api, 'darwin').showPause(() => undefined);
    FakeNotification.instances[0]!.emit('failed', {}, 'notifications are turned off for this app');
    await expect(failing).resolves.toEqual({ ok: false, error: { code: 'failed', message: 'notifications are turned off for this app' } });

    const throwing = class {
      static isSupported = (): boolean => true;
      constructor() {
        throw new Error('no notification server');
      }
    } as unknown as ElectronNotificationApi;
    await expect(new ElectronNotifier(throwing, 'linux').showPause(() => undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'failed', message: 'no notification server' },
    });
  });

  test('closePause removes the current notification', async () => {
    const notifier = new ElectronNotifier(api, 'darwin');
    void notifier.showPause(() => undefined);
    await expect(notifier.closePause()).resolves.toEqual({ ok: true });
    expect(FakeNotification.instances[0]!.closed).toBe(true);
  });
});
