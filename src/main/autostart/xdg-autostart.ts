import { mkdirSync, readFileSync, unlinkSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';

import { fsyncDirSync, writeFileAtomicSync } from '../fs/durable-write';
import { toStorageError } from '../fs/storage-error';
import { escapeStringValue, execValue, parseDesktopEntry, unescapeStringValue } from './desktop-entry';
import type { LoginItemPort } from './login-item';

/**
 * Start at login on Linux (and other XDG desktops): a `.desktop` file in the
 * user's autostart folder. Electron's setLoginItemSettings does nothing there.
 * @see https://specifications.freedesktop.org/autostart-spec/latest/
 */

export interface AutostartEntryOptions {
  readonly name: string;
  /** The program and its arguments, unquoted; each is quoted by the Exec rules. */
  readonly exec: readonly string[];
  readonly icon: string;
  /** Shown in "Startup Applications" lists, so it stays neutral like the tray tooltip. */
  readonly comment: string;
}

/** The file name is the desktop file id; the same name as the app's own entry keeps the two recognisably one app. */
export const AUTOSTART_FILE_NAME = 'attune.desktop';

/** The same neutral words as resources/attune.desktop (a test keeps them equal): others can see this list. */
export const AUTOSTART_IDENTITY = { name: 'Attune', icon: 'attune', comment: 'A small tray app for short pauses' } as const;

/** Pure: the text of the autostart entry, one key per line, in a fixed order. */
export const autostartDesktopEntry = ({ name, exec, icon, comment }: AutostartEntryOptions): string =>
  [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${escapeStringValue(name)}`,
    `Comment=${escapeStringValue(comment)}`,
    `Exec=${execValue(exec)}`,
    `Icon=${escapeStringValue(icon)}`,
    'Terminal=false',
    // NoDisplay=false keeps it listed (and switchable off) in the desktop's startup-apps settings.
    'NoDisplay=false',
    // GNOME reads this flag; its Tweaks tool flips it to false rather than deleting the file.
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');

/** Pure: Attune's own autostart entry for a command from `autostartCommand`. */
export const attuneAutostartEntry = (exec: readonly string[]): string => autostartDesktopEntry({ ...AUTOSTART_IDENTITY, exec });

/**
 * Pure: where the autostart file goes. $XDG_CONFIG_HOME wins only when it is
 * an absolute path; the basedir spec says a relative one must be ignored.
 * @see https://specifications.freedesktop.org/basedir-spec/latest/
 */
export const autostartPath = (env: Readonly<Record<string, string | undefined>>, home: string): string => {
  const configHome = env.XDG_CONFIG_HOME;
  const base = configHome && isAbsolute(configHome) ? configHome : join(home, '.config');
  return join(base, 'autostart', AUTOSTART_FILE_NAME);
};

/**
 * Pure: the command the entry should run. An AppImage runs from a mount point
 * that changes every launch, so the entry must point at the .AppImage file
 * itself ($APPIMAGE, set by its runtime); unpackaged (dev) Electron needs the
 * app folder as its argument.
 */
export const autostartCommand = (opts: {
  execPath: string;
  env: Readonly<Record<string, string | undefined>>;
  isPackaged: boolean;
  appPath: string;
}): string[] => {
  const appImage = opts.env.APPIMAGE;
  if (opts.isPackaged && appImage && isAbsolute(appImage)) return [appImage];
  return opts.isPackaged ? [opts.execPath] : [opts.execPath, opts.appPath];
};

/**
 * Pure: whether an autostart file's text means "start". Desktops that switch an
 * entry off without deleting it set Hidden=true (the spec's way) or GNOME's
 * X-GNOME-Autostart-enabled=false; both count as off.
 */
export const isAutostartEntryEnabled = (text: string): boolean => {
  const entry = parseDesktopEntry(text).groups['Desktop Entry'];
  if (!entry) return false;
  const flag = (key: string) =>
    unescapeStringValue(entry[key] ?? '')
      .trim()
      .toLowerCase();
  return flag('Hidden') !== 'true' && flag('X-GNOME-Autostart-enabled') !== 'false';
};

export interface LinuxAutostartTarget {
  readonly path: string;
  readonly entry: string;
}

/**
 * Writes (atomically: temp file, fsync, rename) or removes the autostart file.
 * Idempotent: enabling twice rewrites the same text, disabling when there is no
 * file is a no-op. Disk errors become the calm typed errors (read-only, disk-full).
 */
export const setLinuxAutostart = (enabled: boolean, { path, entry }: LinuxAutostartTarget): void => {
  try {
    if (enabled) {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      // 0o644 like any other desktop file: it holds nothing private, and some session managers skip unreadable entries.
      writeFileAtomicSync(path, entry, 0o644);
    } else {
      // unlink, not rmSync: Node 24's rmSync reports EROFS with an empty code ("Unknown error"), losing the typed error.
      unlinkSync(path);
      fsyncDirSync(dirname(path));
    }
  } catch (error) {
    // Already gone is what "off" means.
    if (!enabled && (error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw toStorageError(error);
  }
};

/** Whether the autostart file is there and not switched off by the desktop's own settings. */
export const readLinuxAutostart = (path: string): boolean => {
  try {
    return isAutostartEntryEnabled(readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw toStorageError(error);
  }
};

/** The Linux mechanism behind the same port the Electron login item uses. */
export const xdgAutostartLoginItem = (target: LinuxAutostartTarget): LoginItemPort => ({
  set: (enabled) => setLinuxAutostart(enabled, target),
  get: () => readLinuxAutostart(target.path),
});
