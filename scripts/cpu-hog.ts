import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism, constants, getPriority, setPriority } from 'node:os';

/**
 * A CPU hog for `npm run test:busy`: one spinning Node process per core, at
 * nice 0 so it competes with the tests as an equal (a niced hog would step
 * aside and prove nothing). Each spinner checks its parent now and then and
 * exits once the parent is gone, so even a `kill -9` of the runner leaves
 * nothing spinning.
 */

/**
 * Spins; every few million iterations, stops if its parent is no longer the
 * runner whose pid it was given (argv[1]). The pid is passed in, not read at
 * start-up: a runner killed before the spinner's first look would otherwise
 * leave it spinning under its new parent forever.
 */
export const SPINNER_SOURCE = `
const runner = Number(process.argv[1]);
for (;;) {
  for (let i = 0; i < 5e6; i++);
  if (process.ppid !== runner) process.exit(0);
}
`;

export interface Hog {
  readonly pids: readonly number[];
  /** Nice values the spinners really run at (0 unless the system refused). */
  readonly nice: readonly number[];
  /** Kills every spinner and resolves once all have exited. Safe to call more than once. */
  stop(): Promise<void>;
}

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((done) => child.once('exit', () => done()));

export const startHog = (count: number = availableParallelism(), nodePath: string = process.execPath): Hog => {
  const children = Array.from({ length: count }, () => spawn(nodePath, ['-e', SPINNER_SOURCE, String(process.pid)], { stdio: 'ignore' }));
  const nice = children.map((child) => {
    const pid = child.pid;
    if (pid === undefined) return Number.NaN;
    try {
      // A runner started under `nice` would pass its niceness on; the hog competes as an equal.
      setPriority(pid, constants.priority.PRIORITY_NORMAL);
    } catch {
      // Raising priority back to 0 needs privileges; keep what was inherited and report it.
    }
    try {
      return getPriority(pid);
    } catch {
      return Number.NaN;
    }
  });
  let stopping: Promise<void> | null = null;
  return {
    pids: children.flatMap((child) => (child.pid === undefined ? [] : [child.pid])),
    nice,
    stop() {
      stopping ??= Promise.all(
        children.map((child) => {
          const done = exited(child);
          child.kill('SIGKILL');
          return done;
        }),
      ).then(() => undefined);
      return stopping;
    },
  };
};

/** The exit code to pass on for a child that ended with this code or signal (a signal gives 128 + its number). */
export const exitCodeOf = (code: number | null, signal: NodeJS.Signals | null): number => {
  if (code !== null) return code;
  const number = signal ? constants.signals[signal] : undefined;
  return number === undefined ? 1 : 128 + number;
};

/** 612_345 ms → "10 min 12 s"; under a minute → "42.3 s". */
export const formatWallTime = (ms: number): string => {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
};
