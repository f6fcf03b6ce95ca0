import type { Notifier, NotifyResult, PauseResponse } from './notifier';

/**
 * Picks the discreet or the plain wording at the moment a pause is offered, so
 * a change in Settings applies to the next notification. Closing closes both,
 * so there is never more than one Attune pause notification.
 */
export const discreetAwareNotifier = (discreet: Notifier, plain: Notifier, isDiscreet: () => boolean): Notifier => ({
  capabilities: discreet.capabilities,
  showPause: (onResponse: (response: PauseResponse) => void): Promise<NotifyResult> => {
    const [use, other] = isDiscreet() ? [discreet, plain] : [plain, discreet];
    return other.closePause().then(() => use.showPause(onResponse));
  },
  closePause: async (): Promise<NotifyResult> => {
    const [a, b] = await Promise.all([discreet.closePause(), plain.closePause()]);
    return a.ok ? b : a;
  },
});
