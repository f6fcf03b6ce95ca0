import { join } from 'node:path';

import type { Logger } from '../log/logger';
import { describeError, type Notifier } from '../notify/notifier';
import type { SettingsService } from '../settings/settings-service';
import type { LocalClock } from './local-clock';
import { PauseDriver } from './pause-driver';
import { loadPauseState, savePauseState } from './pause-state-file';
import type { AttentionState, PowerEvents, TimerClock } from './ports';

export interface PausesWiring {
  settings: SettingsService;
  dataDir: string;
  power: PowerEvents;
  attention: AttentionState;
  notifier: Notifier;
  timer: TimerClock;
  localClock: LocalClock;
  log: Logger;
  onStartPause: () => void;
  onChanged: () => void;
}

/** A cause for the log: an error's message or a notifier's { code, message }, never a payload. */
const describeCause = (cause: unknown): string => {
  if (cause && typeof cause === 'object' && 'code' in cause && 'message' in cause) return `${String(cause.code)}: ${String(cause.message)}`;
  return describeError(cause);
};

/**
 * The pause driver wired to settings and its state file — shared by the app and
 * the browser harness so both run the same schedule code. Settings changes reach
 * the driver before they are saved (an applier), so a change that cannot be
 * applied is not saved either.
 */
export const createPauses = (wiring: PausesWiring): PauseDriver => {
  const file = join(wiring.dataDir, 'pause-state.json');
  const driver = new PauseDriver({
    settings: wiring.settings.get().pauses,
    state: loadPauseState(file),
    timer: wiring.timer,
    localClock: wiring.localClock,
    power: wiring.power,
    attention: wiring.attention,
    notifier: wiring.notifier,
    onStartPause: () => wiring.onStartPause(),
    onStateChanged: (_view, state) => {
      if (!savePauseState(file, state)) wiring.log.warn('pauses: could not save the schedule; it keeps running from memory');
      wiring.onChanged();
    },
    warn: (message, cause) => wiring.log.warn(`pauses: ${message}`, { cause: describeCause(cause) }),
  });
  wiring.settings.addApplier(async (next, previous) => {
    if (JSON.stringify(next.pauses) !== JSON.stringify(previous.pauses)) await driver.updateSettings(next.pauses);
  });
  return driver;
};
