import type { PowerMonitor } from 'electron';
import type { Tristate } from '../pauses/due-decision';
import { linuxDoNotDisturb, linuxFullScreen } from '../pauses/linux-attention';
import type { AttentionState, PowerEventName, PowerEvents } from '../pauses/ports';

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
 * | screen lock     | 'lock-screen' / 'unlock-screen'| 'lock-screen' / 'unlock-screen'  | no events; getSystemIdleState → 'locked' on some   |
 * | idle            | getSystemIdleTime at due time  | getSystemIdleTime at due time    | getSystemIdleTime (X11; on Wayland per compositor) |
 * | do-not-disturb  | not exposed (Focus is private) | not exposed (needs native API)   | dunst, GNOME banners, KDE/others `Inhibited`       |
 * | full-screen app | not exposed                    | not exposed (needs native API)   | X11 active window _NET_WM_STATE; not on Wayland    |
 *
 * The same table as data for the settings view: src/shared/pause-detection.ts.
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

export const createPowerEvents = (powerMonitor: PowerMonitorLike): PowerEvents => ({
  on(event, listener) {
    const name = ELECTRON_EVENTS[event];
    if (name === null) return () => undefined;
    // Each overload of `on` takes a zero-argument listener for these four events.
    const handler = (): void => listener();
    powerMonitor.on(name as 'suspend', handler);
    return () => {
      powerMonitor.off(name as 'suspend', handler);
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
): AttentionState => ({
  doNotDisturb: (): Tristate | Promise<Tristate> => (platform === 'linux' ? probes.doNotDisturb() : 'unknown'),
  fullScreen: (): Tristate | Promise<Tristate> => (platform === 'linux' ? probes.fullScreen() : 'unknown'),
  screenLocked: (): Tristate => {
    const state = powerMonitor.getSystemIdleState(LOCK_PROBE_IDLE_SECONDS);
    if (state === 'locked') return 'yes';
    // Only macOS and Windows report 'locked' reliably; elsewhere "not locked" is a guess.
    if (state === 'unknown' || platform === 'linux') return 'unknown';
    return 'no';
  },
  idleSeconds: (): number | null => {
    const seconds = powerMonitor.getSystemIdleTime();
    return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
  },
});
