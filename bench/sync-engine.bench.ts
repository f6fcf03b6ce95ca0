import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { nodeFs } from '../src/main/fs/fs-port';
import { decodeSegment } from '../src/main/sync/segment-codec';
import { SyncEngine, type SyncIdentity } from '../src/main/sync/sync-engine';
import { linkSync, setUpSync } from '../src/main/sync/sync-link';
import { type Given, makeComputer, newVaultId, startEngine } from '../src/main/sync/testing/sync-computers';
import { createFakeKeychain } from '../src/main/vault/testing/fake-keychain';
import { createVaultService, type VaultService } from '../src/main/vault/vault-service';
import type { Entry, EntryInput } from '../src/shared/entry-schema';
import { type BenchRow, percentile, timeMs, timeMsAsync } from './bench-row';

/**
 * Sync figures for issue 18 (docs/sync-format.md §8), each beside a baseline
 * measured in the same run:
 * - merging 10k new records from another computer into a 10k history, against
 *   decrypting the same records alone (the segment codec, nothing else);
 * - publishing one check-in, against the local append alone;
 * - a pass that finds nothing new with 3 computers × 100 segments, against
 *   listing the same folders alone;
 * - linking a new computer to a 10k history, against unlocking 10k.
 * Real vaults, real files, the test keychain (safeStorage needs Electron).
 */
const keychain = createFakeKeychain();
const SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

const entry = (i: number, prefix: string): Entry => ({
  id: `${prefix}${String(i).padStart(21, '0')}`,
  at: Date.UTC(2025, 0, 1) + i * 3_600_000,
  offsetMinutes: 60,
  kind: 'check-in',
  data: {
    states: ['flight'],
    needs: ['rest', 'quiet'],
    capacity: 3,
    step: { id: 'drink-water', text: 'A glass of water' },
    note: 'Long day.',
  },
});
const input = (i: number): EntryInput => {
  const { id: _id, at: _at, offsetMinutes: _offset, ...rest } = entry(i, 'x');
  return rest as EntryInput;
};

interface Computer {
  vault: VaultService;
  engine: SyncEngine;
  identity: SyncIdentity;
  dir: string;
}

/** Computers sharing one folder and one data key; the first one's key is given to the others, as linking does. */
const computers = async (root: string, count: number): Promise<{ syncRoot: string; list: Computer[] }> => {
  const syncRoot = join(root, 'F', 'attune-sync');
  const vaultId = newVaultId();
  const list: Computer[] = [];
  let given: Given | undefined;
  for (let index = 0; index < count; index += 1) {
    const made = await makeComputer(join(root, `c${index}`), syncRoot, vaultId, given);
    given = made.given;
    const { vault, identity, vaultDir } = made.computer;
    list.push({ vault, identity, dir: vaultDir, engine: await startEngine(made.computer) });
  }
  return { syncRoot, list };
};

const median = (samples: number[]): number =>
  percentile(
    [...samples].sort((a, b) => a - b),
    50,
  );

const row = (name: string, value: number, unit: string, extra: Partial<BenchRow> = {}): BenchRow => ({
  group: 'sync',
  name,
  value,
  unit,
  ...extra,
});

const closeAll = async (list: Computer[]): Promise<void> => {
  for (const computer of list) {
    await computer.engine.idle();
    await computer.vault.close();
  }
};

/** B holds 10k entries as one checkpoint in the folder; A holds 10k of its own. A's pass merges B's. */
const mergeOnce = async (root: string): Promise<{ decodeOnly: number; merge: number }> => {
  const { syncRoot, list } = await computers(root, 2);
  const [a, b] = list as [Computer, Computer];
  // A publishes its own 10k first (its start's pass), so the timed pass is only the merge of B's.
  await a.vault.applySync({ deleteIds: [], putEntries: Array.from({ length: 10_000 }, (_, i) => entry(i, 'a')) });
  await a.engine.pass();
  // B's first pass publishes its 10k as one delta (merging A's); after a delete a checkpoint restating them replaces it.
  await b.vault.applySync({ deleteIds: [], putEntries: Array.from({ length: 10_000 }, (_, i) => entry(i, 'b')) });
  await b.engine.pass();
  await b.engine.delete(`b${String(9_999).padStart(21, '0')}`);
  await b.engine.pass();
  const folder = join(syncRoot, 'devices', b.identity.deviceId);
  const [segmentName] = (await readdir(folder)).filter((name) => name.startsWith('seg-'));
  const bytes = await readFile(join(folder, segmentName as string));
  const [, seq, hash] = /^seg-(\d{8})-([0-9a-f]{64})\.alog$/.exec(segmentName as string) as RegExpExecArray;
  const merge = await timeMsAsync(() => a.engine.pass());
  // The baseline after the pass: decoding 10k records five times before it left their garbage for the pass's collections.
  const decodeOnly = median(
    Array.from({ length: 5 }, () =>
      timeMs(() => {
        const decoded = decodeSegment(
          bytes,
          { vaultId: b.identity.vaultId, deviceId: b.identity.deviceId, seq: Number(seq), hash: hash as string },
          (id) => b.identity.keys.get(id),
        );
        if (!decoded.ok || decoded.segment.records.length < 9_999) throw new Error('the checkpoint did not decode');
      }),
    ),
  );
  const merged = (await a.vault.entries()).length;
  await closeAll(list);
  if (merged !== 19_999) throw new Error(`merge bench: A holds ${merged} entries, not 19 999`);
  return { decodeOnly, merge };
};

/** A merge happens once per pair of computers, so the row is the median of a few fresh pairs: one pass alone swings ±30 % here. */
const MERGE_PAIRS = 3;

const mergeRows = async (root: string): Promise<BenchRow[]> => {
  const runs: Array<{ decodeOnly: number; merge: number }> = [];
  for (let pair = 0; pair < MERGE_PAIRS; pair += 1) runs.push(await mergeOnce(join(root, `pair-${pair}`)));
  const decodeOnly = median(runs.map((run) => run.decodeOnly));
  const merge = median(runs.map((run) => run.merge));
  return [
    row('decrypt 10k peer records alone (baseline)', decodeOnly, 'ms'),
    row(`merge 10k peer records into a 10k history, median of ${MERGE_PAIRS} pairs`, merge, 'ms', {
      target: '≤ 150 ms',
      meets: merge <= 150,
      ratio: { value: merge / decodeOnly, against: 'decrypting them alone' },
    }),
    // The first pair runs the merge's code cold, as an app's first merge after linking does: shown, not hidden in the median.
    row('merge 10k into 10k, first pair alone (coldest code)', (runs[0] as { merge: number }).merge, 'ms'),
  ];
};

/**
 * Publishing one check-in (local append, then own/ and the folder) against the
 * local append alone, into a new history and into one of `history` entries
 * (the engine's merged set then holds them all: its cost per check-in shows).
 */
const publishRows = async (root: string, history = 0): Promise<BenchRow[]> => {
  const { list } = await computers(root, 1);
  const [a] = list as [Computer];
  if (history > 0) await a.vault.applySync({ deleteIds: [], putEntries: Array.from({ length: history }, (_, i) => entry(i, 'a')) });
  await a.engine.pass();
  const samples = 200;
  const local: number[] = [];
  const published: number[] = [];
  for (let i = 0; i < 20; i += 1) await a.engine.append(input(i));
  for (let i = 0; i < samples; i += 1) {
    local.push(await timeMsAsync(() => a.vault.append(input(i))));
    published.push(await timeMsAsync(() => a.engine.append(input(i))));
  }
  await closeAll(list);
  const [localMs, publishMs] = [median(local), median(published)];
  const into = history > 0 ? `, ${history / 1000}k history` : '';
  return [
    row(`local append alone (baseline)${into}, p50`, localMs, 'ms'),
    row(`append and publish one check-in${into}, p50`, publishMs, 'ms', {
      target: '≤ 2 ms beyond the local append',
      meets: publishMs - localMs <= 2,
      ratio: { value: publishMs / localMs, against: 'the local append' },
    }),
  ];
};

/** 3 computers × 100 segments each, all merged; then a pass that finds nothing new. */
const emptyPassRows = async (root: string): Promise<BenchRow[]> => {
  const { syncRoot, list } = await computers(root, 3);
  for (const computer of list) for (let i = 0; i < 100; i += 1) await computer.engine.append(input(i));
  for (let round = 0; round < 2; round += 1) for (const computer of list) await computer.engine.pass();
  const [a] = list as [Computer];
  const listOnly = median(
    await Promise.all(
      Array.from({ length: 1 }, async () => {
        const times: number[] = [];
        for (let i = 0; i < 30; i += 1)
          times.push(
            await timeMsAsync(async () => {
              for (const device of await readdir(join(syncRoot, 'devices'))) await readdir(join(syncRoot, 'devices', device));
            }),
          );
        return median(times);
      }),
    ),
  );
  const passes: number[] = [];
  for (let i = 0; i < 30; i += 1) passes.push(await timeMsAsync(() => a.engine.pass()));
  await closeAll(list);
  const passMs = median(passes);
  return [
    row('list 3 device folders × 100 segments alone (baseline)', listOnly, 'ms'),
    row('sync pass that finds nothing new, 3 × 100 segments', passMs, 'ms', {
      target: '≤ 5 ms',
      meets: passMs <= 5,
      ratio: { value: passMs / listOnly, against: 'listing alone' },
    }),
  ];
};

/**
 * A computer with no history links to a folder holding a 10k history: from the recovery key entered to every entry in
 * its vault (opening the folder's key, making the vault around it with the keychain — no scrypt — and the first pass).
 * Baseline: unlocking the first computer's own 10k vault with the keychain.
 */
const linkRows = async (root: string): Promise<BenchRow[]> => {
  const folder = join(root, 'F');
  await mkdir(folder, { recursive: true });
  const places = (name: string) => ({ fs: nodeFs, vaultDir: join(root, name, 'vault'), folder, machineId: 'bench', now: Date.now });
  const first = createVaultService({ dir: join(root, 'one', 'vault'), keychain, scrypt: SCRYPT });
  const made = await first.setup({ useKeychain: true, createRecoveryKey: true });
  await first.keepRecoveryKey(made.recoveryKey as string);
  await first.applySync({ deleteIds: [], putEntries: Array.from({ length: 10_000 }, (_, i) => entry(i, 'a')) });
  const setUp = await setUpSync(places('one'), first, 'Laptop');
  if (setUp.kind !== 'set-up') throw new Error(`link bench: ${setUp.kind}`);
  const engine = await SyncEngine.start({ vault: first, syncRoot: setUp.syncRoot, localDir: setUp.localDir, identity: setUp.identity });
  await engine.pass();
  await engine.idle();
  await first.close();
  const unlock = median(
    await (async () => {
      const times: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const vault = createVaultService({ dir: join(root, 'one', 'vault'), keychain });
        times.push(await timeMsAsync(() => vault.unlock({ method: 'keychain' })));
        await vault.close();
      }
      return times;
    })(),
  );
  const second = createVaultService({ dir: join(root, 'two', 'vault'), keychain, scrypt: SCRYPT });
  let held = 0;
  const link = await timeMsAsync(async () => {
    const linked = await linkSync(places('two'), second, {
      recoveryKey: made.recoveryKey as string,
      setup: { useKeychain: true, createRecoveryKey: false },
      deviceName: 'Desktop',
    });
    if (linked.kind !== 'linked') throw new Error(`link bench: ${linked.kind}`);
    const joined = await SyncEngine.start({
      vault: second,
      syncRoot: linked.syncRoot,
      localDir: linked.localDir,
      identity: linked.identity,
    });
    await joined.pass();
    await joined.idle();
    held = (await second.entries()).length;
  });
  await second.close();
  if (held !== 10_000) throw new Error(`link bench: the new computer holds ${held} entries, not 10 000`);
  return [
    row('unlock a 10k history with the keychain (baseline)', unlock, 'ms'),
    row('link a new computer to a 10k history, recovery key to every entry', link, 'ms', {
      target: '≤ 1 s',
      meets: link <= 1_000,
      ratio: { value: link / unlock, against: 'unlocking 10k' },
    }),
  ];
};

export default async function syncEngineBench(): Promise<BenchRow[]> {
  const root = await mkdtemp(join(tmpdir(), 'attune-bench-sync-'));
  try {
    return [
      ...(await mergeRows(join(root, 'merge'))),
      ...(await publishRows(join(root, 'publish'))),
      ...(await publishRows(join(root, 'publish-10k'), 10_000)),
      ...(await emptyPassRows(join(root, 'empty'))),
      ...(await linkRows(join(root, 'link'))),
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
