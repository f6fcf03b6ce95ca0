import { Notification, powerMonitor } from 'electron';
import { pauseNotificationCopy, pauseNotificationCopyPlain } from '../../shared/copy/pause-copy';
import { discreetAwareNotifier } from '../notify/discreet-notifier';
import type { Notifier } from '../notify/notifier';
import type { AttentionState, PowerEvents } from '../pauses/ports';
import { ElectronNotifier } from './electron-notifier';
import { createAttentionState, createPowerEvents } from './power-events';

/** The Electron objects the pause driver listens to and speaks through. Call after 'ready'. */
export const electronPauseAdapters = (
  isDiscreet: () => boolean,
): { power: PowerEvents; attention: AttentionState; notifier: Notifier } => ({
  power: createPowerEvents(powerMonitor),
  attention: createAttentionState(powerMonitor, process.platform),
  notifier: discreetAwareNotifier(
    new ElectronNotifier(Notification, process.platform, pauseNotificationCopy),
    new ElectronNotifier(Notification, process.platform, pauseNotificationCopyPlain),
    isDiscreet,
  ),
});
