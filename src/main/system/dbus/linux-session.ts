import { type RunCommand, runCommand } from '../run-command';
import { busIdleMilliseconds, isWaylandSession } from './bus-idle-time';
import type { MonitorSource } from './session-lock';
import { type SessionLockWatch, watchSessionLock } from './session-lock-watch';

/**
 * What a Linux session tells over D-Bus that Electron does not: screen lock
 * (no 'lock-screen' event there) and, on Wayland, idle time. Everything goes
 * through the `gdbus` tool (GLib, libglib2.0-bin), which Attune already uses
 * for other desktop questions: no native module, and no D-Bus library in the
 * app for a handful of calls and three long-lived monitors.
 */
export interface LinuxSession {
  readonly lock: SessionLockWatch;
  idleMilliseconds(): Promise<number | null>;
  readonly wayland: boolean;
  stop(): void;
}

export interface LinuxSessionOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly run?: RunCommand;
  readonly onGone?: (source: MonitorSource, code: number | null) => void;
}

export const startLinuxSession = (options: LinuxSessionOptions = {}): LinuxSession => {
  const env = options.env ?? process.env;
  const run = options.run ?? runCommand;
  const lock = watchSessionLock({ env, run, ...(options.onGone ? { onGone: options.onGone } : {}) });
  return {
    lock,
    idleMilliseconds: () => busIdleMilliseconds(run, env),
    wayland: isWaylandSession(env),
    stop: () => lock.stop(),
  };
};
