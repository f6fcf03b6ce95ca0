import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { getPriority } from 'node:os';

import { afterEach, describe, expect, test } from 'vitest';

import { exitCodeOf, formatWallTime, type Hog, SPINNER_SOURCE, startHog } from './cpu-hog';

const linux = process.platform === 'linux';

/** Alive and not a zombie (a reparented child may wait a moment to be reaped). */
const running = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (!linux) return true;
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

/** CPU time (user + system, in clock ticks) a process has used so far. */
const cpuTicks = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return Number(fields[11]) + Number(fields[12]);
};

const hogs: Hog[] = [];
afterEach(async () => {
  for (const hog of hogs.splice(0)) await hog.stop();
});

describe('startHog', () => {
  test('one spinner per requested core, at nice 0, really using CPU; stop() ends them all, and a second stop() is harmless', async () => {
    const hog = startHog(2);
    hogs.push(hog);
    expect(hog.pids).toHaveLength(2);
    expect(hog.nice).toEqual([0, 0]);
    for (const pid of hog.pids) {
      expect(running(pid)).toBe(true);
      expect(getPriority(pid)).toBe(0);
    }
    if (linux) await expect.poll(() => hog.pids.map(cpuTicks).every((ticks) => ticks > 0), { timeout: 10_000 }).toBe(true);

    await hog.stop();
    for (const pid of hog.pids) expect(running(pid)).toBe(false);
    await expect(hog.stop()).resolves.toBeUndefined();
  });

  // Lowering niceness needs privileges: only root can show the hog undoing a niced runner.
  test.runIf(linux && process.getuid?.() === 0)('started from a niced runner, the spinners still run at nice 0', () => {
    const script = `import { startHog } from ${JSON.stringify(new URL('./cpu-hog.ts', import.meta.url).pathname)};
const hog = startHog(1);
console.log(JSON.stringify(hog.nice));
await hog.stop();`;
    const out = execFileSync('nice', ['-n', '10', process.execPath, '--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(JSON.parse(out.trim())).toEqual([0]);
  });

  test.runIf(process.platform !== 'win32')('a spinner whose runner is killed outright (kill -9) stops by itself', async () => {
    // A stand-in runner: starts one spinner, prints its pid, then waits to be killed.
    const runner = spawn(
      process.execPath,
      [
        '-e',
        `const c = require('node:child_process').spawn(process.execPath, ['-e', process.env.SPIN, String(process.pid)], { stdio: 'ignore' }); console.log(c.pid); setInterval(() => {}, 1000);`,
      ],
      { env: { ...process.env, SPIN: SPINNER_SOURCE }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const spinner = await new Promise<number>((resolve, reject) => {
      runner.stdout.setEncoding('utf8');
      runner.stdout.once('data', (line: string) => resolve(Number(line.trim())));
      runner.once('exit', () => reject(new Error('the stand-in runner exited before starting its spinner')));
    });
    try {
      expect(running(spinner)).toBe(true);
      // Killed at once, very likely before the spinner has even finished starting: it must stop all the same.
      runner.kill('SIGKILL');
      await expect.poll(() => running(spinner), { timeout: 15_000 }).toBe(false);
    } finally {
      if (running(spinner)) process.kill(spinner, 'SIGKILL');
    }
  });
});

describe('exitCodeOf', () => {
  test('passes an exit code on as it is', () => {
    expect(exitCodeOf(0, null)).toBe(0);
    expect(exitCodeOf(1, null)).toBe(1);
    expect(exitCodeOf(42, null)).toBe(42);
  });

  test('a signal gives 128 + its number, as a shell would', () => {
    expect(exitCodeOf(null, 'SIGINT')).toBe(130);
    expect(exitCodeOf(null, 'SIGTERM')).toBe(143);
    expect(exitCodeOf(null, 'SIGKILL')).toBe(137);
  });

  test('neither code nor signal is a failure, never a pass', () => {
    expect(exitCodeOf(null, null)).toBe(1);
  });
});

describe('formatWallTime', () => {
  test('seconds with one decimal under a minute, minutes and whole seconds above', () => {
    expect(formatWallTime(42_345)).toBe('42.3 s');
    expect(formatWallTime(60_000)).toBe('1 min 0 s');
    expect(formatWallTime(612_345)).toBe('10 min 12 s');
    expect(formatWallTime(119_600)).toBe('2 min 0 s');
  });
});
