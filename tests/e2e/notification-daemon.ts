import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * A real notification daemon for a journey: a private session bus
 * (dbus-daemon), a virtual display (Xvfb through xvfb-run) and dunst on them.
 * While it runs, this process's DBUS_SESSION_BUS_ADDRESS points at that bus,
 * so node-notifier's notify-send delivers there; `stop` puts it back.
 */
export interface NotificationDaemon {
  /** Every notification dunst was given (those on screen are closed first): summary and body, newest first. */
  history(): Promise<{ summary: string; body: string }[]>;
  stop(): Promise<void>;
}

const TOOLS = ['dbus-daemon', 'xvfb-run', 'xauth', 'dunst', 'dunstctl', 'notify-send'] as const;

/** The tools this needs that are not on PATH (Debian: dbus xvfb xauth dunst libnotify-bin). */
export const missingDaemonTools = (): string[] =>
  TOOLS.filter(
    (tool) =>
      !(process.env.PATH ?? '').split(delimiter).some((dir) => {
        try {
          accessSync(join(dir, tool), constants.X_OK);
          return true;
        } catch {
          return false;
        }
      }),
  );

const run = (file: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> =>
  new Promise((resolve, reject) =>
    execFile(file, args, { env, timeout: 10_000, encoding: 'utf8' }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
  );

const firstLine = (child: ChildProcess): Promise<string> =>
  new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const end = buffered.indexOf('\n');
      if (end >= 0) resolve(buffered.slice(0, end).trim());
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before saying anything`)));
  });

export const startNotificationDaemon = async (): Promise<NotificationDaemon> => {
  const dir = mkdtempSync(join(tmpdir(), 'attune-dunst-'));
  const config = join(dir, 'dunstrc');
  writeFileSync(config, '[global]\n    history_length = 20\n[urgency_normal]\n    timeout = 120\n');
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const address = await firstLine(bus);
  const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: address };
  const dunst = spawn('xvfb-run', ['-a', 'dunst', '-config', config], { env, stdio: 'ignore', detached: true });
  // dunst is ready once it owns the notification name on the bus.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const owner = await run(
      'dbus-send',
      [
        '--session',
        '--print-reply',
        '--dest=org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.NameHasOwner',
        'string:org.freedesktop.Notifications',
      ],
      env,
    ).catch(() => '');
    if (/boolean true/.test(owner)) break;
    if (Date.now() > deadline) throw new Error('dunst did not take the notification bus name within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const previous = process.env.DBUS_SESSION_BUS_ADDRESS;
  process.env.DBUS_SESSION_BUS_ADDRESS = address;
  return {
    history: async () => {
      // dunst lists a notification in its history once it is closed: close what is on screen, then read.
      await run('dunstctl', ['close-all'], env);
      const parsed = JSON.parse(await run('dunstctl', ['history'], env)) as { data: Record<string, { data: unknown }>[][] };
      return (parsed.data[0] ?? []).map((entry) => ({ summary: String(entry.summary?.data ?? ''), body: String(entry.body?.data ?? '') }));
    },
    stop: async () => {
      if (previous === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
      else process.env.DBUS_SESSION_BUS_ADDRESS = previous;
      if (dunst.pid) {
        try {
          process.kill(-dunst.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
      bus.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
