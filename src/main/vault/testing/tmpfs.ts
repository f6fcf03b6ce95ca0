import { execFileSync } from 'node:child_process';
import { open } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A tiny tmpfs gives the kernel's own ENOSPC (including short writes when
 * the last page fills) and, remounted read-only, the kernel's own EROFS —
 * which root cannot bypass the way it bypasses chmod. Needs root (or
 * CAP_SYS_ADMIN); where mounting is refused the callers skip with one line
 * and the fs-adapter tests cover the same paths.
 */
export const tryMountTmpfs = (dir: string, sizeKb: number): string | undefined => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return stderr || (error instanceof Error ? error.message : String(error));
  }
};

export const remount = (dir: string, mode: 'ro' | 'rw'): void => {
  execFileSync('mount', ['-o', `remount,${mode}`, dir], { stdio: 'pipe' });
};

export const unmount = (dir: string): void => {
  execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
};

/** Probe once per test file: can this process mount a tmpfs here? */
export const canMountTmpfs = (probeDir: string): { ok: true } | { ok: false; reason: string } => {
  const failure = tryMountTmpfs(probeDir, 64);
  if (failure !== undefined) return { ok: false, reason: failure };
  unmount(probeDir);
  return { ok: true };
};

/** Fill the file system holding `dir` to the last byte (a file `filler` in it); returns the filler's path. */
export const fillToLastByte = async (dir: string): Promise<string> => {
  const path = join(dir, 'filler');
  const handle = await open(path, 'w');
  try {
    for (const size of [65536, 4096, 1]) {
      const chunk = Buffer.alloc(size, 0x20);
      for (;;) {
        try {
          await handle.write(chunk);
        } catch {
          break;
        }
      }
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
  return path;
};
