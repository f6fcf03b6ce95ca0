import type { Notifier, NotifierCapabilities, NotifyResult, PauseResponse } from '../../src/main/notify/notifier';

/**
 * Pause notifications in the harness: each one is kept so a test (or a person
 * at the harness) can answer it as if they clicked it, and — when a
 * notification daemon runs on the session bus — also shown for real through
 * node-notifier → notify-send, so a test can read it back from the daemon.
 */
export class AnswerableNotifier implements Notifier {
  readonly capabilities: NotifierCapabilities;
  readonly shown: { at: number; result: NotifyResult }[] = [];
  #pending: ((response: PauseResponse) => void) | null = null;

  constructor(
    private readonly now: () => number,
    private readonly delivery: Notifier | null,
  ) {
    this.capabilities = delivery?.capabilities ?? { actions: false, click: true, replace: 'close-previous', close: true };
  }

  async showPause(onResponse: (response: PauseResponse) => void): Promise<NotifyResult> {
    const result = this.delivery ? await this.delivery.showPause(onResponse) : ({ ok: true } as const);
    this.shown.push({ at: this.now(), result });
    if (result.ok) this.#pending = onResponse;
    return result;
  }

  async closePause(): Promise<NotifyResult> {
    this.#pending = null;
    return this.delivery ? this.delivery.closePause() : { ok: true };
  }

  /** Answers the pause notification on screen; false when there is none. */
  answer(response: PauseResponse): boolean {
    const pending = this.#pending;
    this.#pending = null;
    pending?.(response);
    return pending !== null;
  }
}
