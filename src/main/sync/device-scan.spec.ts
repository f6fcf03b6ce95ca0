import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, renameSync, rmSync, symlinkSync, truncateSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { SEGMENT_MAX_BYTES } from './device-scan';
import { EMPTY_SCAN_STATE, scanFolder, type ScanResult, type ScanState } from './folder-scan';
import type { ScanFs } from './scan-fs';
import { sha256 } from './segment-codec';
import { segmentFileName } from './sync-file-names';
import {
  chainOf,
  countingFs,
  deviceDir,
  errnoError,
  key,
  KEY_ID,
  keyFor,
  OTHER_KEY_ID,
  otherKey,
  OWN_DEVICE,
  segmentAfter,
  VAULT_ID,
  writeSegments,
} from './testing/scan-fixture';
import { DEVICE_A, DEVICE_B } from './testing/sync-records';

/** One other device's folder, judged name by name (docs/sync-format.md §3.2, §5.5, §7), through scanFolder on real files. */
const tempDir = useTempDirs();
const syncRoot = (): string => {
  const root = join(tempDir('attune-device-scan-'), 'attune-sync');
  mkdirSync(join(root, 'devices'), { recursive: true });
  return root;
};
const scan = (root: string, state: ScanState = EMPTY_SCAN_STATE, fs?: ScanFs, keys = keyFor): Promise<ScanResult> =>
  scanFolder(root, state, { vaultId: VAULT_ID, ownDeviceId: OWN_DEVICE, keyFor: keys, ...(fs ? { fs } : {}) });
const seqs = (result: ScanResult): number[] => result.accepted.map(({ segment }) => segment.header.seq);
const reportA = (result: ScanResult) => result.report.find((report) => report.deviceId === DEVICE_A);
const stateA = (result: ScanResult) => result.state.devices.get(DEVICE_A);
const readNames = (fs: ReturnType<typeof countingFs>): string[] => fs.calls.read.map((path) => path.slice(path.lastIndexOf('/') + 1));
const pathA = (root: string, name: string): string => join(deviceDir(root, DEVICE_A), name);
/** Moves a file's times, as a sync tool that rewrites it does. */
const touch = (path: string, seconds: number): void => utimesSync(path, seconds, seconds);

describe('scanDevice: names beside segments (§3.2)', () => {
  it('reads exact names only; counts temp files and placeholders of what has not arrived as pending', async () => {
    const root = syncRoot();
    const chain = chainOf(DEVICE_A, 4);
    const [one, two, three, four] = chain as [(typeof chain)[0], (typeof chain)[0], (typeof chain)[0], (typeof chain)[0]];
    writeSegments(root, DEVICE_A, [one, two]);
    const stem = three.name.slice(0, -'.alog'.length);
    const beside = {
      [`${stem}.sync-conflict-20261204-094500-ABCDEFG.alog`]: three.bytes,
      [`${stem} (Sam's conflicted copy 2026-12-04).alog`]: three.bytes,
      [`${stem} (1).alog`]: three.bytes,
      [`${stem}-LAPTOP.alog`]: three.bytes,
      [`.${three.name}.0123456789ab.tmp`]: three.bytes.subarray(0, 50),
      [`.syncthing.${three.name}.tmp`]: three.bytes.subarray(0, 50),
      [`.${four.name}.icloud`]: Buffer.from('placeholder'),
      'device.json': Buffer.from('{}'),
      'notes.txt': Buffer.from('hello'),
    };
    for (const [name, bytes] of Object.entries(beside)) writeFileSync(pathA(root, name), bytes);
    const fs = countingFs();

    const first = await scan(root, EMPTY_SCAN_STATE, fs);

    expect(readNames(fs).sort()).toEqual([one.name, two.name].sort());
    expect(seqs(first)).toEqual([1, 2]);
    expect(reportA(first)).toMatchObject({ pending: 2, unreadable: 0, notOurs: 0, held: 0, waiting: [] });

    writeSegments(root, DEVICE_A, [three]);
    const second = await scan(root, first.state);
    expect(seqs(second)).toEqual([3]);
    // The Syncthing temp file of 3 is stale now; only 4's placeholder is still on its way.
    expect(reportA(second)?.pending).toBe(1);
  });
});

describe('scanDevice: a file under an exact name whose bytes are not the named file yet', () => {
  it('keeps a zero-byte file pending without opening it, and takes it once its bytes arrive', async () => {
    const root = syncRoot();
    const [one] = chainOf(DEVICE_A, 1) as [ReturnType<typeof chainOf>[0]];
    mkdirSync(deviceDir(root, DEVICE_A), { recursive: true });
    writeFileSync(pathA(root, one.name), '');
    const fs = countingFs();
    const first = await scan(root, EMPTY_SCAN_STATE, fs);
    expect(fs.calls.read).toEqual([]);
    expect(reportA(first)?.pending).toBe(1);
    expect(stateA(first)?.pending.has(one.name)).toBe(true);

    fs.reset();
    const second = await scan(root, first.state, fs);
    expect(fs.calls.stat).toEqual([pathA(root, one.name)]);
    expect(fs.calls.read).toEqual([]);

    writeFileSync(pathA(root, one.name), one.bytes);
    const third = await scan(root, second.state);
    expect(seqs(third)).toEqual([1]);
    expect(reportA(third)?.pending).toBe(0);
    expect(stateA(third)?.pending.size).toBe(0);
  });

  it('reads a cut-short file again only when its size or time changes', async () => {
    const root = syncRoot();
    const [one, two] = chainOf(DEVICE_A, 2) as [ReturnType<typeof chainOf>[0], ReturnType<typeof chainOf>[0]];
    writeSegments(root, DEVICE_A, [one]);
    const path = pathA(root, two.name);
    writeFileSync(path, two.bytes.subarray(0, 600));
    touch(path, 1_800_000_000);
    const fs = countingFs();

    const first = await scan(root, EMPTY_SCAN_STATE, fs);
    expect(seqs(first)).toEqual([1]);
    expect(readNames(fs)).toContain(two.name);
    expect(reportA(first)?.pending).toBe(1);

    fs.reset();
    const unchanged = await scan(root, first.state, fs);
    expect(fs.calls.read).toEqual([]);
    expect(reportA(unchanged)?.pending).toBe(1);

    touch(path, 1_800_000_100); // same size, new time: read again, still cut short
    fs.reset();
    const touched = await scan(root, unchanged.state, fs);
    expect(readNames(fs)).toEqual([two.name]);
    expect(reportA(touched)?.pending).toBe(1);

    writeFileSync(path, two.bytes);
    const complete = await scan(root, touched.state);
    expect(seqs(complete)).toEqual([2]);
    expect(reportA(complete)?.pending).toBe(0);
  });

  it('reads a pending file again when it is replaced whole, even with the same size and time', async () => {
    const root = syncRoot();
    const [one] = chainOf(DEVICE_A, 1) as [ReturnType<typeof chainOf>[0]];
    mkdirSync(deviceDir(root, DEVICE_A), { recursive: true });
    const path = pathA(root, one.name);
    writeFileSync(path, Buffer.alloc(one.bytes.length, 7));
    touch(path, 1_800_000_000);
    const first = await scan(root);
    expect(reportA(first)?.pending).toBe(1);

    // As a sync tool delivers: a temp file with the final bytes and the original's time, renamed over the name.
    const temp = pathA(root, `.syncthing.${one.name}.tmp`);
    writeFileSync(temp, one.bytes);
    touch(temp, 1_800_000_000);
    renameSync(temp, path);
    const second = await scan(root, first.state);
    expect(seqs(second)).toEqual([1]);
  });

  it('takes a link, a FIFO or a folder under an exact name for pending, and never opens one', async () => {
    const root = syncRoot();
    const [one, two, three] = chainOf(DEVICE_A, 3) as Array<ReturnType<typeof chainOf>[0]>;
    writeSegments(root, DEVICE_A, [one!]);
    // The link points at the real bytes, outside the folder: following it would authenticate.
    const outside = join(tempDir('attune-outside-'), 'two.alog');
    writeFileSync(outside, two!.bytes);
    symlinkSync(outside, pathA(root, two!.name));
    mkdirSync(pathA(root, three!.name));
    const fifo = segmentFileName(4, 'f'.repeat(64));
    if (process.platform !== 'win32') execFileSync('mkfifo', [pathA(root, fifo)]);
    const fs = countingFs();

    const result = await scan(root, EMPTY_SCAN_STATE, fs);

    expect(readNames(fs)).toEqual([one!.name]);
    expect(seqs(result)).toEqual([1]);
    expect(reportA(result)?.pending).toBe(process.platform === 'win32' ? 2 : 3);
  });

  it('treats a file over the segment cap as pending without reading it', async () => {
    const root = syncRoot();
    const name = segmentFileName(1, 'a'.repeat(64));
    mkdirSync(deviceDir(root, DEVICE_A), { recursive: true });
    writeFileSync(pathA(root, name), '');
    truncateSync(pathA(root, name), SEGMENT_MAX_BYTES + 1); // sparse: no disk used
    const fs = countingFs();
    const result = await scan(root, EMPTY_SCAN_STATE, fs);
    expect(fs.calls.read).toEqual([]);
    expect(reportA(result)?.pending).toBe(1);
  });

  it('shrugs off a file that vanishes between the listing and the read, or that cannot be opened', async () => {
    const root = syncRoot();
    const [one, two, three] = chainOf(DEVICE_A, 3) as Array<ReturnType<typeof chainOf>[0]>;
    const [, twoPath, threePath] = writeSegments(root, DEVICE_A, [one!, two!, three!]) as string[];
    let denied = true;
    const fs = countingFs((call, path) => {
      if (call === 'read' && path === twoPath) unlinkSync(path);
      if (call === 'read' && path === threePath && denied) throw errnoError('EACCES');
    });

    const first = await scan(root, EMPTY_SCAN_STATE, fs);
    expect(seqs(first)).toEqual([1]);
    // Gone is not pending; a file that cannot be opened is, until it changes.
    expect(reportA(first)).toMatchObject({ pending: 1, waiting: [] });
    expect([...(stateA(first)?.pending.keys() ?? [])]).toEqual([three!.name]);

    fs.reset();
    const second = await scan(root, first.state, fs);
    expect(fs.calls.read).toEqual([]);

    denied = false;
    touch(threePath!, 1_800_000_000); // the file changed (a permission put right moves its ctime, too)
    const third = await scan(root, second.state, fs);
    expect(seqs(third)).toEqual([3]);
    expect(reportA(third)).toMatchObject({ pending: 0, waiting: [{ from: 2, to: 2 }] });
  });
});

describe('scanDevice: files that hash to their name but are not this device’s to merge', () => {
  it('ignores a segment copied into another device’s folder, and never reads it again', async () => {
    const root = syncRoot();
    const [one] = chainOf(DEVICE_B, 1) as [ReturnType<typeof chainOf>[0]];
    writeSegments(root, DEVICE_B, [one]);
    writeSegments(root, DEVICE_A, [one]);
    const fs = countingFs();
    const first = await scan(root, EMPTY_SCAN_STATE, fs);
    expect(first.accepted.map(({ deviceId }) => deviceId)).toEqual([DEVICE_B]);
    expect(reportA(first)).toMatchObject({ notOurs: 1, pending: 0, unreadable: 0 });
    fs.reset();
    await scan(root, first.state, fs);
    expect(fs.calls.read).toEqual([]);
  });

  it('remembers a damaged file as unreadable by its name, and never reads it again', async () => {
    const root = syncRoot();
    const [one] = chainOf(DEVICE_A, 1) as [ReturnType<typeof chainOf>[0]];
    const damaged = Buffer.from(one.bytes);
    damaged[damaged.length - 1]! ^= 1; // the tag of the only frame
    const name = segmentFileName(1, sha256(damaged).toString('hex'));
    mkdirSync(deviceDir(root, DEVICE_A), { recursive: true });
    writeFileSync(pathA(root, name), damaged);
    const fs = countingFs();
    const first = await scan(root, EMPTY_SCAN_STATE, fs);
    expect(first.accepted).toEqual([]);
    expect(reportA(first)).toMatchObject({ unreadable: 1, pending: 0 });
    fs.reset();
    await scan(root, first.state, fs);
    expect(fs.calls.read).toEqual([]);
  });

  it('waits for a key it does not hold without reading again, and takes the segment once the key is known', async () => {
    const root = syncRoot();
    writeSegments(root, DEVICE_A, [segmentAfter(DEVICE_A, undefined, 1, { keyId: OTHER_KEY_ID })]);
    const fs = countingFs();
    const first = await scan(root, EMPTY_SCAN_STATE, fs);
    expect(first.accepted).toEqual([]);
    expect(reportA(first)?.needsKey).toEqual([OTHER_KEY_ID]);
    fs.reset();
    const second = await scan(root, first.state, fs);
    expect(fs.calls.read).toEqual([]);
    expect(reportA(second)?.needsKey).toEqual([OTHER_KEY_ID]);

    const both = (keyId: string) => (keyId === KEY_ID ? key : keyId === OTHER_KEY_ID ? otherKey : undefined);
    const third = await scan(root, second.state, undefined, both);
    expect(seqs(third)).toEqual([1]);
    expect(reportA(third)?.needsKey).toEqual([]);
  });
});

describe('scanDevice: the chain (§7)', () => {
  it('holds a forged fork — the same seq, other authenticated content — and merges nothing of it', async () => {
    const root = syncRoot();
    const [one, two] = chainOf(DEVICE_A, 2) as Array<ReturnType<typeof chainOf>[0]>;
    writeSegments(root, DEVICE_A, [one!, two!]);
    const first = await scan(root);
    const otherTwo = segmentAfter(DEVICE_A, one, 2, { variant: 'fork' });
    const otherThree = segmentAfter(DEVICE_A, otherTwo, 3, { variant: 'fork' });
    writeSegments(root, DEVICE_A, [otherTwo, otherThree]);
    const fs = countingFs();

    const second = await scan(root, first.state, fs);

    expect(second.accepted).toEqual([]);
    expect(reportA(second)?.held).toBe(2);
    // Held with their records, for "Add them anyway".
    expect(stateA(second)?.held.get(otherTwo.name)).toMatchObject({ seq: 2, hash: otherTwo.hash, reason: 'other-hash', with: 2 });
    expect(stateA(second)?.held.get(otherThree.name)).toMatchObject({ seq: 3, hash: otherThree.hash, reason: 'chain', with: 2 });
    expect(stateA(second)?.held.get(otherTwo.name)?.records.length).toBeGreaterThan(0);
    expect(stateA(second)?.mark).toBe(stateA(first)?.mark);
    fs.reset();
    await scan(root, second.state, fs);
    expect(fs.calls.read).toEqual([]);
  });

  it('releases a held branch once the first branch past the fork point has left the folder', async () => {
    const root = syncRoot();
    const [one, two] = chainOf(DEVICE_A, 2) as Array<ReturnType<typeof chainOf>[0]>;
    const [, twoPath] = writeSegments(root, DEVICE_A, [one!, two!]);
    const first = await scan(root);
    const otherTwo = segmentAfter(DEVICE_A, one, 2, { variant: 'fork' });
    writeSegments(root, DEVICE_A, [otherTwo]);
    const held = await scan(root, first.state);
    expect(reportA(held)?.held).toBe(1);

    // The install that moved to a new id took its files with it (§4.3).
    rmSync(twoPath!);
    const released = await scan(root, held.state);
    expect(released.accepted.map(({ name }) => name)).toEqual([otherTwo.name]);
    expect(reportA(released)).toMatchObject({ held: 0, backwards: false, waiting: [] });
  });

  it('takes what is above a gap at once, waits for the gap, and checks the fill against both sides', async () => {
    const root = syncRoot();
    const [one, two, three] = chainOf(DEVICE_A, 3) as Array<ReturnType<typeof chainOf>[0]>;
    writeSegments(root, DEVICE_A, [one!, three!]);
    const first = await scan(root);
    expect(seqs(first)).toEqual([1, 3]);
    expect(reportA(first)?.waiting).toEqual([{ from: 2, to: 2 }]);

    // Authenticated, but chained onto nothing: it does not fit between 1 and 3.
    const stray = segmentAfter(DEVICE_A, undefined, 2, { variant: 'stray' });
    writeSegments(root, DEVICE_A, [stray]);
    const second = await scan(root, first.state);
    expect(second.accepted).toEqual([]);
    expect(stateA(second)?.held.get(stray.name)?.reason).toBe('chain');
    expect(reportA(second)?.waiting).toEqual([{ from: 2, to: 2 }]);

    writeSegments(root, DEVICE_A, [two!]);
    const third = await scan(root, second.state);
    expect(seqs(third)).toEqual([2]);
    expect(reportA(third)?.waiting).toEqual([]);
  });

  it('reads a checkpoint before the names it supersedes, and never reads those names', async () => {
    const root = syncRoot();
    const chain = chainOf(DEVICE_A, 5, { 4: 'checkpoint' });
    const paths = writeSegments(root, DEVICE_A, chain);
    const fs = countingFs();

    const first = await scan(root, EMPTY_SCAN_STATE, fs);

    expect(readNames(fs).sort()).toEqual([chain[3]!.name, chain[4]!.name].sort());
    expect(seqs(first)).toEqual([4, 5]);
    expect(stateA(first)?.mark.base).toBe(4);
    expect(reportA(first)).toMatchObject({ waiting: [], pending: 0 });

    // Below the checkpoint: a resurrected name, and one whose bytes are something else entirely.
    writeFileSync(paths[0]!, 'not read');
    writeFileSync(pathA(root, segmentFileName(2, 'b'.repeat(64))), 'not read either');
    fs.reset();
    const second = await scan(root, first.state, fs);
    expect(fs.calls.read).toEqual([]);
    expect(fs.calls.stat).toEqual([]);
    expect(reportA(second)).toMatchObject({ pending: 0, unreadable: 0, held: 0 });
  });

  it('lets a checkpoint that arrives later end the wait for a gap below it', async () => {
    const root = syncRoot();
    const chain = chainOf(DEVICE_A, 4, { 4: 'checkpoint' });
    writeSegments(root, DEVICE_A, [chain[0]!, chain[2]!]);
    const first = await scan(root);
    expect(reportA(first)?.waiting).toEqual([{ from: 2, to: 2 }]);
    writeSegments(root, DEVICE_A, [chain[3]!]);
    const second = await scan(root, first.state);
    expect(seqs(second)).toEqual([4]);
    expect(reportA(second)?.waiting).toEqual([]);
  });

  it('shows a folder that went back to an old copy, and takes nothing back', async () => {
    const root = syncRoot();
    const chain = chainOf(DEVICE_A, 3);
    const paths = writeSegments(root, DEVICE_A, chain);
    const first = await scan(root);
    for (const path of paths.slice(1)) rmSync(path);

    const reverted = await scan(root, first.state);
    expect(reportA(reverted)?.backwards).toBe(true);
    expect(reverted.accepted).toEqual([]);
    expect(stateA(reverted)?.mark).toBe(stateA(first)?.mark);

    writeSegments(root, DEVICE_A, chain.slice(1));
    const back = await scan(root, reverted.state);
    expect(reportA(back)?.backwards).toBe(false);
    expect(back.accepted).toEqual([]);
  });

  it('reports a removed device by its final segment, and the newest file time it took', async () => {
    const root = syncRoot();
    const chain = chainOf(DEVICE_A, 2, { 2: 'final' });
    const paths = writeSegments(root, DEVICE_A, chain);
    touch(paths[1]!, 1_800_000_000);
    const result = await scan(root);
    expect(reportA(result)).toMatchObject({ final: true, lastSeenAt: 1_800_000_000_000 });
    expect(seqs(result)).toEqual([2]);
  });

  it('is not fooled by the same bytes under the name of another seq', async () => {
    const root = syncRoot();
    const [one] = chainOf(DEVICE_A, 1) as [ReturnType<typeof chainOf>[0]];
    mkdirSync(deviceDir(root, DEVICE_A), { recursive: true });
    copyFileSync(writeSegments(root, DEVICE_A, [one])[0]!, pathA(root, segmentFileName(7, one.hash)));
    const result = await scan(root);
    expect(seqs(result)).toEqual([1]);
    expect(reportA(result)).toMatchObject({ notOurs: 1, waiting: [] });
  });
});
