/**
 * When a small durable write may block the main process. A blocking write
 * skips the thread pool's two wake-ups per call (~0.07 ms each here), which
 * is most of what a one-line journal append or a one-record segment costs
 * beyond the disk itself. The moment one blocking write takes longer than
 * SLOW_SYNC_WRITE_MS (a slow USB stick, a network home folder), the pace
 * turns to the thread pool for the rest of the session, so the main process
 * never stalls twice. Only for files in Attune's own data folder: the sync
 * folder the person chose may hang on a network mount, and is never written
 * blocking.
 */
export const SLOW_SYNC_WRITE_MS = 15;

/**
 * O_DSYNC where it is a real one-call durable write: on Windows Node has no
 * O_DSYNC, and on macOS O_DSYNC, like fsync(2), stops at the drive's own
 * cache, which may reorder or lose it at power loss; Node's fsync there is
 * fcntl(F_FULLFSYNC) (libuv), so macOS takes the explicit fsync.
 */
export const dsyncFlag = (platform: NodeJS.Platform, oDsync: number | undefined): number | undefined =>
  typeof oDsync === 'number' && platform !== 'win32' && platform !== 'darwin' ? oDsync : undefined;

/**
 * Blocking durable writes fit where O_DSYNC does: elsewhere the flush is a
 * full-cache flush (F_FULLFSYNC, FlushFileBuffers) that can take tens of
 * milliseconds, which the main process must not wait out.
 */
export const blockingWritesFit = (platform: NodeJS.Platform, oDsync: number | undefined): boolean =>
  dsyncFlag(platform, oDsync) !== undefined;

export class WritePace {
  private slow: boolean;

  constructor(
    allowed: boolean,
    private readonly now: () => number = () => performance.now(),
    private readonly limitMs = SLOW_SYNC_WRITE_MS,
  ) {
    this.slow = !allowed;
  }

  /** Whether the next small write may block. */
  get blocking(): boolean {
    return !this.slow;
  }

  /** Runs one blocking write; one that takes longer than the limit, failed or not, ends blocking for the session. */
  time<T>(write: () => T): T {
    const started = this.now();
    try {
      return write();
    } finally {
      if (this.now() - started > this.limitMs) this.slow = true;
    }
  }
}
