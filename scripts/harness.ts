/**
 * `npm run harness`: Attune's real composition root in Node with stand-in
 * platform ports, the built renderer served on 127.0.0.1, to try in any
 * browser. Builds first when out/ is missing or older than the sources.
 *
 *   npm run harness -- [--port 4173] [--data-dir DIR] [--seed-days N] [--no-tray]
 *
 * --seed-days N sets up a history (passphrase printed below) with N days of
 * made-up check-ins. The controls (tray items, shortcut, clock, sleep, faults)
 * are POSTs under the printed URL; see README "Try it in a browser".
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { generateHistory } from '../src/main/insights/testing/history-generator';
import { startHarness } from '../tests/harness/harness-server';

const ROOT = resolve(import.meta.dirname, '..');
const SEED_PASSPHRASE = 'a long quiet river';
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};

const newestMtime = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }, 0);

/** The built renderer is stale when any source is newer than it (or it is missing). */
const rendererIsStale = (): boolean => {
  const built = join(ROOT, 'out/renderer/index.html');
  return !existsSync(built) || newestMtime(join(ROOT, 'src')) > statSync(built).mtimeMs;
};

const portIsFree = (port: number): Promise<boolean> =>
  new Promise((done) => {
    const probe = createServer()
      .once('error', () => done(false))
      .once('listening', () => probe.close(() => done(true)))
      .listen(port, '127.0.0.1');
  });

const port = Number(option('port') ?? 4173);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`harness: --port takes a number from 0 to 65535 (got ${option('port')})`);
  process.exit(2);
}
if (port !== 0 && !(await portIsFree(port))) {
  console.error(`harness: port ${port} on 127.0.0.1 is in use — stop what uses it, or pick another with --port N`);
  process.exit(1);
}
if (rendererIsStale()) {
  console.log('harness: out/ is missing or older than src/ — building first (npm run build)…');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}

const dataDir = option('data-dir') ? resolve(option('data-dir') as string) : mkdtempSync(join(tmpdir(), 'attune-harness-'));
mkdirSync(dataDir, { recursive: true });
const harness = await startHarness({ port, dataDir, ...(args.includes('--no-tray') ? { trayAvailable: false } : {}) });
if (harness.outcome !== 'started') {
  console.error(`harness: Attune did not start; it would have shown: "${harness.standIns.fatalDialogs.join(' ')}"`);
  await harness.close();
  process.exit(1);
}

const seedDays = Number(option('seed-days') ?? 0);
if (seedDays > 0 && harness.attune) {
  const status = await harness.attune.vault.status();
  // Through the handler, as a window would, so the tray and open pages hear of it.
  const setup = { passphrase: SEED_PASSPHRASE, useKeychain: false, createRecoveryKey: false };
  if (status.state === 'not-set-up') await harness.attune.dispatch('vault.setup', setup, { window: 'app' });
  if ((await harness.attune.vault.status()).state === 'unlocked') {
    const count = await harness.seedHistory(generateHistory({ days: seedDays, end: Date.now() }));
    console.log(`harness: seeded ${count} entries over ${seedDays} days (passphrase: "${SEED_PASSPHRASE}")`);
  } else console.log('harness: the history is locked; unlock it in the app to seed (--seed-days skipped)');
}

console.log(`Attune harness — data in ${dataDir}. Ctrl+C stops it.
Windows (open in a browser):
  popover   ${harness.url}/#popover        (380×580)
  history   ${harness.url}/#app/history    (880×660)
  insights  ${harness.url}/#app/insights
  settings  ${harness.url}/#app/settings
  help      ${harness.url}/#app/help
  welcome   ${harness.url}/#app/welcome
  pause     ${harness.url}/#pause          (440×420)
Controls (POST, e.g. curl -X POST URL):
  ${harness.url}/__harness/tray/<item>           check-in, pause-now, history, settings, help, lock, quit, reminders-on, …
  ${harness.url}/__harness/tray-icon             a click on the tray icon
  ${harness.url}/__harness/shortcut              the check-in shortcut
  ${harness.url}/__harness/second-instance       launching Attune again
  ${harness.url}/__harness/power/<event>         suspend, resume, lock-screen, unlock-screen, idle-start, idle-end
  ${harness.url}/__harness/advance-clock?ms=N    let N ms pass (timers due by then fire)
  ${harness.url}/__harness/notification/<answer> answer the pause notification: start, snooze, skip, dismissed
  ${harness.url}/__harness/fail-next-vault-write the next vault write fails as on a full disk
State (GET): ${harness.url}/__harness/state`);
const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
