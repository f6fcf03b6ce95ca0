/**
 * Runs async tasks one at a time, in call order. The vault puts every
 * operation that touches files or the key through one (two appends never
 * interleave their writes, a lock never zeroes the key under an append in
 * flight, parallel unlocks cannot race past the throttle); settings writes
 * and the pause driver's event handling each have one too.
 *
 * A failed task does not stop the queue: the next one still runs. The
 * failure goes to the caller of `run`, who decides what it means (the vault
 * and settings pass it on, the pause driver logs it and carries on).
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    // The next task waits for this one to settle, whether it failed or not; the caller still sees the failure.
    const settled = (): void => undefined;
    this.tail = result.then(settled, settled);
    return result;
  }

  /** Resolves once everything queued so far has settled; never rejects. The same promise until something new is queued. */
  idle(): Promise<void> {
    return this.tail;
  }

  /** Resolves once the queue is empty and stays so: tasks queued while waiting (say, by a task) are waited for too. */
  async drained(): Promise<void> {
    let waited: Promise<void>;
    do {
      waited = this.idle();
      await waited;
    } while (waited !== this.idle());
  }
}
