import type { PowerMonitor } from 'electron';

import type { Tristate } from '../pauses/due-decision';
import { linuxDoNotDisturb, linuxFullScreen } from '../pauses/linux-attention';
import type { AttentionState, PowerEventName, PowerEvents } from '../pauses/ports';
import { chooseIdleSeconds, needsBusIdle } from '../system/dbus/bus-idle-time';
import type { LinuxSession } from '../system/dbus/linux-session';

/**
 * Electron's powerMonitor behind the pause driver's small interfaces. The
 * module is passed in (`import { powerMonitor } from 'electron'` in
 * platform/pause-adapters.ts), so only Electron's types are imported here.
 *
 * What each platform can tell (Electron 45 docs + the Linux probes):
 *
 * | signal          | macOS                          | Windows                          | Linux                                              |
 * |-----------------|--------------------------------|----------------------------------|----------------------------------------------------|
 * | sleep / wake    | 'suspend' / 'resume'           | 'suspend' / 'resume'             | 'suspend' / 'resume' (logind)                      |
 * | screen lock     | 'lock-screen' / 'unlock-screen'| 'lock-screen' / 'unlock-screen'  | D-Bus: ScreenSaver ActiveChanged, logind Lock (*)  |
 * | idle            | getSystemIdleTime at due time  | getSystemIdleTime at due time    | getSystemIdleTime (X11); Wayland: Mutter / ScreenSaver over D-Bus (*) |
 * | do-not-disturb  | not exposed (Focus is private) | not exposed (needs native API)   | dunst, GNOME banners, KDE/others `Inhibited`       |
 * | full-screen app | not exposed                    | not exposed (needs native API)   | X11 active window _NET_WM_STATE; not on Wayland    |
 *
 * (*) src/main/system/dbus/: where no such service runs, lock and idle are
 * "cannot tell" (idle never counts as "in use" for auto-lock then).
 * The same table as data for the settings view: src/shared/pauses/pause-detection.ts.
 * Gaps without a 'suspend' event are still caught by the driver comparing
 * wall and monotonic time. "Not exposed" answers 'unknown', which never holds
 * a pause back; on macOS and Windows the system's own Focus / Focus assist
 * still keeps the notification quiet while it is on.
 */

type PowerMonitorLike = Pick<PowerMonitor, 'on' | 'off' | 'getSystemIdleState' | 'getSystemIdleTime'>;

/** Electron events per driver event; idle has no Electron event (it is read at due time instead). */
const ELECTRON_EVENTS: Record<PowerEventName, 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen' | null> = {
  suspend: 'suspend',
  resume: 'resume',
  'lock-screen': 'lock-screen',
  'unlock-screen': 'unlock-screen',
  'idle-start': null,
  'idle-end': null,
};

/** Electron's events, plus the screen lock a Linux session reports over D-Bus (Electron has none there). */
export const createPowerEvents = (powerMonitor: PowerMonitorLike, session: Pick<LinuxSession, 'lock'> | null = null): PowerEvents => ({
  on(event, listener) {
    const offs: (() => void)[] = [];
    const name = ELECTRON_EVENTS[event];
    if (name !== null) {
      // Each overload of `on` takes a zero-argument listener for these four events.
      const handler = (): void => listener();
      powerMonitor.on(name as 'suspend', handler);
      offs.push(() => void powerMonitor.off(name as 'suspend', handler));
    }
    if (session && (event === 'lock-screen' || event === 'unlock-screen')) offs.push(session.lock.on(event, listener));
    return () => {
      for (const off of offs) off();
    };
  },
});

/** Idle threshold for getSystemIdleState; only its 'locked' answer is used. */
const LOCK_PROBE_IDLE_SECONDS = 60;

/** The Linux probes (src/main/pauses/linux-attention.ts); replaceable for tests. */
export interface LinuxProbes {
  readonly doNotDisturb: () => Promise<Tristate>;
  readonly fullScreen: () => Promise<Tristate>;
}

const linuxProbes: LinuxProbes = { doNotDisturb: () => linuxDoNotDisturb(), fullScreen: () => linuxFullScreen() };

export const createAttentionState = (
  powerMonitor: PowerMonitorLike,
  platform: NodeJS.Platform,
  probes: LinuxProbes = linuxProbes,
  session: Pick<LinuxSession, 'lock' | 'idleMilliseconds' | 'wayland'> | null = null,
): AttentionState => {
  const electronIdle = (): number | null => {
    const seconds = powerMonitor.getSystemIdleTime();
    return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
  };
  return {
    doNotDisturb: (): Tristate | Promise<Tristate> => (platform === 'linux' ? probes.doNotDisturb() : 'unknown'),
    fullScreen: (): Tristate | Promise<Tristate> => (platform === 'linux' ? probes.fullScreen() : 'unknown'),
    screenLocked: (): Tristate => {
      const state = powerMonitor.getSystemIdleState(LOCK_PROBE_IDLE_SECONDS);
      if (state === 'locked') return 'yes';
      // On Linux, what the screensaver or logind last said over D-Bus, where one has.
      if (session) return session.lock.locked();
      // Only macOS and Windows report 'locked' reliably; elsewhere "not locked" is a guess.
      if (state === 'unknown' || platform === 'linux') return 'unknown';
      return 'no';
    },
    idleSeconds: (): number | null | Promise<number | null> => {
      const electron = electronIdle();
      if (!session || !needsBusIdle(electron, session.wayland)) return electron;
      return session.idleMilliseconds().then((busMs) => chooseIdleSeconds(electron, busMs, session.wayland));
    },
  };
};
