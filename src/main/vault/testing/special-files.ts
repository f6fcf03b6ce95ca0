import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { symlinkSync } from 'node:fs';

import { afterEach } from 'vitest';

/**
 * Special files in place of the ones Attune reads: a real FIFO (mkfifo) and a
 * symlink to /dev/zero. A plain read of the FIFO blocks until someone writes;
 * so that a reader that does block (the bug these tests guard against) cannot
 * hang the test run for good, each FIFO gets a small shell that opens it for
 * writing — and so lets a blocked reader see end-of-file — only long after the
 * test's own timeout. Code that never blocks on the FIFO never meets it: the
 * shell is killed after the test.
 */
const UNBLOCK_AFTER_S = 120;

export const useSpecialFiles = () => {
  const unblockers: ChildProcess[] = [];
  afterEach(() => {
    for (const child of unblockers.splice(0)) child.kill('SIGKILL');
  });
  return {
    fifo: (path: string): void => {
      execFileSync('mkfifo', ['-m', '600', path]);
      unblockers.push(spawn('sh', ['-c', `sleep ${UNBLOCK_AFTER_S}; exec 3>"$0"`, path], { stdio: 'ignore' }));
    },
    endless: (path: string): void => symlinkSync('/dev/zero', path),
  };
};
