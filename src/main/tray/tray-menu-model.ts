import { describeAccelerator } from '../../shared/accelerator';
import { appCopy } from '../../shared/copy';
import type { VaultState } from '../../shared/vault-states';

/** Everything the tray menu shows, decided from state by a pure function and rebuilt on every change. */
export type TrayAction =
  | 'check-in'
  | 'pause-now'
  | 'start-pending-pause'
  | 'reminders-1h'
  | 'reminders-tomorrow'
  | 'reminders-off'
  | 'reminders-on'
  | 'history'
  | 'settings'
  | 'help'
  | 'lock'
  | 'quit'
  | 'fix-shortcut';

export interface TrayMenuItem {
  id: TrayAction | 'next-pause' | 'reminders' | 'separator';
  label: string;
  enabled: boolean;
  /** Display-only accelerator (e.g. "Ctrl+Alt+Space"); Electron does not register it. */
  accelerator?: string;
  submenu?: TrayMenuItem[];
}

export interface TrayState {
  platform: string;
  /** The shortcut that is registered now, or null. */
  activeShortcut: string | null;
  /** A shortcut the person chose that another app holds, or null. */
  takenShortcut: string | null;
  /** "Next pause: 14:20", "Pause reminders off", or null when pauses are not available. */
  nextPauseLabel: string | null;
  remindersOn: boolean;
  /** A pause whose notification could not be shown waits here instead. */
  pendingPause: boolean;
  /** The history: Lock only when there is something open to lock; History not while locked. */
  vault: VaultState;
}

const separator = (): TrayMenuItem => ({ id: 'separator', label: '', enabled: true });

export const trayMenuModel = (state: TrayState): TrayMenuItem[] => {
  const t = appCopy.tray;
  const locked = state.vault === 'locked';
  const items: TrayMenuItem[] = [
    {
      id: 'check-in',
      label: t.checkIn,
      enabled: true,
      ...(state.activeShortcut ? { accelerator: state.activeShortcut } : {}),
    },
  ];
  if (state.takenShortcut) {
    items.push({ id: 'fix-shortcut', label: t.shortcutTaken(describeAccelerator(state.takenShortcut, state.platform)), enabled: true });
  }
  if (state.pendingPause) items.push({ id: 'start-pending-pause', label: t.pendingPause, enabled: true });
  items.push(
    { id: 'pause-now', label: t.pauseNow, enabled: true },
    { id: 'next-pause', label: state.nextPauseLabel ?? t.nextPausePlaceholder, enabled: false },
    {
      id: 'reminders',
      label: t.pauseReminders,
      enabled: true,
      submenu: state.remindersOn
        ? [
            { id: 'reminders-1h', label: t.remindersFor1h, enabled: true },
            { id: 'reminders-tomorrow', label: t.remindersUntilTomorrow, enabled: true },
            { id: 'reminders-off', label: t.remindersOff, enabled: true },
          ]
        : [{ id: 'reminders-on', label: t.remindersOn, enabled: true }],
    },
    separator(),
    { id: 'history', label: t.history, enabled: !locked },
    { id: 'settings', label: t.settings, enabled: true },
    // Help stays reachable in every state, locked included.
    { id: 'help', label: t.help, enabled: true },
    separator(),
    { id: 'lock', label: t.lock, enabled: state.vault === 'unlocked' },
    { id: 'quit', label: t.quit, enabled: true },
  );
  return items;
};
