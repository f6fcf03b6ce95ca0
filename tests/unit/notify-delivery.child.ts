/**
 * Runs inside `xvfb-run -a dbus-run-session -- node --import tsx …` (see
 * notify-delivery.spec.ts): a private X display and session bus, a real dunst,
 * the real node-notifier module and the real notify-send. Prints one JSON
 * object on stdout for the spec to assert on; nothing here asserts.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { NodeNotifierNotifier } from '../../src/main/notify/node-notifier-notifier';
import { linuxDoNotDisturb, linuxFullScreen } from '../../src/main/pauses/linux-attention';
import { useEnglishNow } from '../../src/shared/i18n/english-now';

// A process of its own: it reads the notification's words in English whole, as main does at start.
useEnglishNow();

const run = (file: string, args: readonly string[]): Promise<string> =>
  new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: 5000, encoding: 'utf8' }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Wait until something owns the notification bus name, without D-Bus-activating a second daemon. */
const waitForDaemon = async (): Promise<void> => {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const answer = await run('dbus-send', [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      'string:org.freedesktop.Notifications',
    ]).catch(() => '');
    if (/boolean true/.test(answer)) return;
    await delay(50);
  }
  throw new Error('dunst did not take the notification bus name within 5 s');
};

interface HistoryEntry {
  summary: string;
  body: string;
  appname: string;
}

const readHistory = async (): Promise<HistoryEntry[]> => {
  const parsed = JSON.parse(await run('dunstctl', ['history'])) as { data: Record<string, { data: unknown }>[][] };
  return (parsed.data[0] ?? []).map((entry) => ({
    summary: String(entry.summary?.data ?? ''),
    body: String(entry.body?.data ?? ''),
    appname: String(entry.appname?.data ?? ''),
  }));
};

const deliver = async (): Promise<unknown> => {
  const dir = mkdtempSync(join(tmpdir(), 'attune-dunst-'));
  const config = join(dir, 'dunstrc');
  // Long timeouts so nothing expires between "shown" and "read back".
  writeFileSync(config, '[global]\n    history_length = 20\n[urgency_normal]\n    timeout = 120\n');
  const dunst = spawn('dunst', ['-config', config], { stdio: 'ignore' });
  try {
    await waitForDaemon();
    const notifier = new NodeNotifierNotifier({ platform: 'linux' });
    // Twice: the second must replace the first, never stack.
    const first = await notifier.showPause(() => undefined);
    const second = await notifier.showPause(() => undefined);
    await delay(300);
    const displayed = Number((await run('dunstctl', ['count', 'displayed'])).trim());
    const historyBeforeClose = Number((await run('dunstctl', ['count', 'history'])).trim());
    const dndBefore = await linuxDoNotDisturb({ env: {} });
    await run('dunstctl', ['set-paused', 'true']);
    const dndPaused = await linuxDoNotDisturb({ env: {} });
    await run('dunstctl', ['set-paused', 'false']);
    await run('dunstctl', ['close-all']);
    await delay(200);
    const history = await readHistory();
    return { results: [first, second], displayed, historyBeforeClose, history, dnd: { before: dndBefore, paused: dndPaused } };
  } finally {
    dunst.kill();
    rmSync(dir, { recursive: true, force: true });
  }
};

/** With no window manager under Xvfb, set the EWMH properties a window manager would, on the root window. */
const fullScreen = async (): Promise<unknown> => {
  const env = { DISPLAY: process.env.DISPLAY ?? '' };
  // Xvfb resets (dropping every property) when its last client leaves; one idle client keeps it up.
  const holder = spawn('xprop', ['-root', '-spy'], { stdio: 'ignore' });
  try {
    await delay(200);
    const withoutWindowManager = await linuxFullScreen({ env });
    const root = /Window id: (0x[0-9a-f]+)/i.exec(await run('xwininfo', ['-root']))?.[1] ?? '';
    await run('xprop', ['-root', '-f', '_NET_ACTIVE_WINDOW', '32x', '-set', '_NET_ACTIVE_WINDOW', root]);
    await run('xprop', ['-id', root, '-f', '_NET_WM_STATE', '32a', '-set', '_NET_WM_STATE', '_NET_WM_STATE_FOCUSED']);
    const normalWindow = await linuxFullScreen({ env });
    await run('xprop', ['-id', root, '-f', '_NET_WM_STATE', '32a', '-set', '_NET_WM_STATE', '_NET_WM_STATE_FULLSCREEN']);
    const fullScreenWindow = await linuxFullScreen({ env });
    return { withoutWindowManager, normalWindow, fullScreenWindow };
  } finally {
    holder.kill();
  }
};

const mode = process.argv[2];
const result = mode === 'full-screen' ? await fullScreen() : await deliver();
process.stdout.write(`${JSON.stringify(result)}\n`);
