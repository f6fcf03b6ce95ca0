import { Notification, powerMonitor } from 'electron';
import type { Notifier } from '../notify/notifier';
import type { AttentionState, PowerEvents } from '../pauses/ports';
import { ElectronNotifier } from './electron-notifier';
import { createAttentionState, createPowerEvents } from './power-events';

/** The Electron objects the pause driver listens to and speaks through. Call after 'ready'. */
export const electronPauseAdapters = (): { power: PowerEvents; attention: AttentionState; notifier: Notifier } => ({
  power: createPowerEvents(powerMonitor),
  attention: createAttentionState(powerMonitor, process.platform),
  notifier: new ElectronNotifier(Notification, process.platform),
});
