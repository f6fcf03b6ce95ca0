import { execFile } from 'node:child_process';

/**
 * Asking the desktop small questions by running its standard commands
 * (dbus-send, gsettings, xprop, dunstctl…): used by the tray-host probe and
 * the pause attention probes. No shell, a short timeout, never throws.
 */
export interface CommandResult {
  readonly ok: boolean;
  readonly stdout: string;
}

export type RunCommand = (file: string, args: readonly string[]) => Promise<CommandResult>;

const PROBE_TIMEOUT_MS = 1500;

/** execFile (no shell) with a short timeout; a missing command is just `ok: false`. */
export const runCommand: RunCommand = (file, args) =>
  new Promise((resolve) => {
    execFile(file, [...args], { timeout: PROBE_TIMEOUT_MS, encoding: 'utf8' }, (error, stdout) => {
      resolve({ ok: error === null, stdout: typeof stdout === 'string' ? stdout : '' });
    });
  });
