import { type RunCommand, runCommand } from '../system/run-command';
import type { Tristate } from './due-decision';

/**
 * What Linux desktops can tell about do-not-disturb and full-screen, read by
 * running small standard commands (no native modules). Electron itself has no
 * API for either; these probes are the "where the platform can tell" part.
 *
 * Do-not-disturb, first answer wins:
 *   1. dunst:        `dunstctl is-paused`                      → true / false
 *   2. GNOME:        `gsettings get org.gnome.desktop.notifications show-banners` (false = DND)
 *   3. KDE & others: the notification server's `Inhibited` D-Bus property (via gdbus)
 * Full-screen (X11 only; Wayland does not let one client see another's state):
 *   `xprop` reads the active window's `_NET_WM_STATE` for `_NET_WM_STATE_FULLSCREEN`.
 * Anything that fails or times out answers 'unknown', which never holds a pause back.
 */

export interface LinuxAttentionOptions {
  readonly run?: RunCommand;
  readonly env?: NodeJS.ProcessEnv;
}

const dunstPaused = async (run: RunCommand): Promise<Tristate> => {
  const result = await run('dunstctl', ['is-paused']);
  if (!result.ok) return 'unknown';
  const answer = result.stdout.trim();
  return answer === 'true' ? 'yes' : answer === 'false' ? 'no' : 'unknown';
};

const gnomeBannersOff = async (run: RunCommand): Promise<Tristate> => {
  const result = await run('gsettings', ['get', 'org.gnome.desktop.notifications', 'show-banners']);
  if (!result.ok) return 'unknown';
  const answer = result.stdout.trim();
  return answer === 'false' ? 'yes' : answer === 'true' ? 'no' : 'unknown';
};

const serverInhibited = async (run: RunCommand): Promise<Tristate> => {
  const result = await run('gdbus', [
    'call',
    '--session',
    '--dest',
    'org.freedesktop.Notifications',
    '--object-path',
    '/org/freedesktop/Notifications',
    '--method',
    'org.freedesktop.DBus.Properties.Get',
    'org.freedesktop.Notifications',
    'Inhibited',
  ]);
  if (!result.ok) return 'unknown';
  if (/\btrue\b/.test(result.stdout)) return 'yes';
  if (/\bfalse\b/.test(result.stdout)) return 'no';
  return 'unknown';
};

export const linuxDoNotDisturb = async (options: LinuxAttentionOptions = {}): Promise<Tristate> => {
  const run = options.run ?? runCommand;
  const env = options.env ?? process.env;
  const dunst = await dunstPaused(run);
  if (dunst !== 'unknown') return dunst;
  // gsettings answers on any machine with GNOME's schemas installed; only trust it inside GNOME.
  if (/gnome/i.test(env.XDG_CURRENT_DESKTOP ?? '')) {
    const gnome = await gnomeBannersOff(run);
    if (gnome !== 'unknown') return gnome;
  }
  return serverInhibited(run);
};

export const linuxFullScreen = async (options: LinuxAttentionOptions = {}): Promise<Tristate> => {
  const run = options.run ?? runCommand;
  const env = options.env ?? process.env;
  if (!env.DISPLAY || env.XDG_SESSION_TYPE === 'wayland') return 'unknown';
  // An explicit format prints the id the same way whatever type the window manager gave the property.
  const active = await run('xprop', ['-root', '-notype', '-f', '_NET_ACTIVE_WINDOW', '32x', ' $0\n', '_NET_ACTIVE_WINDOW']);
  if (!active.ok) return 'unknown';
  const id = /_NET_ACTIVE_WINDOW\s+(0x[0-9a-f]+)/i.exec(active.stdout)?.[1];
  // No window manager, or nothing focused: nothing can be full-screen in front of the person.
  if (id === undefined) return 'unknown';
  if (/^0x0+$/i.test(id)) return 'no';
  const state = await run('xprop', ['-id', id, '_NET_WM_STATE']);
  if (!state.ok) return 'unknown';
  return /_NET_WM_STATE_FULLSCREEN/.test(state.stdout) ? 'yes' : 'no';
};
