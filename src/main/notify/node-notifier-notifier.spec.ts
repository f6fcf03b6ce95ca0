import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import { pauseNotificationCopy } from '../../shared/copy/pause-copy';
import { useEnglishNow } from '../../shared/i18n/english-now';
import { loadNamespaces } from '../../shared/i18n/load-messages';
import { useMessageSource } from '../../shared/i18n/messages';
import type { NodeNotifierBackend, NodeNotifierMetadata } from './node-notifier-notifier';
import { NodeNotifierNotifier, NOTIFY_SEND_REPLACE_HINT, PAUSE_NOTIFICATION_TAG } from './node-notifier-notifier';
import type { PauseResponse } from './notifier';

type Callback = (error: unknown, response?: string, metadata?: NodeNotifierMetadata) => void;

/** Stands in for node-notifier's module object: records calls, and lets the test call back. */
const fakeBackend = () => {
  const calls: { options: Record<string, unknown>; callback: Callback }[] = [];
  const backend: NodeNotifierBackend = {
    notify: (options, callback) => {
      calls.push({ options, callback });
    },
  };
  return { backend, calls };
};

beforeEach(() => {
  vi.resetAllMocks();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('NodeNotifierNotifier on Linux (notify-send)', () => {
  test('sends the fixed copy with the replace hint, and resolves ok when notify-send exits cleanly', async () => {
    const { backend, calls } = fakeBackend();
    const notifier = new NodeNotifierNotifier({ backend, platform: 'linux' });
    const shown = notifier.showPause(() => undefined);
    expect(calls[0]?.options).toEqual({
      title: pauseNotificationCopy.title,
      message: pauseNotificationCopy.body,
      'app-name': 'Attune',
      urgency: 'normal',
      hint: NOTIFY_SEND_REPLACE_HINT,
      'expire-time': 20,
      wait: false,
    });
    calls[0]?.callback('', '');
    await expect(shown).resolves.toEqual({ ok: true });
    expect(notifier.capabilities).toEqual({ actions: false, click: false, replace: 'native-tag', close: false });
  });

  test.each([
    ['an Error from exec (no daemon on the bus)', new Error('Command failed: notify-send … GDBus.Error')],
    ['stderr text', 'Failed to connect to the session bus'],
    ['notify-send missing', new Error('not found: notify-send')],
  ])('reports %s as a failure, never throws', async (_name, error) => {
    const { backend, calls } = fakeBackend();
    const shown = new NodeNotifierNotifier({ backend, platform: 'linux' }).showPause(() => undefined);
    calls[0]?.callback(error);
    const result = await shown;
    expect(result).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(result.ok === false && result.error.message).toContain(typeof error === 'string' ? error : error.message);
  });

  test('a backend that throws synchronously is a failure too', async () => {
    const backend: NodeNotifierBackend = {
      notify: () => {
        throw new TypeError('The second argument must be a function callback');
      },
    };
    await expect(new NodeNotifierNotifier({ backend, platform: 'linux' }).showPause(() => undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'failed', message: 'The second argument must be a function callback' },
    });
  });

  test('no answer from the backend at all: timed out, and a late callback changes nothing', async () => {
    vi.useFakeTimers();
    const { backend, calls } = fakeBackend();
    const shown = new NodeNotifierNotifier({ backend, platform: 'linux', deliveryTimeoutMs: 5000 }).showPause(() => undefined);
    await vi.advanceTimersByTimeAsync(5000);
    await expect(shown).resolves.toMatchObject({ ok: false, error: { code: 'timed-out' } });
    calls[0]?.callback(null);
  });

  test('close is not possible through notify-send and says so', async () => {
    const { backend, calls } = fakeBackend();
    await expect(new NodeNotifierNotifier({ backend, platform: 'linux' }).closePause()).resolves.toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
    expect(calls).toEqual([]);
  });
});

describe('NodeNotifierNotifier on macOS and Windows (answers through the callback)', () => {
  test('macOS: grouped for replacement, with Start / Snooze / Skip; the answer maps back', async () => {
    vi.useFakeTimers();
    const { backend, calls } = fakeBackend();
    const answers: PauseResponse[] = [];
    const shown = new NodeNotifierNotifier({ backend, platform: 'darwin' }).showPause((response) => answers.push(response));
    expect(calls[0]?.options).toMatchObject({
      group: PAUSE_NOTIFICATION_TAG,
      actions: ['Start', 'Snooze', 'Skip'],
      closeLabel: 'Close',
      wait: true,
    });
    // With actions the callback only comes when the person answers: no error within the window = shown.
    await vi.advanceTimersByTimeAsync(1500);
    await expect(shown).resolves.toEqual({ ok: true });
    calls[0]?.callback(null, 'activate', { activationType: 'actionClicked', activationValue: 'Snooze' });
    expect(answers).toEqual(['snooze']);
  });

  test.each([
    ['a click on the body', 'activate', { activationType: 'contentsClicked' }, 'start'],
    ['Skip', 'activate', { activationType: 'actionClicked', activationValue: 'Skip' }, 'skip'],
    ['Start', 'activate', { activationType: 'actionClicked', activationValue: 'Start' }, 'start'],
    ['the close button', 'closed', { activationType: 'closed', activationValue: 'Close' }, 'dismissed'],
    ['Windows dismissal', 'dismissed', {}, 'dismissed'],
  ] as const)('%s → %s', async (_name, response, metadata, expected) => {
    const { backend, calls } = fakeBackend();
    const answers: PauseResponse[] = [];
    const shown = new NodeNotifierNotifier({ backend, platform: 'win32' }).showPause((answer) => answers.push(answer));
    calls[0]?.callback(null, response, metadata);
    await expect(shown).resolves.toEqual({ ok: true });
    expect(answers).toEqual([expected]);
  });

  test('a timeout is no answer: the pause stays pending', async () => {
    const { backend, calls } = fakeBackend();
    const answers: PauseResponse[] = [];
    const shown = new NodeNotifierNotifier({ backend, platform: 'darwin' }).showPause((answer) => answers.push(answer));
    calls[0]?.callback(null, 'timeout', {});
    await shown;
    expect(answers).toEqual([]);
  });

  test('Windows: replaced by id and closed by id', async () => {
    const { backend, calls } = fakeBackend();
    const notifier = new NodeNotifierNotifier({ backend, platform: 'win32' });
    void notifier.showPause(() => undefined);
    expect(calls[0]?.options).toMatchObject({ id: PAUSE_NOTIFICATION_TAG, actions: ['Start', 'Snooze', 'Skip'] });
    const closed = notifier.closePause();
    expect(calls[1]?.options).toEqual({ remove: PAUSE_NOTIFICATION_TAG });
    calls[1]?.callback(null);
    await expect(closed).resolves.toEqual({ ok: true });
  });
});

describe('NodeNotifierNotifier in the language of the moment', () => {
  afterEach(() => useEnglishNow());

  test('the next notification speaks the language chosen since the last, and its buttons still answer after another change', async () => {
    const { backend, calls } = fakeBackend();
    const notifier = new NodeNotifierNotifier({ backend, platform: 'darwin' });
    useMessageSource({ locale: 'de', catalogue: await loadNamespaces('de', ['pause']) });
    const answers: PauseResponse[] = [];
    void notifier.showPause((response) => answers.push(response));
    expect(calls[0]?.options).toMatchObject({ message: 'Eine Minute für dich?', actions: ['Starten', 'Später', 'Auslassen'] });
    // Switched to Japanese while the German one is on screen: its "Später" is still snooze.
    useMessageSource({ locale: 'ja', catalogue: await loadNamespaces('ja', ['pause']) });
    calls[0]?.callback(null, 'activate', { activationValue: 'Später' });
    expect(answers).toEqual(['snooze']);
    void notifier.showPause(() => undefined);
    expect(calls[1]?.options).toMatchObject({ message: pauseNotificationCopy.body, actions: ['始める', 'あとで', '今回は見送る'] });
  });
});
