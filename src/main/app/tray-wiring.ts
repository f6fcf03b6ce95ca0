import { formatLocale } from '../../shared/i18n/format-locale';
import type { Settings } from '../../shared/settings-schema';
import type { Logger } from '../log/logger';
import type { PauseDriver } from '../pauses/pause-driver';
import type { Rect } from '../popover/popover-position';
import type { SettingsService } from '../settings/settings-service';
import type { ShortcutStatus } from '../shortcut/shortcut-manager';
import { nextPauseLabel } from '../tray/next-pause-label';
import { type TrayAction, type TrayState } from '../tray/tray-menu-model';
import type { Windows } from './platform';

export type { VaultState } from '../../shared/vault-states';
import type { VaultState } from '../../shared/vault-states';

export interface TrayActionDeps {
  windows: Pick<Windows, 'showPopover' | 'openView'>;
  trayBounds: () => Rect | null;
  pauses: Pick<PauseDriver, 'startNow' | 'respond' | 'command'>;
  settings: Pick<SettingsService, 'get' | 'set'>;
  lock: () => Promise<void>;
  quit: () => void;
  log: Logger;
}

/**
 * What each tray menu item does. Every effect goes through a port, so the
 * whole table is tested in plain Node; a failure is logged, never thrown into
 * Electron's menu callback (where it would become a stack-trace dialog).
 */
export const createTrayActions = (deps: TrayActionDeps): Record<TrayAction, () => void> => {
  const { windows, pauses, settings, log } = deps;
  const quietly = (what: string, work: () => Promise<unknown>) => () =>
    void work().catch((error: unknown) => log.warn(`tray: ${what} did not work`, { error: String(error) }));
  return {
    'check-in': () => windows.showPopover('tray', deps.trayBounds()),
    'pause-now': quietly('pause now', () => pauses.startNow()),
    'start-pending-pause': quietly('start the waiting pause', () => pauses.respond('start')),
    'reminders-1h': quietly('pause reminders for an hour', () => pauses.command('for-1-hour')),
    'reminders-tomorrow': quietly('pause reminders until tomorrow', () => pauses.command('until-tomorrow')),
    'reminders-off': quietly('turn reminders off', () => pauses.command('off')),
    // Turning reminders on from the tray also turns on scheduled pauses if they were never enabled.
    'reminders-on': quietly('turn reminders on', () =>
      settings.get().pauses.enabled ? pauses.command('on') : settings.set({ pauses: { ...settings.get().pauses, enabled: true } }),
    ),
    history: () => windows.openView('history'),
    settings: () => windows.openView('settings'),
    'fix-shortcut': () => windows.openView('settings'),
    help: () => windows.openView('help'),
    lock: quietly('lock', deps.lock),
    quit: () => deps.quit(),
  };
};

export interface TrayStateSources {
  platform: string;
  shortcut: ShortcutStatus;
  pauses: Pick<PauseDriver, 'view'>;
  settings: Settings;
  vaultState: VaultState;
  now: number;
}

/** Pure: the tray's state from what each service says now; the menu model turns it into items. */
export const trayStateOf = ({ platform, shortcut, pauses, settings, vaultState, now }: TrayStateSources): TrayState => {
  const view = pauses.view();
  return {
    platform,
    activeShortcut: shortcut.active,
    takenShortcut: shortcut.taken,
    nextPauseLabel: nextPauseLabel(view, now, formatLocale()),
    remindersOn: settings.pauses.enabled && !view.remindersOff,
    pendingPause: view.pending?.delivered === false,
    vault: vaultState,
  };
};
