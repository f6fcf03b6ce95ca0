import type { RunCommand } from '../run-command';
import { tupleNumber } from './gdbus-output';

/**
 * Idle time from the session bus, for Wayland, where Electron's
 * `powerMonitor.getSystemIdleTime()` answers 0 whatever the person does
 * (it reads X11's screen-saver extension, which sees no Wayland input).
 *
 * 1. GNOME (Mutter): org.gnome.Mutter.IdleMonitor `GetIdletime` → milliseconds.
 * 2. KDE and others: org.freedesktop.ScreenSaver `GetSessionIdleTime` →
 *    milliseconds (KDE's KIdleTime). Some implementations answer a constant 0
 *    ("not implemented"), so a 0 from it tells nothing.
 */

const MUTTER = [
  '--dest',
  'org.gnome.Mutter.IdleMonitor',
  '--object-path',
  '/org/gnome/Mutter/IdleMonitor/Core',
  '--method',
  'org.gnome.Mutter.IdleMonitor.GetIdletime',
];
const SCREENSAVER = [
  '--dest',
  'org.freedesktop.ScreenSaver',
  '--object-path',
  '/org/freedesktop/ScreenSaver',
  '--method',
  'org.freedesktop.ScreenSaver.GetSessionIdleTime',
];

/** Milliseconds without input as the session bus says, or null when no service there can tell. Never throws. */
export const busIdleMilliseconds = async (run: RunCommand, env?: NodeJS.ProcessEnv): Promise<number | null> => {
  const ask = async (method: readonly string[]): Promise<number | null> => {
    const result = await run('gdbus', ['call', '--session', ...method], env ? { env } : {}).catch(() => null);
    return result?.ok ? tupleNumber(result.stdout) : null;
  };
  const mutter = await ask(MUTTER);
  if (mutter !== null) return mutter;
  const screensaver = await ask(SCREENSAVER);
  return screensaver !== null && screensaver > 0 ? screensaver : null;
};

/** Wayland session (XWayland included): Electron's idle time reads X11, which sees no Wayland input. */
export const isWaylandSession = (env: Readonly<Record<string, string | undefined>>): boolean =>
  env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);

/** Pure: ask the session bus when Electron cannot be trusted here, or answered 0 / nothing. */
export const needsBusIdle = (electron: number | null, wayland: boolean): boolean => wayland || electron === null || electron === 0;

/**
 * Pure: the idle time to act on, in seconds, or null for "cannot tell" (which
 * never counts as "in use" for auto-lock and never holds a pause back).
 * On Wayland the session bus comes first and Electron's 0 means nothing; on
 * X11 Electron comes first, and its 0 is believed when the bus cannot tell.
 */
export const chooseIdleSeconds = (electron: number | null, busMs: number | null, wayland: boolean): number | null => {
  const fromBus = busMs === null ? null : busMs / 1000;
  const electronSaysIdle = electron !== null && electron > 0 ? electron : null;
  if (wayland) return fromBus ?? electronSaysIdle;
  return electronSaysIdle ?? fromBus ?? (electron === 0 ? 0 : null);
};
