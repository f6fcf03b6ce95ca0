import { type RunCommand, runCommand } from '../run-command';
import { type LineProcess, type SpawnLines, spawnLines } from '../spawn-lines';
import { isOwnerLine, parseSignalLine, tupleBoolean } from './gdbus-output';
import {
  displaySessionPath,
  lockSignalOf,
  lockSources,
  type LockState,
  logindSource,
  type MonitorSource,
  nextLockState,
  SCREENSAVERS,
  USER_DISPLAY_CALL,
} from './session-lock';

export type LockEvent = 'lock-screen' | 'unlock-screen';

/** Screen lock on Linux, from the session and system buses. */
export interface SessionLockWatch {
  /** 'lock-screen' / 'unlock-screen' when the lock state changes; returns its own unsubscribe. */
  on(event: LockEvent, listener: () => void): () => void;
  /** 'yes' / 'no' once a screensaver or logind has said; 'unknown' before, or where none can. */
  locked(): 'yes' | 'no' | 'unknown';
  /** Resolves once every monitor listens (or has given up): a signal sent after this is seen. */
  ready(): Promise<void>;
  stop(): void;
}

export interface SessionLockWatchOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly spawn?: SpawnLines;
  readonly run?: RunCommand;
  /** A monitor that could not start or ended (no gdbus, no bus): said once, with its source. */
  readonly onGone?: (source: MonitorSource, code: number | null) => void;
}

/**
 * One `gdbus monitor` per source (two screensavers on the session bus, the
 * logind session on the system bus). gdbus follows a name that appears later
 * (a screensaver started after Attune), so nothing is polled. The starting
 * state comes from the screensavers' `GetActive`.
 */
export const watchSessionLock = (options: SessionLockWatchOptions = {}): SessionLockWatch => {
  const env = options.env ?? process.env;
  const spawn = options.spawn ?? spawnLines;
  const run = options.run ?? runCommand;
  const listeners = new Map<LockEvent, Set<() => void>>([
    ['lock-screen', new Set()],
    ['unlock-screen', new Set()],
  ]);
  let state: LockState = 'unknown';
  let stopped = false;
  let heardSignal = false;

  const emit = (event: LockEvent) => {
    for (const listener of [...(listeners.get(event) ?? [])]) listener();
  };

  const readiness: Promise<void>[] = [];
  const readyMarks: (() => void)[] = [];
  const monitors: LineProcess[] = [];
  const monitor = (source: MonitorSource): void => {
    let markReady: () => void = () => undefined;
    readiness.push(new Promise<void>((resolve) => (markReady = resolve)));
    readyMarks.push(() => markReady());
    const child = spawn('gdbus', ['monitor', `--${source.bus}`, '--dest', source.dest, '--object-path', source.path], {
      env,
      onLine: (line) => {
        if (isOwnerLine(line)) return markReady();
        const parsed = parseSignalLine(line);
        const signal = parsed && parsed.path === source.path ? lockSignalOf(parsed) : null;
        if (signal === null || stopped) return;
        heardSignal = true;
        const next = nextLockState(state, signal);
        state = next.state;
        if (next.emit) emit(next.emit);
      },
      onExit: (code) => {
        markReady();
        if (!stopped) options.onGone?.(source, code);
      },
    });
    monitors.push(child);
  };
  for (const source of lockSources(env)) monitor(source);
  // No session id in the environment: ask logind which session is the person's graphical one.
  const logind = env.XDG_SESSION_ID
    ? Promise.resolve()
    : (async () => {
        const result = await run('gdbus', USER_DISPLAY_CALL, { env }).catch(() => null);
        const path = result?.ok ? displaySessionPath(result.stdout) : null;
        if (path !== null && !stopped) monitor(logindSource(path));
      })();

  // Where it starts: the first screensaver that answers GetActive (unless a signal already said).
  const initial = (async () => {
    for (const source of SCREENSAVERS) {
      const iface = source.dest;
      const result = await run(
        'gdbus',
        ['call', '--session', '--dest', source.dest, '--object-path', source.path, '--method', `${iface}.GetActive`],
        { env },
      ).catch(() => null);
      const active = result?.ok ? tupleBoolean(result.stdout) : null;
      if (active !== null) {
        if (!heardSignal && state === 'unknown') state = active ? 'locked' : 'unlocked';
        return;
      }
    }
  })();

  return {
    on(event, listener) {
      const set = listeners.get(event);
      set?.add(listener);
      return () => void set?.delete(listener);
    },
    locked: () => (state === 'locked' ? 'yes' : state === 'unlocked' ? 'no' : 'unknown'),
    ready: async () => {
      await Promise.all([logind, initial]);
      await Promise.all(readiness);
    },
    stop() {
      stopped = true;
      for (const monitor of monitors) monitor.stop();
      for (const mark of readyMarks) mark();
    },
  };
};
