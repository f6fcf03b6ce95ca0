import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { type FsPort, nodeFs } from '../fs/fs-port';
import { WritePace } from '../fs/write-pace';
import { importKey } from '../vault/aead';
import {
  BLOCKING_SEGMENT_BYTES,
  NO_TIP,
  type OwnIds,
  type OwnPlace,
  type OwnTip,
  pruneBelow,
  publishSegment,
  republishMissing,
} from './own-segments';
import { EMPTY_PEER_MARK, judgeSegment, type PeerMark } from './peer-mark';
import { decodeSegment, sha256 } from './segment-codec';
import { checkIn, DEVICE_A, put } from './testing/sync-records';

const IDS: OwnIds = { vaultId: '1'.repeat(32), deviceId: DEVICE_A, keyId: '2'.repeat(32) };
const key = importKey(randomBytes(32));
const keyFor = (keyId: string) => (keyId === IDS.keyId ? key : undefined);

const tempDir = useTempDirs();
let place: OwnPlace;
beforeEach(async () => {
  const root = tempDir('attune-own-');
  place = { fs: nodeFs, ownDir: join(root, 'vault.sync', 'own'), folderDir: join(root, 'F', 'attune-sync', 'devices', DEVICE_A) };
  // Setting up sync makes these; publishing makes only its own two folders inside them.
  await mkdir(join(root, 'vault.sync'));
  await mkdir(join(place.folderDir, '..'), { recursive: true });
});

const record = (n: number) => put(checkIn(`entry-${String(n).padStart(3, '0')}`, `note ${n}`), [1_795_424_400_000 + n, 0]);

/** Publishes `count` one-record deltas; returns the tip and the names in order. */
const publishMany = async (count: number, from: OwnTip = NO_TIP): Promise<{ tip: OwnTip; names: string[] }> => {
  let tip = from;
  const names: string[] = [];
  for (let n = 1; n <= count; n += 1) {
    const published = await publishSegment(place, key, IDS, tip, 'delta', [record(tip.seq + 1)]);
    tip = published.tip;
    names.push(published.segment.name);
  }
  return { tip, names };
};

const SEGMENT = /^seg-(\d{8})-([0-9a-f]{64})\.alog$/;

/** Reads the device folder as a peer would: every segment must authenticate and chain onto the one before. */
const readAsPeer = async (dir: string): Promise<{ mark: PeerMark; ids: string[] }> => {
  let mark = EMPTY_PEER_MARK;
  const ids: string[] = [];
  for (const name of (await readdir(dir)).filter((found) => SEGMENT.test(found)).sort()) {
    const bytes = await readFile(join(dir, name));
    const [, seq, hash] = SEGMENT.exec(name) as RegExpExecArray;
    const decoded = decodeSegment(bytes, { vaultId: IDS.vaultId, deviceId: IDS.deviceId, seq: Number(seq), hash: hash as string }, keyFor);
    if (!decoded.ok) throw new Error(`${name}: ${JSON.stringify(decoded.problem)}`);
    const { segment } = decoded;
    const verdict = judgeSegment(mark, {
      seq: Number(seq),
      type: segment.header.type,
      hash: hash as string,
      prevSegment: segment.header.prevSegment.toString('hex'),
      firstPrev: segment.firstPrev.toString('hex'),
      lastFrame: segment.lastFrame.toString('hex'),
    });
    if (verdict.kind !== 'accept') throw new Error(`${name}: ${verdict.kind}`);
    mark = verdict.mark;
    ids.push(...segment.records.map((found) => found.id));
  }
  return { mark, ids };
};

describe('publishSegment', () => {
  it('writes a chain that a peer reads in order: each segment in own/ and in the folder, byte for byte', async () => {
    const { tip, names } = await publishMany(3);
    expect(tip.seq).toBe(3);
    expect((await readdir(place.ownDir)).sort()).toEqual(names);
    for (const name of names) expect(await readFile(join(place.folderDir, name))).toEqual(await readFile(join(place.ownDir, name)));
    const peer = await readAsPeer(place.folderDir);
    expect(peer.ids).toEqual(['entry-001', 'entry-002', 'entry-003']);
    expect(peer.mark.segments.get(3)?.hash).toBe(tip.hash.toString('hex'));
    expect(tip.hash).toEqual(sha256(await readFile(join(place.ownDir, names[2] as string))));
  });

  it('commits to own/ when the sync folder refuses it, and the next pass puts it in the folder', async () => {
    // The sync folder is unplugged: its mount point is empty. Nothing may be written there (it is the local disk).
    const devices = join(place.folderDir, '..');
    await rm(join(devices, '..'), { recursive: true });
    const published = await publishSegment(place, key, IDS, NO_TIP, 'checkpoint', [record(1)]);
    expect(published.inFolder).toBe(false);
    expect(await readdir(place.ownDir)).toEqual([published.segment.name]);
    expect(await republishMissing(place, 1)).toEqual({ written: 0, waiting: 1 });
    await expect(readdir(join(devices, '..'))).rejects.toMatchObject({ code: 'ENOENT' });

    await mkdir(devices, { recursive: true });
    expect(await republishMissing(place, 1)).toEqual({ written: 1, waiting: 0 });
    expect((await readAsPeer(place.folderDir)).ids).toEqual(['entry-001']);
    expect(await republishMissing(place, 1)).toEqual({ written: 0, waiting: 0 });
  });

  it('throws, and writes nothing anywhere, when own/ cannot take it (the commit point was not reached)', async () => {
    await writeFile(place.ownDir, 'a file where own/ should be');
    await expect(publishSegment(place, key, IDS, NO_TIP, 'delta', [record(1)])).rejects.toThrow();
    await expect(readdir(place.folderDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('own/ written blocking, as the journal append (write-pace.ts)', () => {
  /** The files each kind of call opened for writing (opens that failed are not counted): blocking (openSync) or through the pool (open). */
  const watched = (fault?: (path: string) => Error | undefined): { fs: FsPort; blocking: string[]; pooled: string[] } => {
    const blocking: string[] = [];
    const pooled: string[] = [];
    const fs: FsPort = {
      ...nodeFs,
      openSync: (path, flags, mode) => {
        const fd = nodeFs.openSync(path, flags, mode);
        if (flags === 'wx') blocking.push(path);
        return fd;
      },
      writeSync: (fd, buffer, offset, length, position) => {
        const error = fault?.(blocking.at(-1) ?? '');
        if (error) throw error;
        return nodeFs.writeSync(fd, buffer, offset, length, position);
      },
      open: async (path, flags, mode) => {
        const fd = await nodeFs.open(path, flags, mode);
        if (flags === 'wx') pooled.push(path);
        return fd;
      },
    };
    return { fs, blocking, pooled };
  };
  const inOwn = (paths: string[]): number => paths.filter((path) => path.startsWith(`${place.ownDir}/`)).length;

  it('a one-record delta goes to own/ blocking (own/ made through the pool the first time); the folder copy never blocks', async () => {
    const port = watched();
    place = { ...place, fs: port.fs, pace: new WritePace(true) };
    const { names } = await publishMany(3);
    expect(inOwn(port.pooled)).toBe(1); // own/ was not there yet: made, and the first segment written, through the pool
    expect(inOwn(port.blocking)).toBe(2);
    expect(port.blocking.filter((path) => path.startsWith(place.folderDir))).toEqual([]);
    expect(port.pooled.filter((path) => path.startsWith(place.folderDir))).toHaveLength(3);
    expect((await readdir(place.ownDir)).sort()).toEqual(names);
    expect((await readAsPeer(place.folderDir)).ids).toEqual(['entry-001', 'entry-002', 'entry-003']);
  });

  it(`a segment over ${BLOCKING_SEGMENT_BYTES / 1024} KiB (a checkpoint of a history) goes through the pool`, async () => {
    await publishMany(1);
    const port = watched();
    place = { ...place, fs: port.fs, pace: new WritePace(true) };
    const many = Array.from({ length: 200 }, (_, n) => record(n + 2));
    const published = await publishSegment(place, key, IDS, { ...NO_TIP, seq: 0 }, 'checkpoint', many);
    expect(published.segment.bytes.length).toBeGreaterThan(BLOCKING_SEGMENT_BYTES);
    expect(inOwn(port.blocking)).toBe(0);
    expect(inOwn(port.pooled)).toBe(1);
  });

  it('a full disk under a blocking write: the publish throws, own/ keeps no segment or temp file, the folder gets nothing', async () => {
    await publishMany(1);
    const before = (await readdir(place.ownDir)).sort();
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    const port = watched((path) => (path.startsWith(`${place.ownDir}/`) ? full : undefined));
    const ownTip = { ...NO_TIP, seq: 1 };
    place = { ...place, fs: port.fs, pace: new WritePace(true) };
    await expect(publishSegment(place, key, IDS, ownTip, 'delta', [record(2)])).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(inOwn(port.blocking)).toBe(1);
    expect((await readdir(place.ownDir)).sort()).toEqual(before);
    expect(await readdir(place.folderDir)).toEqual(before);
  });

  it('after one slow blocking write, the rest go through the pool', async () => {
    await publishMany(1);
    let at = 0;
    const port = watched((path) => {
      if (path.startsWith(`${place.ownDir}/`)) at += 50; // the disk took 50 ms
      return undefined;
    });
    place = { ...place, fs: port.fs, pace: new WritePace(true, () => at) };
    const { tip } = await publishMany(1, { ...NO_TIP, seq: 1 });
    expect(place.pace?.blocking).toBe(false);
    await publishMany(2, tip);
    expect(inOwn(port.blocking)).toBe(1);
    expect(inOwn(port.pooled)).toBe(2);
  });
});

describe('republishMissing', () => {
  it('restores a reverted folder: lost, truncated and zero-byte copies are written again; stale temp files go', async () => {
    const { names } = await publishMany(4);
    await rm(join(place.folderDir, names[0] as string));
    await truncate(join(place.folderDir, names[1] as string), 100);
    await truncate(join(place.folderDir, names[2] as string), 0);
    await writeFile(join(place.folderDir, `.${names[3]}.0123456789ab.tmp`), 'half a copy');
    const conflict = `${(names[3] as string).replace('.alog', '')}.sync-conflict-20261204-094500-ABCDEFG.alog`;
    await writeFile(join(place.folderDir, conflict), 'a sync tool made this');

    expect(await republishMissing(place, 1)).toEqual({ written: 3, waiting: 0 });
    expect((await readAsPeer(place.folderDir)).ids).toEqual(['entry-001', 'entry-002', 'entry-003', 'entry-004']);
    // Only the owner's temp file is its to remove; a sync tool's conflict copy is left alone.
    expect((await readdir(place.folderDir)).sort()).toEqual([...names, conflict].sort());
  });

  it('at start, a copy of the right size whose bytes a power cut left torn is found by its hash and written again', async () => {
    const { names } = await publishMany(2);
    const torn = join(place.folderDir, names[1] as string);
    const bytes = await readFile(torn);
    await writeFile(torn, Buffer.concat([bytes.subarray(0, 200), Buffer.alloc(bytes.length - 200)]));
    // Every pass looks at sizes only (cheap); the start looks at the bytes.
    expect(await republishMissing(place, 1)).toEqual({ written: 0, waiting: 0 });
    expect(await republishMissing(place, 1, 'content')).toEqual({ written: 1, waiting: 0 });
    expect(await readFile(torn)).toEqual(bytes);
  });

  it('leaves segments below the base alone (a checkpoint restates them)', async () => {
    const { names } = await publishMany(3);
    await rm(join(place.folderDir, names[0] as string));
    expect(await republishMissing(place, 2)).toEqual({ written: 0, waiting: 0 });
  });
});

describe('pruneBelow', () => {
  it('removes what a checkpoint restates from the folder and own/, and nothing else', async () => {
    const { tip, names } = await publishMany(3);
    const checkpoint = await publishSegment(place, key, IDS, tip, 'checkpoint', [record(1), record(2), record(3), record(4)]);
    const stray = 'notes.txt';
    await writeFile(join(place.folderDir, stray), 'someone put this here');
    await pruneBelow(place, checkpoint.tip.seq);
    expect(await readdir(place.ownDir)).toEqual([checkpoint.segment.name]);
    expect((await readdir(place.folderDir)).sort()).toEqual([checkpoint.segment.name, stray].sort());
    expect(names.every((name) => !name.startsWith('seg-00000004'))).toBe(true);
  });
});
