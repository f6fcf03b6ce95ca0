import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * ATTUNE_KEEP_FAILED_VAULT=1 keeps what a failing kill loop saw, for looking
 * at by hand: before each check the vault folder is copied as it was left by
 * the kill (the check repairs it), and on a failure both copies and the
 * children's output are kept in a fresh `attune-kill-failed-*` folder under
 * the temp dir, named in the error. Off, the loops copy nothing.
 */
export const KEEP_FAILED_ENV = 'ATTUNE_KEEP_FAILED_VAULT';

const enabled = (): boolean => process.env[KEEP_FAILED_ENV] === '1';

export interface FailureKeeper {
  /** The vault folder as the kill left it, before the parent's check opens (and repairs) it; adds the round's output to the log. */
  beforeCheck(round: number, lines: readonly string[], stderr: readonly string[]): void;
  /** A check failed: keep everything, name the folder in the error, and hand the error back to throw. */
  kept(error: unknown): unknown;
}

export const failureKeeper = (root: string, dir: string): FailureKeeper => {
  const before = join(root, 'before-check');
  const rounds: string[] = [];
  return {
    beforeCheck: (round, lines, stderr) => {
      if (!enabled()) return;
      rounds.push(`--- round ${round}\n${lines.join('\n')}\n${stderr.length > 0 ? `stderr: ${stderr.join('')}\n` : ''}`);
      rmSync(before, { recursive: true, force: true });
      cpSync(dir, before, { recursive: true });
    },
    kept: (error) => {
      if (!enabled() || !(error instanceof Error)) return error;
      const folder = mkdtempSync(join(tmpdir(), 'attune-kill-failed-'));
      cpSync(dir, join(folder, 'after-check'), { recursive: true });
      cpSync(before, join(folder, 'before-check'), { recursive: true });
      writeFileSync(join(folder, 'rounds.log'), rounds.join(''));
      error.message += ` (kept in ${folder})`;
      return error;
    },
  };
};
