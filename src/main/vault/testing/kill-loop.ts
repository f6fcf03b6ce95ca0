import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createVaultService } from '../vault-service';
import { createFakeKeychain } from './fake-keychain';
import { failureKeeper } from './keep-failed';
import { FAST_SCRYPT } from './vault-fixtures';

/**
 * kill -9 fault injection, shared by the test suite (≥200 kills) and
 * `bench/stress.ts` (1000+). A child appends, deletes and compacts in a loop
 * and acknowledges each operation on stdout after it resolved; the parent
 * kills it with SIGKILL at a random moment, then opens the vault itself and
 * checks that every acknowledged entry is there and every acknowledged
 * delete is gone.
 *
 * Speed: starting Node + tsx costs ~100 ms, more than a whole iteration
 * should. So the next child is always started ahead and waits, fully loaded,
 * for "go" — start-up overlaps the current child's run and the parent's check.
 */
const here = dirname(fileURLToPath(import.meta.url));
const CHILD = join(here, 'append-child.ts');
const REPO_ROOT = resolve(here, '../../../..');

export interface KillLoopOptions {
  root: string;
  kills: number;
  rollAfterRecords?: number;
  /** Longest time a child runs after opening before it is killed. */
  maxWindowMs?: number;
  onProgress?: (done: number, result: KillLoopResult) => void;
}

export interface KillLoopResult {
  kills: number;
  killedBeforeOpen: number;
  /** Kills that landed between a delete's start and its acknowledgement (tombstone write or compaction). */
  killedMidDelete: number;
  appendsAcknowledged: number;
  deletesAcknowledged: number;
  tornTails: number;
  entriesAtEnd: number;
}

export interface Child {
  proc: ChildProcessWithoutNullStreams;
  lines: string[];
  stderr: string[];
  ready: Promise<void>;
  opened: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Bundle the child into one plain .mjs with esbuild (already here as tsx's
 * engine): Node starts it in ~50 ms of CPU instead of ~200 ms through the tsx
 * loader, which on two cores is the difference between a 20 s and a 60 s
 * test. Falls back to the tsx loader if esbuild cannot be loaded.
 */
export const prepareChild = async (outDir: string): Promise<string[]> => {
  try {
    const { build } = await import('esbuild');
    const outfile = join(outDir, 'append-child.mjs');
    await build({ entryPoints: [CHILD], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'silent' });
    return [outfile];
  } catch {
    return ['--import', 'tsx', CHILD];
  }
};

export const startChild = (command: string[], dir: string, rollAfter: number): Child => {
  const proc = spawn(process.execPath, [...command, dir, String(rollAfter)], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
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
  // 'close' (not 'exit') so every byte the child wrote to the pipe has been read.
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

/** Resolves once `count` of the child's lines match `line`, or it has exited. */
const acknowledged = async (child: Child, line: RegExp, count: number): Promise<void> => {
  let ended = false;
  void child.exited.then(() => (ended = true));
  while (!ended && child.lines.filter((each) => line.test(each)).length < count) await sleep(5);
};

export const runKillLoop = async (options: KillLoopOptions): Promise<KillLoopResult> => {
  const dir = join(options.root, 'vault');
  const rollAfter = options.rollAfterRecords ?? 64;
  const maxWindow = options.maxWindowMs ?? 40;
  const keychain = createFakeKeychain();
  const fresh = createVaultService({ dir, keychain, scrypt: FAST_SCRYPT });
  await fresh.setup({ useKeychain: true, createRecoveryKey: false });
  await fresh.close();

  const alive = new Set<string>();
  const deleted = new Set<string>();
  const result: KillLoopResult = {
    kills: 0,
    killedBeforeOpen: 0,
    killedMidDelete: 0,
    appendsAcknowledged: 0,
    deletesAcknowledged: 0,
    tornTails: 0,
    entriesAtEnd: 0,
  };
  const keeper = failureKeeper(options.root, dir);
  const command = await prepareChild(options.root);
  let standby = startChild(command, dir, rollAfter);
  try {
    for (let i = 0; i < options.kills; i += 1) {
      const child = standby;
      await child.ready;
      standby = startChild(command, dir, rollAfter);
      child.proc.stdin.write('go\n');
      // One kill in ten lands anywhere from start-up on: during the lock take-over, unlock, or a repair.
      if (Math.random() < 0.1) {
        await sleep(Math.random() * 20);
        result.killedBeforeOpen += 1;
      } else {
        await child.opened;
        // Paced by the child's own progress (0-6 acknowledged appends), then the random window: a loaded
        // machine then still kills after and during acknowledged work, not ever earlier (the window is
        // real time, and a starved child gets less done in it).
        await acknowledged(child, /^a /, Math.floor(Math.random() * 7));
        await sleep(Math.random() * maxWindow);
      }
      child.proc.kill('SIGKILL');
      const { signal } = await child.exited;
      if (signal !== 'SIGKILL') throw new Error(`child ended by itself before the kill:\n${child.stderr.join('')}`);
      result.kills += 1;

      const pending = new Set<string>();
      for (const line of child.lines) {
        const [op, id = ''] = line.split(' ');
        if (op === 'a') {
          alive.add(id);
          result.appendsAcknowledged += 1;
        } else if (op === 'x') pending.add(id);
        else if (op === 'd') {
          pending.delete(id);
          alive.delete(id);
          deleted.add(id);
          result.deletesAcknowledged += 1;
        }
      }

      if (pending.size > 0) result.killedMidDelete += 1;

      keeper.beforeCheck(i + 1, child.lines, child.stderr);
      const check = createVaultService({ dir, keychain, scrypt: FAST_SCRYPT, rollAfterRecords: rollAfter });
      try {
        const status = await check.unlock({ method: 'keychain' });
        const unexpected = status.problems.filter((found) => found.kind !== 'torn-tail');
        if (unexpected.length > 0) throw new Error(`kill ${i + 1}: unexpected problems ${JSON.stringify(unexpected)}`);
        result.tornTails += status.problems.length;
        const present = new Set((await check.list({ limit: Number.MAX_SAFE_INTEGER })).entries.map((entry) => entry.id));
        // A delete killed before its acknowledgement may or may not have happened; both are correct.
        for (const id of pending) if (!present.has(id)) alive.delete(id);
        const lost = [...alive].filter((id) => !present.has(id));
        if (lost.length > 0) throw new Error(`kill ${i + 1}: ${lost.length} acknowledged entries missing, e.g. ${lost[0]}`);
        const revived = [...deleted].filter((id) => present.has(id));
        if (revived.length > 0) throw new Error(`kill ${i + 1}: ${revived.length} acknowledged deletes came back, e.g. ${revived[0]}`);
        result.entriesAtEnd = present.size;
      } catch (error) {
        throw keeper.kept(error);
      } finally {
        await check.close();
      }
      options.onProgress?.(i + 1, result);
    }
  } finally {
    standby.proc.kill('SIGKILL');
    await standby.exited;
  }
  return result;
};
