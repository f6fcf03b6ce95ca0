import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach } from 'vitest';

/**
 * A real temporary directory per call, removed after the test that made it.
 * Call it at the top of a spec, before the spec's own afterEach: vitest runs
 * after-hooks in reverse order, so a spec's cleanup (close a vault, unmount
 * a tmpfs) runs before its folders are removed.
 */
export const useTempDirs = () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return (prefix = 'attune-test-'): string => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
};

/** Every regular file under `dir`, recursively, with its raw bytes. */
export const readAllFiles = (dir: string): Array<{ path: string; bytes: Buffer }> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? readAllFiles(path) : [{ path, bytes: readFileSync(path) }];
  });
