import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { nodeFs } from '../fs/fs-port';
import { type LinkFile, makeOwnFolder, writeFileOnce } from './sync-folder-write';

const tempDir = useTempDirs();
const failing =
  (code: string): LinkFile =>
  () =>
    Promise.reject(Object.assign(new Error(code), { code }));

describe('writing a file once into the sync folder', () => {
  it('writes a new file (0600) and leaves an existing one, or a link in its place, exactly as it is', async () => {
    const dir = tempDir('attune-once-');
    const path = join(dir, 'format.json');
    expect(await writeFileOnce(nodeFs, path, Buffer.from('first'))).toBe('written');
    expect(await writeFileOnce(nodeFs, path, Buffer.from('second'))).toBe('exists');
    expect(readFileSync(path, 'utf8')).toBe('first');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.json'));
    expect(await writeFileOnce(nodeFs, join(dir, 'dangling.json'), Buffer.from('x'))).toBe('exists');
    expect(readdirSync(dir).sort()).toEqual(['dangling.json', 'format.json']);
  });

  it('without hard links it renames instead; any other link failure is thrown, and no temp file is left either way', async () => {
    const dir = tempDir('attune-once-');
    for (const code of ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK'])
      expect(await writeFileOnce(nodeFs, join(dir, `${code}.json`), Buffer.from(code), failing(code))).toBe('written');
    expect(readFileSync(join(dir, 'EPERM.json'), 'utf8')).toBe('EPERM');
    await expect(writeFileOnce(nodeFs, join(dir, 'full.json'), Buffer.from('x'), failing('ENOSPC'))).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp') || name === 'full.json')).toEqual([]);
  });
});

describe('a folder only this device writes', () => {
  it('is made 0700, is fine when already there, and is refused when a link or a file is in its place', async () => {
    const dir = tempDir('attune-own-');
    await makeOwnFolder(nodeFs, join(dir, 'devices'));
    await makeOwnFolder(nodeFs, join(dir, 'devices'));
    if (process.platform !== 'win32') expect(statSync(join(dir, 'devices')).mode & 0o777).toBe(0o700);
    const elsewhere = tempDir('attune-elsewhere-');
    mkdirSync(join(elsewhere, 'keys'));
    symlinkSync(join(elsewhere, 'keys'), join(dir, 'keys'));
    await expect(makeOwnFolder(nodeFs, join(dir, 'keys'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    writeFileSync(join(dir, 'file'), '');
    await expect(makeOwnFolder(nodeFs, join(dir, 'file'))).rejects.toBeDefined();
  });
});
