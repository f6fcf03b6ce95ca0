import { describe, expect, test } from 'vitest';

import { SerialQueue } from './serial-queue';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('SerialQueue', () => {
  test('runs tasks one at a time, in call order, each after the previous has finished', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([queue.run(task('a')), queue.run(task('b')), queue.run(task('c'))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  test('a failed task rejects for its caller only; the next task still runs', async () => {
    const queue = new SerialQueue();
    const failed = queue.run(async () => {
      throw new Error('no space');
    });
    const next = queue.run(async () => 'ran');
    await expect(failed).rejects.toThrow('no space');
    await expect(next).resolves.toBe('ran');
    await expect(queue.idle()).resolves.toBeUndefined();
  });

  test('idle waits for what is queued, and is the same promise until something new is queued', async () => {
    const queue = new SerialQueue();
    let done = false;
    void queue.run(async () => {
      await tick();
      done = true;
    });
    const idle = queue.idle();
    expect(queue.idle()).toBe(idle);
    await idle;
    expect(done).toBe(true);
    expect(queue.idle()).toBe(idle);
    void queue.run(async () => undefined);
    expect(queue.idle()).not.toBe(idle);
  });

  test('drained waits for a queue that refills itself until it is really empty; idle does not', async () => {
    const queue = new SerialQueue();
    const ran: number[] = [];
    const enqueue = (n: number): void =>
      void queue.run(async () => {
        ran.push(n);
        // Each task queues the next, as a timer firing inside a task would.
        if (n < 3) setTimeout(() => enqueue(n + 1), 0);
        await tick();
      });
    enqueue(1);
    await queue.idle();
    expect(ran).toEqual([1]);
    await queue.drained();
    expect(ran).toEqual([1, 2, 3]);
  });
});
