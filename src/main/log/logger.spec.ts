import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, test } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { createFileLogger } from './logger';

const tempDir = useTempDirs();

describe('file logger', () => {
  test('writes one JSON line per call, in a folder it makes, readable only by the owner', () => {
    const file = join(tempDir(), 'logs', 'attune.log');
    createFileLogger(file).warn('pauses: pause notification failed', { cause: 'failed: no daemon' });
    const [line] = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(line).toMatchObject({ level: 'warn', message: 'pauses: pause notification failed', detail: { cause: 'failed: no daemon' } });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  test('rotates at the size cap: one old file is kept, the current one stays under the cap', () => {
    const file = join(tempDir(), 'attune.log');
    const log = createFileLogger(file, false, 2_000);
    for (let i = 0; i < 100; i += 1) log.info(`line ${i}`);
    expect(statSync(file).size).toBeLessThanOrEqual(2_000);
    expect(statSync(`${file}.1`).size).toBeLessThanOrEqual(2_000);
    expect(readFileSync(file, 'utf8')).toContain('"line 99"');
    // Only one old file, ever.
    expect(existsSync(`${file}.2`)).toBe(false);
  });

  test('counts what an earlier run left, so a restart does not grow the file past the cap', () => {
    const file = join(tempDir(), 'attune.log');
    writeFileSync(file, 'x'.repeat(1_990));
    createFileLogger(file, false, 2_000).info('after a restart');
    expect(readFileSync(`${file}.1`, 'utf8')).toBe('x'.repeat(1_990));
    expect(readFileSync(file, 'utf8')).toContain('after a restart');
  });

  test('a log it cannot write is no failure of the app', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'logs'), 'a file where the folder should be');
    expect(() => createFileLogger(join(dir, 'logs', 'attune.log')).error('still running')).not.toThrow();
  });
});
