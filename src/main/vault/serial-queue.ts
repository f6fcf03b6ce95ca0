/**
 * Runs async tasks one at a time, in call order. Every vault operation that
 * touches files or the key goes through one queue, so two appends can never
 * interleave their writes, a lock never zeroes the key under an append in
 * flight, and parallel unlock attempts cannot race past the throttle.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    // The next task waits for this one to settle, whether it failed or not; the caller still sees the failure.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once everything queued so far has settled. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
