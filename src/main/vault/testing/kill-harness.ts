import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ATOMIC_TEMP_NAME } from '../../fs/durable-write';
import type { Credential } from '../credential';
import type { VaultService } from '../vault-service';

/**
 * The machinery under every kill -9 loop: bundle a child script, keep the
 * next child started and waiting, send "go", kill it with SIGKILL at a random
 * moment, hand the round to the caller's check, and the checks every loop
 * makes the same way. Each child script (see kill-child.ts) speaks the same
 * small protocol on stdout: "ready" once loaded, "open" once the vault is
 * unlocked, then one line per acknowledged step (written only after the step
 * resolved).
 */
const here = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(here, '../../../..');

export interface KilledChild {
  proc: ChildProcessWithoutNullStreams;
  /** Every stdout line except "ready" and "open", in order. */
  lines: string[];
  stderr: string[];
  ready: Promise<void>;
  opened: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * One plain .mjs per child script, bundled with esbuild (tsx's engine, already
 * installed): Node starts it in ~50 ms of CPU instead of ~200 ms through the
 * tsx loader. Falls back to the tsx loader if esbuild cannot be loaded.
 */
export const bundleChild = async (scriptName: string, outDir: string): Promise<string[]> => {
  const entry = join(here, scriptName);
  try {
    const { build } = await import('esbuild');
    const outfile = join(outDir, `${basename(scriptName, '.ts')}.mjs`);
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'silent' });
    return [outfile];
  } catch {
    return ['--import', 'tsx', entry];
  }
};

export const spawnChild = (command: readonly string[], args: readonly string[]): KilledChild => {
  const proc = spawn(process.execPath, [...command, ...args], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const stderr: string[] = [];
  let partial = '';
  let onReady: () => void = () => undefined;
  let onOpen: () => void = () => undefined;
  const ready = new Promise<void>((done) => (onReady = done));
  const opened = new Promise<void>((done) => (onOpen = done));
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      if (line === 'ready') onReady();
      else if (line === 'open') onOpen();
      else lines.push(line);
    }
  });
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (chunk: string) => stderr.push(chunk));
  // A killed child's stdin pipe may fail its last write; that is expected here.
  proc.stdin.on('error', () => undefined);
  // 'close' (not 'exit'): every byte the child wrote to the pipe has been read by then.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    proc.on('close', (code, signal) => done({ code, signal })),
  );
  void exited.then(() => {
    onReady();
    onOpen();
  });
  return { proc, lines, stderr, ready, opened, exited };
};

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Kills the child and waits until its output is read; a child that had already ended by itself fails the round. */
export const killChild = async (child: KilledChild, round: number): Promise<void> => {
  child.proc.kill('SIGKILL');
  const { signal } = await child.exited;
  if (signal !== 'SIGKILL') throw new Error(`child ended by itself before the kill (round ${round}):\n${child.stderr.join('')}`);
};

/**
 * Unlocks after a kill as the next start would: a torn tail (a kill mid-write) is the only problem a kill may
 * leave, never damage. Answers how many torn tails were reported and the ids the vault holds.
 */
export const reopenAfterKill = async (
  vault: VaultService,
  credential: Credential,
  round: string,
): Promise<{ tornTails: number; present: Set<string> }> => {
  const status = await vault.unlock(credential);
  const unexpected = status.problems.filter((found) => found.kind !== 'torn-tail');
  if (unexpected.length > 0) throw new Error(`${round}: unexpected problems ${JSON.stringify(unexpected)}`);
  const present = new Set((await vault.list({ limit: Number.MAX_SAFE_INTEGER })).entries.map((entry) => entry.id));
  return { tornTails: status.problems.length, present };
};

/** Every acknowledged entry is present and no acknowledged delete came back. */
export const checkAcknowledged = (
  round: string,
  present: ReadonlySet<string>,
  alive: Iterable<string>,
  deleted: Iterable<string> = [],
): void => {
  const lost = [...alive].filter((id) => !present.has(id));
  if (lost.length > 0) throw new Error(`${round}: ${lost.length} acknowledged entries missing, e.g. ${lost[0]}`);
  const revived = [...deleted].filter((id) => present.has(id));
  if (revived.length > 0) throw new Error(`${round}: ${revived.length} acknowledged deletes came back, e.g. ${revived[0]}`);
};

/** Temp files of durable writes (`.*.tmp`) in the folder, and any other names `also` matches. */
export const strayFiles = async (dir: string, also?: RegExp): Promise<number> =>
  (await readdir(dir)).filter((name) => ATOMIC_TEMP_NAME.test(name) || (also?.test(name) ?? false)).length;

/** Until `count` of the child's lines match (or it has ended by itself). */
const progressed = async (child: KilledChild, line: RegExp, count: number): Promise<void> => {
  let ended = false;
  void child.exited.then(() => (ended = true));
  while (!ended && child.lines.filter((each) => line.test(each)).length < count) await sleep(5);
};

export interface KillRound {
  /** 0-based. */
  index: number;
  child: KilledChild;
  /** The kill came before the child reported "open" (during lock take-over, unlock or a repair). */
  beforeOpen: boolean;
}

export interface KillHarnessOptions {
  command: readonly string[];
  args: readonly string[];
  kills: number;
  /** The line that starts a waiting child; asked for at the moment it is sent, after the previous round's check. */
  goLine?: () => string;
  /** Longest time a child runs after "open" before it is killed. */
  maxWindowMs: number;
  /** Share of kills aimed anywhere from start-up on instead of after "open". */
  beforeOpenShare?: number;
  /**
   * Paces kills by the child's progress instead of by the clock alone: wait until this many lines
   * match `pace.line` (asked anew each round), then the random window. A loaded machine then still
   * sees kills after, and during, acknowledged work, instead of ever earlier ones.
   */
  pace?: { line: RegExp; count: () => number };
  /** Runs after each kill, with the child gone and its output read; throw to stop the loop. */
  afterKill: (round: KillRound) => Promise<void>;
}

/** Runs `kills` rounds; resolves with how many kills landed before "open". */
export const runKills = async (options: KillHarnessOptions): Promise<{ beforeOpen: number }> => {
  const beforeOpenShare = options.beforeOpenShare ?? 0.1;
  let beforeOpenKills = 0;
  let standby = spawnChild(options.command, options.args);
  try {
    for (let index = 0; index < options.kills; index += 1) {
      const child = standby;
      await child.ready;
      standby = spawnChild(options.command, options.args);
      child.proc.stdin.write(`${options.goLine?.() ?? 'go'}\n`);
      const beforeOpen = Math.random() < beforeOpenShare;
      if (beforeOpen) {
        await sleep(Math.random() * 20);
        beforeOpenKills += 1;
      } else {
        await child.opened;
        if (options.pace) await progressed(child, options.pace.line, options.pace.count());
        await sleep(Math.random() * options.maxWindowMs);
      }
      await killChild(child, index + 1);
      await options.afterKill({ index, child, beforeOpen });
    }
  } finally {
    standby.proc.kill('SIGKILL');
    await standby.exited;
  }
  return { beforeOpen: beforeOpenKills };
};
