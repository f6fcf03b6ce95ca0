import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { runSyncKillLoop } from '../src/main/sync/testing/sync-kill-loop';
import { emptyMoveKillResult, runSyncMoveKillLoop, type SyncMoveKillResult } from '../src/main/sync/testing/sync-move-kill-loop';
import { runScenario } from '../src/main/sync/testing/sync-scenario';
import { runCompactionKillLoop } from '../src/main/vault/testing/compaction-kill-loop';
import { runKillLoop } from '../src/main/vault/testing/kill-loop';
import { runRewrapKillLoop } from '../src/main/vault/testing/rewrap-kill-loop';
import { runUpgradeKillLoop } from '../src/main/vault/testing/upgrade-kill-loop';

/**
 * `npx tsx bench/stress.ts [--kills 1000] [--seeds 500] [--paths append,compaction,passphrase,upgrade,sync-kill,sync-move,sync] [--json]`
 *
 * The vault's kill -9 loops, longer than the test suite runs them. `--kills`
 * is the total, shared evenly by the chosen paths:
 * - append      appends with some deletes and compactions (kill-loop.ts)
 * - compaction  deletes (tombstone + roll) and compactions (compaction-kill-loop.ts)
 * - passphrase  passphrase changes, i.e. rewraps of vault.json (rewrap-kill-loop.ts)
 * - upgrade     the first unlock of a format-1 vault, which rolls it into format 2 (upgrade-kill-loop.ts)
 * - sync-kill   one of two computers sharing a sync folder, killed while merging, publishing and deleting (sync-kill-loop.ts)
 * - sync-move   a computer on another machine or restored from a backup, killed while it moves to a new device id
 *               and after (sync-move-kill-loop.ts)
 * - sync        `--seeds` seeded runs of 2–3 computers under the adversarial copier (sync-scenario.ts); not kills, and
 *               not counted in `--kills`. Seeds start at a random number, printed, so each run tries new ones;
 *               a failing seed is named and `SEED=n npx vitest run src/main/sync/sync-convergence.spec.ts` replays it.
 * Same children, same checks as the specs. Prints one summary table (progress
 * goes to stderr); exits non-zero if any path lost an acknowledged entry,
 * revived a delete, or opened with the wrong passphrase.
 */
const PATHS = ['append', 'compaction', 'passphrase', 'upgrade', 'sync-kill', 'sync-move', 'sync'] as const;
const V1_FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'main', 'vault', 'testing', 'v1-vault');
type PathName = (typeof PATHS)[number];

interface Row {
  path: PathName;
  kills: number;
  /** Kills that landed inside the path's own operation, and what that is. */
  midOp: number;
  midOpWhat: string;
  acknowledged: string;
  tornTails: number;
  entriesAtEnd: number;
  seconds: number;
  failure?: string;
}

const usage = (): never => {
  console.error(
    'usage: tsx bench/stress.ts [--kills N] [--seeds N] [--paths append,compaction,passphrase,upgrade,sync-kill,sync-move,sync] [--json]',
  );
  process.exit(2);
};

const flags = new Map<string, string>();
let json = false;
for (let i = 2; i < process.argv.length; i += 1) {
  const arg = process.argv[i];
  if (arg === '--json') json = true;
  else if (arg === '--kills' || arg === '--paths' || arg === '--seeds') flags.set(arg, process.argv[(i += 1)] ?? usage());
  else usage();
}
const kills = Number(flags.get('--kills') ?? 1000);
const seeds = Number(flags.get('--seeds') ?? 500);
const paths = (flags.get('--paths') ?? PATHS.join(',')).split(',') as PathName[];
const killPaths = paths.filter((path) => path !== 'sync');
if (!Number.isInteger(kills) || !Number.isInteger(seeds) || kills < killPaths.length || paths.some((path) => !PATHS.includes(path)))
  usage();

const share = (path: PathName): number => {
  if (path === 'sync') return seeds;
  const index = killPaths.indexOf(path);
  return Math.floor(kills / killPaths.length) + (index < kills % killPaths.length ? 1 : 0);
};
const progress =
  (path: PathName, total: number) =>
  (done: number): void => {
    if (done % 100 === 0 || done === total) console.error(`${path}: ${done}/${total} kills`);
  };

const runPath = async (path: PathName, count: number): Promise<Row> => {
  const root = await mkdtemp(join(tmpdir(), `attune-stress-${path}-`));
  const started = Date.now();
  const seconds = (): number => Math.round((Date.now() - started) / 100) / 10;
  const row: Row = { path, kills: 0, midOp: 0, midOpWhat: '', acknowledged: '', tornTails: 0, entriesAtEnd: 0, seconds: 0 };
  try {
    if (path === 'append') {
      const r = await runKillLoop({ root, kills: count, onProgress: progress(path, count) });
      Object.assign(row, {
        kills: r.kills,
        midOp: r.killedMidDelete,
        midOpWhat: 'delete',
        acknowledged: `${r.appendsAcknowledged} appends, ${r.deletesAcknowledged} deletes`,
        tornTails: r.tornTails,
        entriesAtEnd: r.entriesAtEnd,
      });
    } else if (path === 'compaction') {
      const r = await runCompactionKillLoop({ root, kills: count, onProgress: progress(path, count) });
      if (r.strayTempFilesMax > 0) throw new Error(`${r.strayTempFilesMax} temp files of killed rolls survived a reopen`);
      Object.assign(row, {
        kills: r.kills,
        midOp: r.killedMidDelete + r.killedMidCompaction,
        midOpWhat: `delete/compact (${r.midDeleteLanded} of ${r.killedMidDelete} deletes landed)`,
        acknowledged: `${r.deletesAcknowledged} deletes, ${r.compactionsAcknowledged} compactions, ${r.appendsAcknowledged} appends`,
        tornTails: r.tornTails,
        entriesAtEnd: r.entriesAtEnd,
      });
    } else if (path === 'upgrade') {
      const r = await runUpgradeKillLoop({ root, fixture: V1_FIXTURE, kills: count, onProgress: progress(path, count) });
      if (r.strayTempFilesMax > 0) throw new Error(`${r.strayTempFilesMax} temp files of killed upgrades survived a reopen`);
      const left = (state: string): number => r.states[state] ?? 0;
      Object.assign(row, {
        kills: r.kills,
        midOp: left('ATSNAP02, journal A1'),
        midOpWhat: `between snapshot and journal cut (${left('ATSNAP01, journal A1')} before, ${left('ATSNAP02, journal empty')} after)`,
        acknowledged: '—',
        entriesAtEnd: r.entriesAtEnd,
      });
    } else if (path === 'sync-kill') {
      const r = await runSyncKillLoop({ root, kills: count, onProgress: progress(path, count) });
      Object.assign(row, {
        kills: r.kills,
        midOp: r.duringMerge,
        midOpWhat: 'merge',
        acknowledged: `${r.acknowledgedPuts} check-ins, ${r.acknowledgedDeletes} deletes`,
        tornTails: r.tornTails,
        entriesAtEnd: r.entriesAtEnd,
      });
    } else if (path === 'sync-move') {
      // Each kill leaves one more device id in the folder: a fresh pair of computers every 25 kills keeps each
      // round as a person's few computers would see it, instead of ever more folders to list.
      const r = emptyMoveKillResult();
      for (let world = 0; r.kills < count; world += 1) {
        const done = r.kills;
        const part = await runSyncMoveKillLoop({
          root: join(root, `world-${world}`),
          kills: Math.min(25, count - done),
          onProgress: (n) => progress(path, count)(done + n),
        });
        for (const key of Object.keys(r) as (keyof SyncMoveKillResult)[]) r[key] += part[key];
      }
      Object.assign(row, {
        kills: r.kills,
        midOp: r.beforeLinked + r.whileStarting,
        midOpWhat: `move (${r.anotherMachine} on another machine, ${r.restoredBackup} restored backups; ${r.idsTaken} ids)`,
        acknowledged: `${r.acknowledgedPuts} check-ins, ${r.acknowledgedDeletes} deletes`,
        entriesAtEnd: r.entriesAtEnd,
      });
    } else if (path === 'sync') {
      const first = 1 + Math.floor(Math.random() * 1_000_000);
      console.error(`sync: seeds ${first}–${first + count - 1}`);
      let acknowledged = 0;
      let deleted = 0;
      let mistreated = 0;
      let entries = 0;
      for (let seed = first; seed < first + count; seed += 1) {
        const r = await runScenario({ root: join(root, String(seed)), seed, steps: 80 });
        acknowledged += r.acknowledged;
        deleted += r.deleted;
        entries += r.entriesAtEnd;
        mistreated +=
          r.copier.truncated + r.copier.zeroByte + r.copier.conflict + r.copier.reverted + r.copier.resurrected + r.copier.duplicated;
        await rm(join(root, String(seed)), { recursive: true, force: true });
        if ((seed - first + 1) % 50 === 0) console.error(`sync: ${seed - first + 1}/${count} seeds`);
      }
      Object.assign(row, {
        kills: 0,
        midOp: mistreated,
        midOpWhat: `files mistreated by the copier over ${count} seeds (${first}–${first + count - 1})`,
        acknowledged: `${acknowledged} entries, ${deleted} deletes`,
        entriesAtEnd: entries,
      });
    } else {
      const r = await runRewrapKillLoop({ root, kills: count, onProgress: progress(path, count) });
      if (r.strayTempFilesMax > 0) throw new Error(`${r.strayTempFilesMax} temp files of killed rewraps survived a reopen`);
      Object.assign(row, {
        kills: r.kills,
        midOp: r.killedMidChange,
        midOpWhat: `change (new opened ${r.midChangeLanded}, old ${r.killedMidChange - r.midChangeLanded})`,
        acknowledged: `${r.changesAcknowledged} changes, ${r.appendsAcknowledged} appends`,
        tornTails: r.tornTails,
        entriesAtEnd: r.entriesAtEnd,
      });
    }
  } catch (error) {
    row.failure = error instanceof Error ? error.message : String(error);
  } finally {
    row.seconds = seconds();
    await rm(root, { recursive: true, force: true });
  }
  return row;
};

const rows: Row[] = [];
for (const path of paths) rows.push(await runPath(path, share(path)));

if (json) console.log(JSON.stringify(rows, null, 2));
else {
  const table = [
    ['path', 'kills', 'mid-operation kills', 'acknowledged', 'torn tails', 'entries at end', 's', 'result'],
    ...rows.map((row) => [
      row.path,
      String(row.kills),
      `${row.midOp} ${row.midOpWhat}`,
      row.acknowledged,
      String(row.tornTails),
      String(row.entriesAtEnd),
      row.seconds.toFixed(1),
      row.failure ? `FAIL: ${row.failure}` : 'ok',
    ]),
    [
      'total',
      String(rows.reduce((sum, row) => sum + row.kills, 0)),
      '',
      '',
      '',
      '',
      rows.reduce((sum, row) => sum + row.seconds, 0).toFixed(1),
      rows.every((row) => !row.failure) ? 'ok' : 'FAIL',
    ],
  ];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((cells) => cells[column]!.length)));
  for (const cells of table)
    console.log(
      cells
        .map((cell, column) =>
          column === 1 || column === 4 || column === 5 || column === 6 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
        )
        .join('  ')
        .trimEnd(),
    );
  console.log(
    'after every kill: each acknowledged entry readable, no acknowledged delete back, the vault opens with exactly one passphrase (the acknowledged one when there is one)',
  );
}
if (rows.some((row) => row.failure)) process.exitCode = 1;
