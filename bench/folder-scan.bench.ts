import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EMPTY_SCAN_STATE, scanFolder } from '../src/main/sync/folder-scan';
import { chainOf, keyFor, OWN_DEVICE, VAULT_ID, writeSegments } from '../src/main/sync/testing/scan-fixture';
import { DEVICE_A, DEVICE_B, DEVICE_C } from '../src/main/sync/testing/sync-records';
import { type BenchRow, percentile, timeMsAsync } from './bench-row';

/**
 * The read side of a sync pass that finds nothing new (docs/sync-format.md
 * §8): 3 other devices × 100 accepted segments, each with a few names a sync
 * tool leaves beside them. Against the same run's listing of the same four
 * folders alone, which is all such a pass should cost. Samples alternate so
 * both see the same machine load.
 */
const DEVICES = [DEVICE_A, DEVICE_B, DEVICE_C];
const SEGMENTS = 100;
const SAMPLES = 300;
const WARMUP = 30;

const median = (samples: number[]): number =>
  percentile(
    [...samples].sort((a, b) => a - b),
    50,
  );

export default async function folderScanBench(): Promise<BenchRow[]> {
  const root = await mkdtemp(join(tmpdir(), 'attune-bench-scan-'));
  try {
    const syncRoot = join(root, 'attune-sync');
    for (const device of DEVICES) writeSegments(syncRoot, device, chainOf(device, SEGMENTS));
    const options = { vaultId: VAULT_ID, ownDeviceId: OWN_DEVICE, keyFor };
    const { state, accepted } = await scanFolder(syncRoot, EMPTY_SCAN_STATE, options);
    if (accepted.length !== DEVICES.length * SEGMENTS) throw new Error(`scan bench: ${accepted.length} segments accepted`);

    const devicesDir = join(syncRoot, 'devices');
    const listOnly = async (): Promise<void> => {
      for (const entry of await readdir(devicesDir, { withFileTypes: true }))
        await readdir(join(devicesDir, entry.name), { withFileTypes: true });
    };
    const pass = async (): Promise<void> => {
      const result = await scanFolder(syncRoot, state, options);
      if (result.accepted.length > 0) throw new Error('scan bench: an empty pass accepted something');
    };
    const lists: number[] = [];
    const passes: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i += 1) {
      const list = await timeMsAsync(listOnly);
      const empty = await timeMsAsync(pass);
      if (i >= WARMUP) {
        lists.push(list);
        passes.push(empty);
      }
    }
    const [listMs, passMs] = [median(lists), median(passes)];
    return [
      { group: 'baseline', name: 'readdir of devices/ and 3 device folders × 100 segments alone, p50', value: listMs, unit: 'ms' },
      {
        group: 'sync',
        name: 'empty pass, 3 devices × 100 segments (folder scan), p50',
        value: passMs,
        unit: 'ms',
        target: '≤ 5 ms',
        meets: passMs <= 5,
        ratio: { value: passMs / listMs, against: 'readdir of the same folders alone' },
      },
      {
        group: 'sync',
        name: 'empty pass, 3 devices × 100 segments (folder scan), p99',
        value: percentile(
          [...passes].sort((a, b) => a - b),
          99,
        ),
        unit: 'ms',
      },
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
