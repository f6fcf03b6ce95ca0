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

/**
 * `env`: the environment the command runs in (default: this process's), e.g. a private D-Bus in tests;
 * `timeoutMs`: how long to wait for the answer (default 1.5 s).
 */
export type RunCommand = (
  file: string,
  args: readonly string[],
  options?: { env?: NodeJS.ProcessEnv; timeoutMs?: number },
) => Promise<CommandResult>;

const PROBE_TIMEOUT_MS = 1500;

/** execFile (no shell) with a short timeout; a missing command is just `ok: false`. */
export const runCommand: RunCommand = (file, args, options = {}) =>
  new Promise((resolve) => {
    const env = options.env ?? process.env;
    const timeout = options.timeoutMs ?? PROBE_TIMEOUT_MS;
    execFile(file, [...args], { timeout, encoding: 'utf8', env }, (error, stdout) => {
      resolve({ ok: error === null, stdout: typeof stdout === 'string' ? stdout : '' });
    });
  });
