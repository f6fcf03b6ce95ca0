/**
 * `npm run test:busy`: the whole `npm test` beside a CPU hog on every core, to
 * find tests that only pass on an idle machine (timeouts sized for idle, waits
 * on fixed sleeps). The hog always stops — when the tests end, fail, or on
 * Ctrl+C — and the exit code is `npm test`'s.
 */
import { spawn } from 'node:child_process';

import { exitCodeOf, formatWallTime, startHog } from './cpu-hog';

const hog = startHog();
const niceNote = hog.nice.every((value) => value === 0) ? 'nice 0' : `nice ${hog.nice.join(', ')} (could not set 0)`;
console.log(`test:busy: ${hog.pids.length} spinning processes (${niceNote}), one per core; running npm test beside them`);

const started = performance.now();
const tests = spawn('npm', ['test'], { stdio: 'inherit', shell: process.platform === 'win32' });

let interrupted: NodeJS.Signals | null = null;
const onSignal = (signal: NodeJS.Signals) => {
  // Ctrl+C reaches npm test directly too (same process group); a signal sent to this process alone is passed on.
  // A second one does not wait for npm test to wind down.
  const again = interrupted !== null;
  interrupted ??= signal;
  void hog.stop();
  tests.kill(again ? 'SIGKILL' : signal);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('SIGHUP', onSignal);

const finish = async (code: number, how: string) => {
  await hog.stop();
  const wall = formatWallTime(performance.now() - started);
  console.log(`test:busy: npm test ${how} after ${wall} (wall time, beside ${hog.pids.length} spinning processes); the hog is stopped`);
  process.exit(code);
};

tests.on('error', (error) => void finish(1, `could not start (${error.message})`));
tests.on('exit', (code, signal) => {
  const exitCode = interrupted ? exitCodeOf(null, interrupted) : exitCodeOf(code, signal);
  const how = interrupted ? `was interrupted (${interrupted})` : exitCode === 0 ? 'passed' : `failed with exit code ${exitCode}`;
  void finish(exitCode, how);
});
