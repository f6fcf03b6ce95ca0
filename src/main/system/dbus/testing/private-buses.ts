import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * Two private D-Bus daemons (one stands in for the session bus, one for the
 * system bus where logind lives) with fake desktop services on them, for the
 * tests that run Attune's real D-Bus adapters. Nothing touches the machine's
 * own buses: every child gets the private addresses in its environment.
 */

const SCRIPT = fileURLToPath(new URL('./fake-desktop-services.py', import.meta.url));

const works = (file: string, args: readonly string[]): boolean => {
  const result = spawnSync(file, [...args], { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
};

/** A python3 that has dbus-python and PyGObject (Debian's /usr/bin/python3 with python3-dbus python3-gi). */
const findPython = (): string | null =>
  ['/usr/bin/python3', 'python3'].find((python) => works(python, ['-c', 'import dbus, dbus.service, gi.repository.GLib'])) ?? null;

/** Why the real-bus tests cannot run here, in one line, or null when they can. */
export const privateBusSkipReason = (): string | null => {
  const missing = [
    works('dbus-daemon', ['--version']) ? null : 'dbus-daemon (Debian: dbus)',
    works('gdbus', ['help']) ? null : 'gdbus (Debian: libglib2.0-bin)',
    findPython() ? null : 'python3 with dbus and gi (Debian: python3-dbus python3-gi)',
  ].filter((item) => item !== null);
  return missing.length === 0 ? null : `session-bus tests skipped: needs ${missing.join(', ')}`;
};

const lines = (child: ChildProcessWithoutNullStreams) => createInterface({ input: child.stdout })[Symbol.asyncIterator]();

/** Starts a dbus-daemon with the session configuration; resolves with its address once it listens. */
const startDaemon = async (): Promise<{ address: string; child: ChildProcessWithoutNullStreams }> => {
  const child = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: 'pipe' });
  const first = await lines(child).next();
  if (first.done || !first.value.startsWith('unix:')) throw new Error('dbus-daemon did not print its address');
  return { address: first.value.trim(), child };
};

export interface FakeDesktop {
  /** The environment for anything that should see the private buses. */
  readonly env: NodeJS.ProcessEnv;
  /** Sends a command to the fake services and waits for its "ok" (see fake-desktop-services.py). */
  send(command: string): Promise<void>;
  stop(): Promise<void>;
}

/** Both buses, and the fake services on them once they own their names. `sessionPath`: the logind session object. */
export const startFakeDesktop = async (sessionPath: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<FakeDesktop> => {
  const python = findPython();
  if (!python) throw new Error('no python3 with dbus and gi');
  const session = await startDaemon();
  const system = await startDaemon();
  // The machine's own session (when tests run inside a desktop) must not leak in: only `extraEnv` says what it is.
  const { XDG_SESSION_ID: _id, XDG_SESSION_TYPE: _type, WAYLAND_DISPLAY: _wayland, ...inherited } = process.env;
  const env = { ...inherited, DBUS_SESSION_BUS_ADDRESS: session.address, DBUS_SYSTEM_BUS_ADDRESS: system.address, ...extraEnv };
  const services = spawn(python, [SCRIPT, sessionPath], { stdio: 'pipe', env });
  const output = lines(services);
  const nextLine = async (): Promise<string> => {
    const line = await output.next();
    if (line.done) throw new Error('the fake desktop services ended');
    return line.value;
  };
  const first = await nextLine();
  if (first !== 'ready') throw new Error(`the fake desktop services said "${first}" instead of ready`);
  let queue: Promise<void> = Promise.resolve();
  return {
    env,
    send: (command) =>
      (queue = queue.then(async () => {
        services.stdin.write(`${command}\n`);
        const answer = await nextLine();
        if (answer !== `ok ${command}`) throw new Error(`the fake desktop services answered "${answer}" to "${command}"`);
      })),
    stop: async () => {
      for (const child of [services, session.child, system.child]) {
        if (child.exitCode === null && child.signalCode === null) {
          const exited = once(child, 'exit');
          child.kill();
          await exited;
        }
      }
    },
  };
};
