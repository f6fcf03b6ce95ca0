import { app, Notification, powerMonitor } from 'electron';

import { pauseNotificationCopy, pauseNotificationCopyPlain } from '../../shared/copy/pause-copy';
import { discreetAwareNotifier } from '../notify/discreet-notifier';
import type { Notifier } from '../notify/notifier';
import type { AttentionState, PowerEvents } from '../pauses/ports';
import { startLinuxSession } from '../system/dbus/linux-session';
import { ElectronNotifier } from './electron-notifier';
import { createAttentionState, createPowerEvents } from './power-events';

/** The Electron objects the pause driver listens to and speaks through. Call after 'ready'. */
export const electronPauseAdapters = (isDiscreet: () => boolean): { power: PowerEvents; attention: AttentionState; notifier: Notifier } => {
  // Linux: screen lock and Wayland idle time from the session bus; its monitors end with the app.
  const session = process.platform === 'linux' ? startLinuxSession() : null;
  if (session) app.once('will-quit', () => session.stop());
  return {
    power: createPowerEvents(powerMonitor, session),
    attention: createAttentionState(powerMonitor, process.platform, undefined, session),
    notifier: discreetAwareNotifier(
      new ElectronNotifier(Notification, process.platform, pauseNotificationCopy),
      new ElectronNotifier(Notification, process.platform, pauseNotificationCopyPlain),
      isDiscreet,
    ),
  };
};
