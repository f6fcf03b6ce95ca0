import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { isNotRegularFile } from '../fs/regular-file';
import { nodeScanFs, sameStamp } from './scan-fs';

const tempDir = useTempDirs();

describe('nodeScanFs', () => {
  it('lists a real folder as a folder, and a link to one as not', async () => {
    const dir = tempDir('attune-scan-fs-');
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    writeFileSync(join(dir, 'file'), 'x');
    const listed = (await nodeScanFs.list(dir)).sort((a, b) => a.name.localeCompare(b.name));
    expect(listed).toEqual([
      { name: 'file', isFolder: false },
      { name: 'link', isFolder: false },
      { name: 'real', isFolder: true },
    ]);
  });

  it('stats a link as itself, not what it points at', async () => {
    const dir = tempDir('attune-scan-fs-');
    writeFileSync(join(dir, 'file'), 'bytes');
    symlinkSync(join(dir, 'file'), join(dir, 'link'));
    expect((await nodeScanFs.stat(join(dir, 'file'))).isFile).toBe(true);
    expect((await nodeScanFs.stat(join(dir, 'link'))).isFile).toBe(false);
  });

  it('reads a regular file only: not through a link, not a FIFO, not over the cap', async () => {
    const dir = tempDir('attune-scan-fs-');
    writeFileSync(join(dir, 'file'), 'bytes');
    symlinkSync(join(dir, 'file'), join(dir, 'link'));
    expect((await nodeScanFs.read(join(dir, 'file'), 5)).toString()).toBe('bytes');
    await expect(nodeScanFs.read(join(dir, 'link'), 5)).rejects.toSatisfy(isNotRegularFile);
    await expect(nodeScanFs.read(join(dir, 'file'), 4)).rejects.toSatisfy(isNotRegularFile);
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [join(dir, 'fifo')]);
      await expect(nodeScanFs.read(join(dir, 'fifo'), 5)).rejects.toSatisfy(isNotRegularFile);
    }
  });

  it('compares stamps by size, both times and the inode', () => {
    const stamp = { size: 1, mtimeMs: 2, ctimeMs: 3, ino: 4 };
    expect(sameStamp(stamp, { ...stamp })).toBe(true);
    expect(sameStamp(stamp, { ...stamp, size: 2 })).toBe(false);
    expect(sameStamp(stamp, { ...stamp, mtimeMs: 1 })).toBe(false);
    expect(sameStamp(stamp, { ...stamp, ctimeMs: 1 })).toBe(false);
    expect(sameStamp(stamp, { ...stamp, ino: 5 })).toBe(false);
  });
});
