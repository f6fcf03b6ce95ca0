import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, test } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { prepareSettingsFile } from '../settings/prepare-settings-file';
import { initialThrottle } from '../vault/throttle';
import { loadThrottle, throttleFilePath } from '../vault/throttle-file';
import { isNotRegularFile, readRegularFile, readRegularFileSync } from './regular-file';

const tempDir = useTempDirs();

/** A file that says it is `bytes` long without taking the disk (sparse): what a hostile or broken file may be. */
const hugeFile = (path: string, bytes: number): string => {
  writeFileSync(path, '');
  truncateSync(path, bytes);
  return path;
};

describe('reading a small file Attune keeps', () => {
  test('within its size it is read whole; over it, it is not ours and is never read', async () => {
    const dir = tempDir();
    const small = join(dir, 'small.json');
    writeFileSync(small, '{"a":1}');
    expect((await readRegularFile(small, 64)).toString()).toBe('{"a":1}');
    expect(readRegularFileSync(small, 64).toString()).toBe('{"a":1}');
    const huge = hugeFile(join(dir, 'huge.json'), 512 * 1024 * 1024);
    await expect(readRegularFile(huge, 64 * 1024)).rejects.toSatisfy(isNotRegularFile);
    expect(() => readRegularFileSync(huge, 64 * 1024)).toThrow(expect.objectContaining({ code: 'ENOTREG' }));
  });

  test('a huge settings file is set aside unread; a huge attempts file counts as no misses', async () => {
    const dir = tempDir();
    const settings = hugeFile(join(dir, 'settings.json'), 64 * 1024 * 1024);
    expect(prepareSettingsFile(settings, 5)).toEqual({ kind: 'set-aside', reason: 'unreadable', keptAt: `${settings}.unreadable-5` });
    hugeFile(throttleFilePath(join(dir, 'vault')), 64 * 1024 * 1024);
    expect(await loadThrottle(throttleFilePath(join(dir, 'vault')), Date.now())).toEqual(initialThrottle);
  });

  test('with noFollow, a symlink is not a regular file, even to one; without it, the link is followed as before', async () => {
    const dir = tempDir();
    const target = join(dir, 'elsewhere.json');
    writeFileSync(target, '{"a":1}');
    const link = join(dir, 'format.json');
    symlinkSync(target, link);
    await expect(readRegularFile(link, 64, { noFollow: true })).rejects.toSatisfy(isNotRegularFile);
    expect((await readRegularFile(link, 64)).toString()).toBe('{"a":1}');
    expect((await readRegularFile(target, 64, { noFollow: true })).toString()).toBe('{"a":1}');
    await expect(readRegularFile(join(dir, 'missing.json'), 64, { noFollow: true })).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
