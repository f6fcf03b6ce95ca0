import { renameSync } from 'node:fs';

import { INITIAL_PAUSE_STATE, type PauseState, pauseStateSchema } from '../../shared/pauses/pause-state';
import { writeFileAtomicSync } from '../fs/durable-write';
import { readRegularFileSync } from '../fs/regular-file';
import { errnoCode } from '../fs/storage-error';

/**
 * The scheduler's memory (last pause, snooze, "paused until") in its own small
 * file: it changes often and is not a setting. A damaged file is set aside and
 * the schedule starts fresh — the worst case is one pause a little early or late.
 */
/** Far above what Attune writes (a few hundred bytes); a larger file is set aside unread. */
const MAX_PAUSE_STATE_BYTES = 64 * 1024;

export const loadPauseState = (file: string, now = Date.now()): PauseState => {
  try {
    // Without blocking: a FIFO or a device in its place is set aside like an invalid file, never waited on.
    const parsed = pauseStateSchema.safeParse(JSON.parse(readRegularFileSync(file, MAX_PAUSE_STATE_BYTES).toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return INITIAL_PAUSE_STATE;
    // otherwise fall through: unreadable JSON is handled like an invalid shape
  }
  renameSync(file, `${file}.unreadable-${now}`);
  return INITIAL_PAUSE_STATE;
};

/** Saving can fail (full disk); the schedule keeps running from memory and the next save tries again. */
export const savePauseState = (file: string, state: PauseState): boolean => {
  try {
    writeFileAtomicSync(file, `${JSON.stringify(state)}\n`);
    return true;
  } catch {
    return false;
  }
};
