import { openSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeEach, describe, expect, test, vi } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { ATOMIC_TEMP_NAME, atomicTempPath, removeStrayTempFiles, writeFileAtomic, writeFileAtomicSync } from './durable-write';
import { type FsPort, nodeFs } from './fs-port';

// Pass-through spies: the real calls run unless a test says otherwise (to see a temp name, or to cut a write short).
vi.mock(import('node:fs'), async (original) => {
  const real = await original();
  return { ...real, openSync: vi.fn(real.openSync), renameSync: vi.fn(real.renameSync) };
});

const tempDir = useTempDirs();

beforeEach(() => {
  vi.mocked(openSync).mockClear();
  vi.mocked(renameSync).mockClear();
});

/** The paths a port was asked to open for writing. */
const recordingFs = (opened: string[]): FsPort => ({
  ...nodeFs,
  open: (path, flags, mode) => {
    if (flags === 'wx') opened.push(path);
    return nodeFs.open(path, flags, mode);
  },
});

/** What a process killed between writing its temp file and renaming it leaves: the temp file, never renamed, never removed. */
const killedSyncWrite = (file: string, data: string): void => {
  const killed: FsPort = {
    ...nodeFs,
    renameSync: () => {
      throw new Error('killed');
    },
    unlinkSync: () => undefined,
  };
  expect(() => writeFileAtomicSync(file, data, 0o600, killed)).toThrow('killed');
};

describe('temp-file names', () => {
  test('atomicTempPath names a fresh hidden file beside the target', () => {
    const first = atomicTempPath('/data/settings.json');
    expect(first).toMatch(/^\/data\/\.settings\.json\.[0-9a-f]{12}\.tmp$/);
    expect(ATOMIC_TEMP_NAME.test(first.slice('/data/'.length))).toBe(true);
    expect(atomicTempPath('/data/settings.json')).not.toBe(first);
  });

  test('the async and the blocking write both name their temp files by the one pattern, beside the target', async () => {
    const dir = tempDir();
    const opened: string[] = [];
    await writeFileAtomic(recordingFs(opened), join(dir, 'snapshot.bin'), Buffer.from('async'));
    writeFileAtomicSync(join(dir, 'pause-state.json'), 'sync');
    const syncTemp = vi
      .mocked(openSync)
      .mock.calls.map(([path]) => String(path))
      .filter((path) => path.endsWith('.tmp'));
    const temps = [...opened, ...syncTemp];
    expect(temps).toHaveLength(2);
    for (const temp of temps) {
      expect(temp.startsWith(`${dir}/`)).toBe(true);
      expect(temp.slice(dir.length + 1)).toMatch(ATOMIC_TEMP_NAME);
    }
    expect(readdirSync(dir).sort()).toEqual(['pause-state.json', 'snapshot.bin']);
  });
});

describe('writeFileAtomicSync', () => {
  test('replaces the file whole, readable by the person only, with nothing left beside it', () => {
    const dir = tempDir();
    const file = join(dir, 'summary.html');
    writeFileSync(file, 'an older, longer file');
    writeFileAtomicSync(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileAtomicSync(file, new Uint8Array([104, 105]), 0o644);
    expect(readFileSync(file, 'utf8')).toBe('hi');
    expect(readdirSync(dir)).toEqual(['summary.html']);
  });

  test('a write that does not work throws, leaves the old file as it was and removes its temp file', () => {
    const dir = tempDir();
    const file = join(dir, 'settings.json');
    writeFileSync(file, 'old');
    vi.mocked(renameSync).mockImplementationOnce(() => {
      throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
    });
    expect(() => writeFileAtomicSync(file, 'new')).toThrow('no space');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  test('through a port: a disk that fills mid-write throws, keeps the old file and frees the temp file', () => {
    const dir = tempDir();
    const file = join(dir, 'seg.alog');
    writeFileSync(file, 'old');
    const calls: string[] = [];
    const full: FsPort = {
      ...nodeFs,
      writeSync: (fd, buffer, offset, length, position) => {
        calls.push('writeSync');
        // A short write first, then the disk is full: what a nearly full disk does.
        if (calls.length === 1) return nodeFs.writeSync(fd, buffer, offset, Math.min(length, 3), position);
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      },
    };
    expect(() => writeFileAtomicSync(file, Buffer.alloc(4096, 1), 0o600, full)).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(calls).toEqual(['writeSync', 'writeSync']);
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['seg.alog']);
  });

  test('into a folder that is not there: the error, and no file', () => {
    const dir = tempDir();
    expect(() => writeFileAtomicSync(join(dir, 'missing', 'state.json'), '{}')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('removeStrayTempFiles', () => {
  test('removes a temp file a killed blocking write left, and only temp files of atomic writes', async () => {
    const dir = tempDir();
    const file = join(dir, 'pause-state.json');
    writeFileSync(file, 'kept');
    writeFileSync(join(dir, '.someone-elses.tmp'), 'not ours');
    killedSyncWrite(file, 'never renamed');
    const left = readdirSync(dir).filter((name) => ATOMIC_TEMP_NAME.test(name));
    expect(left).toHaveLength(1);
    expect(readFileSync(join(dir, left[0]!), 'utf8')).toBe('never renamed');

    await removeStrayTempFiles(nodeFs, dir);
    expect(readdirSync(dir).sort()).toEqual(['.someone-elses.tmp', 'pause-state.json']);
    expect(readFileSync(file, 'utf8')).toBe('kept');
  });

  test('removes a temp file a killed async write left', async () => {
    const dir = tempDir();
    const killed: FsPort = { ...nodeFs, rename: () => Promise.reject(new Error('killed')), unlink: () => Promise.resolve() };
    await expect(writeFileAtomic(killed, join(dir, 'vault.json'), Buffer.from('{}'))).rejects.toThrow('killed');
    expect(readdirSync(dir).filter((name) => ATOMIC_TEMP_NAME.test(name))).toHaveLength(1);
    await removeStrayTempFiles(nodeFs, dir);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a folder that is not there is nothing to clean', async () => {
    await expect(removeStrayTempFiles(nodeFs, join(tempDir(), 'missing'))).resolves.toBeUndefined();
  });
});
