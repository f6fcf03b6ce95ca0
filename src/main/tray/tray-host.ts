import type { RunCommand } from '../system/run-command';

/**
 * Does this Linux desktop show tray icons? Electron's Tray on Linux is a
 * StatusNotifierItem; it is only visible when a StatusNotifierWatcher owns its
 * D-Bus name (KDE, most others, GNOME with the AppIndicator extension). Plain
 * GNOME has none, and the icon silently goes nowhere.
 * @see https://www.freedesktop.org/wiki/Specifications/StatusNotifierItem/
 */
export const parseNameHasOwner = (stdout: string): boolean | null => {
  if (/boolean\s+true/.test(stdout)) return true;
  if (/boolean\s+false/.test(stdout)) return false;
  return null;
};

/** true / false where it can be told; null when it cannot (no dbus-send, no session bus). Never throws. */
export const hasTrayHost = async (platform: NodeJS.Platform, run: RunCommand): Promise<boolean | null> => {
  if (platform !== 'linux') return true;
  try {
    const result = await run('dbus-send', [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      'string:org.kde.StatusNotifierWatcher',
    ]);
    return parseNameHasOwner(result.stdout);
  } catch {
    return null;
  }
};
