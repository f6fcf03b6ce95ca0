import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { EMPTY_SCAN_STATE, scanFolder, type ScanResult, type ScanState } from './folder-scan';
import type { ScanFs } from './scan-fs';
import { chainOf, countingFs, deviceDir, errnoError, keyFor, OWN_DEVICE, VAULT_ID, writeSegments } from './testing/scan-fixture';
import { DEVICE_A, DEVICE_B, DEVICE_C } from './testing/sync-records';

const tempDir = useTempDirs();
const syncRoot = (): string => {
  const root = join(tempDir('attune-folder-scan-'), 'attune-sync');
  mkdirSync(join(root, 'devices'), { recursive: true });
  return root;
};
const scan = (root: string, state: ScanState = EMPTY_SCAN_STATE, fs?: ScanFs, maxNames?: number): Promise<ScanResult> =>
  scanFolder(root, state, { vaultId: VAULT_ID, ownDeviceId: OWN_DEVICE, keyFor, ...(fs ? { fs } : {}), ...(maxNames ? { maxNames } : {}) });
const seqsOf = (result: ScanResult, deviceId: string): number[] =>
  result.accepted.filter((segment) => segment.deviceId === deviceId).map(({ segment }) => segment.header.seq);
const reportOf = (result: ScanResult, deviceId: string) => result.report.find((report) => report.deviceId === deviceId);

describe('scanFolder: the devices folder', () => {
  it('reads every other device folder named by an exact id, and nothing else', async () => {
    const root = syncRoot();
    writeSegments(root, DEVICE_A, chainOf(DEVICE_A, 2));
    writeSegments(root, DEVICE_B, chainOf(DEVICE_B, 1));
    writeSegments(root, OWN_DEVICE, chainOf(OWN_DEVICE, 1));
    // A duplicated folder holds real segments of A: its name is not a device id, so it is never listed as one.
    for (const copy of [`${DEVICE_A} (1)`, `${DEVICE_A}-2`, DEVICE_C.toUpperCase()]) writeSegments(root, copy, chainOf(DEVICE_A, 3));
    writeFileSync(join(root, 'devices', DEVICE_C), 'a file, not a folder');
    symlinkSync(deviceDir(root, DEVICE_A), join(root, 'devices', 'd'.repeat(32)));
    const fs = countingFs();

    const result = await scan(root, EMPTY_SCAN_STATE, fs);

    expect(seqsOf(result, DEVICE_A)).toEqual([1, 2]);
    expect(seqsOf(result, DEVICE_B)).toEqual([1]);
    expect(result.accepted).toHaveLength(3);
    expect(result.report.map((report) => report.deviceId)).toEqual([DEVICE_A, DEVICE_B]);
    expect(fs.calls.list.sort()).toEqual([join(root, 'devices'), deviceDir(root, DEVICE_A), deviceDir(root, DEVICE_B)].sort());
    expect(reportOf(result, DEVICE_A)).toMatchObject({
      folder: 'listed',
      waiting: [],
      backwards: false,
      pending: 0,
      held: 0,
      final: false,
    });
  });

  it('is empty, with the state as it was, when there is no devices folder', async () => {
    const root = join(tempDir('attune-folder-scan-'), 'attune-sync');
    const result = await scan(root);
    expect(result).toEqual({ state: EMPTY_SCAN_STATE, accepted: [], report: [] });
    expect(result.state).toBe(EMPTY_SCAN_STATE);
  });

  it('throws only when the devices folder is there and cannot be listed', async () => {
    const root = join(tempDir('attune-folder-scan-'), 'attune-sync');
    mkdirSync(root);
    writeFileSync(join(root, 'devices'), 'not a folder');
    await expect(scan(root)).rejects.toMatchObject({ code: 'ENOTDIR' });

    const denied = syncRoot();
    const fs = countingFs((call, path) => {
      if (call === 'list' && path === join(denied, 'devices')) throw errnoError('EACCES');
    });
    await expect(scan(denied, EMPTY_SCAN_STATE, fs)).rejects.toMatchObject({ code: 'EACCES' });
  });

  it('keeps a device whose folder cannot be listed as it was, and judges nothing about it', async () => {
    const root = syncRoot();
    writeSegments(root, DEVICE_A, chainOf(DEVICE_A, 2));
    const first = await scan(root);
    const fs = countingFs((call, path) => {
      if (call === 'list' && path === deviceDir(root, DEVICE_A)) throw errnoError('EACCES');
    });
    const second = await scan(root, first.state, fs);
    expect(second.accepted).toEqual([]);
    expect(second.state.devices.get(DEVICE_A)).toBe(first.state.devices.get(DEVICE_A));
    expect(reportOf(second, DEVICE_A)).toMatchObject({ folder: 'unavailable', backwards: false });
  });

  it('shows a remembered device whose folder went as gone backwards, and takes nothing back', async () => {
    const root = syncRoot();
    writeSegments(root, DEVICE_A, chainOf(DEVICE_A, 2));
    const first = await scan(root);
    rmSync(deviceDir(root, DEVICE_A), { recursive: true });
    const second = await scan(root, first.state);
    expect(reportOf(second, DEVICE_A)).toMatchObject({ folder: 'missing', backwards: true });
    expect(second.state.devices.get(DEVICE_A)?.mark).toBe(first.state.devices.get(DEVICE_A)?.mark);
  });

  it('looks at no more names of one listing than the cap; the rest wait', async () => {
    const root = syncRoot();
    writeSegments(root, DEVICE_A, chainOf(DEVICE_A, 5));
    const first = await scan(root, EMPTY_SCAN_STATE, undefined, 3);
    expect(first.accepted).toHaveLength(3);
    const second = await scan(root, first.state);
    expect(second.accepted).toHaveLength(2);
    expect(reportOf(second, DEVICE_A)?.waiting).toEqual([]);
  });
});

describe('scanFolder: a pass that finds nothing new (docs/sync-format.md §8)', () => {
  it('lists the folders and opens no file', async () => {
    const root = syncRoot();
    const paths = [DEVICE_A, DEVICE_B, DEVICE_C].flatMap((device) => writeSegments(root, device, chainOf(device, 20)));
    const first = await scan(root);
    expect(first.accepted).toHaveLength(60);

    // Were any accepted file read again, these bytes would no longer hash to its name and it would turn pending.
    for (const path of paths) writeFileSync(path, 'changed after it was accepted');
    const fs = countingFs();
    const second = await scan(root, first.state, fs);

    expect(fs.calls.read).toEqual([]);
    expect(fs.calls.stat).toEqual([]);
    expect(fs.calls.list).toHaveLength(4);
    expect(second.accepted).toEqual([]);
    expect(second.report).toEqual(first.report);
    for (const device of [DEVICE_A, DEVICE_B, DEVICE_C])
      expect(second.state.devices.get(device)?.mark).toBe(first.state.devices.get(device)?.mark);
  });
});
