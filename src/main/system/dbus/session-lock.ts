import type { SignalLine } from './gdbus-output';
import { tupleBoolean } from './gdbus-output';

/**
 * Pure: which session-bus and system-bus signals say the screen locked or
 * unlocked on Linux, and the one lock state they add up to.
 *
 * - org.freedesktop.ScreenSaver / org.gnome.ScreenSaver `ActiveChanged(b)`: the
 *   lock screen (or screen saver) came up / went away (GNOME, KDE, Xfce, Cinnamon…).
 * - logind's session `Lock()` / `Unlock()` on the system bus: `loginctl
 *   lock-session`, and what many desktops and lockers listen to.
 * @see https://www.freedesktop.org/software/systemd/man/latest/org.freedesktop.login1.html
 *
 * GNOME sends several of these for one lock, so only a change of state counts.
 */

export type LockSignal = 'locked' | 'unlocked';

export interface MonitorSource {
  readonly bus: 'session' | 'system';
  readonly dest: string;
  readonly path: string;
}

export const SCREENSAVERS: readonly MonitorSource[] = [
  { bus: 'session', dest: 'org.freedesktop.ScreenSaver', path: '/org/freedesktop/ScreenSaver' },
  { bus: 'session', dest: 'org.gnome.ScreenSaver', path: '/org/gnome/ScreenSaver' },
];

/**
 * logind's object path for a session id, escaped as systemd escapes labels:
 * every byte outside [A-Za-z0-9], and a leading digit, becomes `_` + two hex digits.
 */
export const logindSessionPath = (sessionId: string): string => {
  let label = '';
  for (const [index, char] of [...Buffer.from(sessionId, 'utf8')].entries()) {
    const c = String.fromCharCode(char);
    const alpha = /[A-Za-z]/.test(c);
    const digit = /[0-9]/.test(c);
    label += alpha || (digit && index > 0) ? c : `_${char.toString(16).padStart(2, '0')}`;
  }
  return `/org/freedesktop/login1/session/${label || '_'}`;
};

/** logind's session object as a monitor source. */
export const logindSource = (path: string): MonitorSource => ({ bus: 'system', dest: 'org.freedesktop.login1', path });

/** The lock sources known from the environment: both screensavers, and logind's session when the session id is set. */
export const lockSources = (env: Readonly<Record<string, string | undefined>>): readonly MonitorSource[] => {
  const sessionId = env.XDG_SESSION_ID;
  return sessionId ? [...SCREENSAVERS, logindSource(logindSessionPath(sessionId))] : SCREENSAVERS;
};

/**
 * Without XDG_SESSION_ID (an app started by a systemd user unit, as GNOME's
 * session does), logind still names the user's graphical session: the
 * `Display` property of /org/freedesktop/login1/user/self, printed by gdbus as
 * `(<('2', objectpath '/org/freedesktop/login1/session/_32')>,)`.
 */
export const USER_DISPLAY_CALL = [
  'call',
  '--system',
  '--dest',
  'org.freedesktop.login1',
  '--object-path',
  '/org/freedesktop/login1/user/self',
  '--method',
  'org.freedesktop.DBus.Properties.Get',
  'org.freedesktop.login1.User',
  'Display',
] as const;

/** The session path from the Display reply; null when there is none (no graphical session: `objectpath '/'`). */
export const displaySessionPath = (stdout: string): string | null => {
  const path = /objectpath '(\/org\/freedesktop\/login1\/session\/[\w]+)'/.exec(stdout)?.[1];
  return path ?? null;
};

/** What one monitored signal says about the lock, or null when it says nothing about it. */
export const lockSignalOf = (signal: SignalLine): LockSignal | null => {
  if (
    signal.member === 'ActiveChanged' &&
    (signal.interface === 'org.freedesktop.ScreenSaver' || signal.interface === 'org.gnome.ScreenSaver')
  ) {
    const active = tupleBoolean(signal.args);
    return active === null ? null : active ? 'locked' : 'unlocked';
  }
  if (signal.interface === 'org.freedesktop.login1.Session') {
    if (signal.member === 'Lock') return 'locked';
    if (signal.member === 'Unlock') return 'unlocked';
  }
  return null;
};

export type LockState = LockSignal | 'unknown';

/** The new state, and the power event to send when it changed ('lock-screen' / 'unlock-screen'). */
export const nextLockState = (state: LockState, signal: LockSignal): { state: LockState; emit: 'lock-screen' | 'unlock-screen' | null } => {
  if (signal === state) return { state, emit: null };
  return { state: signal, emit: signal === 'locked' ? 'lock-screen' : 'unlock-screen' };
};
