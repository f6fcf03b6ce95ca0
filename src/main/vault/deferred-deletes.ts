import { rmSync } from 'node:fs';

import { isAttuneError } from '../attune-error';
import { writeFileAtomicSync } from '../fs/durable-write';
import { readRegularFileSync } from '../fs/regular-file';
import type { Logger } from '../log/logger';

const ID = /^[A-Za-z0-9_-]{8,64}$/;
const MAX_IDS = 10_000;
/** MAX_IDS ids of at most 64 characters, quoted and separated, with room to spare; a larger file is not read. */
const MAX_PENDING_BYTES = MAX_IDS * 70;

/** Pure: the ids in a pending-deletes file, ignoring anything that is not one (a damaged file loses nothing else). */
export const parsePendingIds = (text: string): string[] => {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return [];
    return [...new Set(parsed.filter((id): id is string => typeof id === 'string' && ID.test(id)))].slice(0, MAX_IDS);
  } catch {
    return [];
  }
};

/**
 * Deletes a person asked for while Attune was locked. They belong to main,
 * not to a window: an app window is destroyed on close, and a delete kept
 * there was lost with it (the entry came back after the next unlock). The
 * ids (random, no content) wait in a small file, so a quit before the next
 * unlock keeps them too, and are carried out as soon as the history is open.
 */
export class DeferredDeletes {
  #ids: string[];

  constructor(
    private readonly file: string,
    private readonly log: Logger,
  ) {
    this.#ids = (() => {
      try {
        return parsePendingIds(readRegularFileSync(file, MAX_PENDING_BYTES).toString('utf8'));
      } catch {
        return [];
      }
    })();
  }

  pending(): readonly string[] {
    return this.#ids;
  }

  /** Keeps the delete for after the next unlock. Throws (disk full, read-only) when it cannot be kept: the caller says so. */
  add(id: string): void {
    if (this.#ids.includes(id)) return;
    const next = [...this.#ids, id];
    writeFileAtomicSync(this.file, `${JSON.stringify(next)}\n`);
    this.#ids = next;
  }

  /**
   * Carries out every waiting delete with `remove`. One already gone counts as done; a locked
   * history stops the round (they wait for the next); any other failure keeps that id for next time.
   */
  async carryOut(remove: (id: string) => Promise<unknown>): Promise<void> {
    if (this.#ids.length === 0) return;
    const kept: string[] = [];
    for (const [index, id] of this.#ids.entries()) {
      try {
        await remove(id);
      } catch (error) {
        if (isAttuneError(error) && error.code === 'not-found') continue;
        if (isAttuneError(error) && error.code === 'vault-locked') {
          kept.push(...this.#ids.slice(index));
          break;
        }
        this.log.warn('history: a delete asked for while locked could not be done yet', {
          code: isAttuneError(error) ? error.code : 'internal',
        });
        kept.push(id);
      }
    }
    this.#save(kept);
  }

  /** Everything was erased: nothing is left to delete. */
  clear(): void {
    this.#ids = [];
    rmSync(this.file, { force: true });
  }

  #save(ids: string[]): void {
    this.#ids = ids;
    try {
      if (ids.length === 0) rmSync(this.file, { force: true });
      else writeFileAtomicSync(this.file, `${JSON.stringify(ids)}\n`);
    } catch (error) {
      // The ids are still in memory and tried again at the next unlock.
      this.log.warn('history: could not update the waiting deletes', { error: String(error) });
    }
  }
}
