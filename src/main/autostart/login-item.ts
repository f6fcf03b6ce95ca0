/**
 * "Start at login", as one small port the settings applier calls, whatever
 * the platform does underneath. Both mechanisms are synchronous and throw an
 * AttuneError (read-only, disk-full…) when the change could not be made, so
 * the settings service can keep the old value.
 */
export interface LoginItemPort {
  set(enabled: boolean): void;
  get(): boolean;
}

/**
 * - electron-login-item: `app.setLoginItemSettings` (macOS login items, the
 *   Windows Run key); https://www.electronjs.org/docs/latest/api/app#appsetloginitemsettingssettings-macos-windows
 * - xdg-autostart: a `.desktop` file in ~/.config/autostart, which every
 *   XDG desktop (GNOME, KDE, Xfce…, also on the BSDs) reads and where
 *   Electron's call does nothing; https://specifications.freedesktop.org/autostart-spec/latest/
 * - none: no known mechanism, so the setting is hidden rather than pretending.
 */
export type LoginItemMechanism = 'electron-login-item' | 'xdg-autostart' | 'none';

const XDG_PLATFORMS: ReadonlySet<string> = new Set(['linux', 'freebsd', 'openbsd', 'netbsd']);

/** Pure: which mechanism to use on `process.platform`. */
export const loginItemMechanism = (platform: string): LoginItemMechanism => {
  if (platform === 'darwin' || platform === 'win32') return 'electron-login-item';
  if (XDG_PLATFORMS.has(platform)) return 'xdg-autostart';
  return 'none';
};
