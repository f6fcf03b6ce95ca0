import { writeFileAtomic } from '../fs/durable-write';
import type { FsPort } from '../fs/fs-port';
import { readRegularFile } from '../fs/regular-file';
import { isNotFound } from '../fs/storage-error';
import { initialThrottle, type ThrottleState } from './throttle';

/**
 * The unlock throttle, kept across restarts: without it, a script driving the
 * app could quit and start it again after every third guess and never wait.
 * One small file beside the vault folder (`<vault>.attempts.json`, like the
 * lock): outside the folder, so a wrong guess still changes nothing in the
 * vault itself, and erase can remove both.
 *
 * It holds only a count and a time, nothing about the history. Whoever can
 * edit or delete it can also copy the vault files and guess offline, where
 * scrypt is the defence; so a missing, damaged or strange file (a FIFO, a
 * link to /dev/zero) is read as "no misses yet", never waited on and never a
 * reason not to start.
 */
export const throttleFilePath = (vaultDir: string): string => `${vaultDir}.attempts.json`;

const FORMAT = 'attune-unlock-attempts';
/** Far past the count where the wait stops growing (5 minutes); anything larger was not written by Attune. */
const MAX_FAILURES = 10_000;

/**
 * Pure: the saved state, or the fresh one when the text is not ours. A miss
 * recorded "in the future" (the clock was moved back since) counts as made
 * now, so the wait is never longer than the throttle's own cap.
 */
export const parseThrottle = (text: string, now: number): ThrottleState => {
  try {
    const value = JSON.parse(text) as { format?: unknown; failures?: unknown; lastFailureAt?: unknown };
    const { failures, lastFailureAt } = value;
    if (value.format !== FORMAT || !Number.isInteger(failures) || !Number.isFinite(lastFailureAt)) return initialThrottle;
    if ((failures as number) < 1 || (failures as number) > MAX_FAILURES || (lastFailureAt as number) < 0) return initialThrottle;
    return { failures: failures as number, lastFailureAt: Math.min(lastFailureAt as number, now) };
  } catch {
    return initialThrottle;
  }
};

/** A count and a time: anything over this is not ours and is not read. */
const MAX_THROTTLE_BYTES = 4 * 1024;

export const loadThrottle = async (path: string, now: number): Promise<ThrottleState> => {
  try {
    return parseThrottle((await readRegularFile(path, MAX_THROTTLE_BYTES)).toString('utf8'), now);
  } catch {
    // Missing, unreadable, or not a regular file (never read): start fresh. The next miss writes a real file over it.
    return initialThrottle;
  }
};

/**
 * After a miss: written atomically before the answer goes back. After a
 * success (or erase): removed. Best effort either way: a full or read-only
 * disk must not stop anyone unlocking; the count stays in memory meanwhile.
 */
export const saveThrottle = async (fs: FsPort, path: string, state: ThrottleState): Promise<boolean> => {
  try {
    if (state.failures === 0) await fs.unlink(path);
    else {
      const body = { format: FORMAT, failures: state.failures, lastFailureAt: state.lastFailureAt };
      await writeFileAtomic(fs, path, Buffer.from(`${JSON.stringify(body)}\n`, 'utf8'));
    }
    return true;
  } catch (error) {
    return state.failures === 0 && isNotFound(error);
  }
};
