import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { failIfStalled } from './stall-watchdog';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('failIfStalled', () => {
  it('lets a slow loop finish as long as each step comes within the stall time', async () => {
    const outcome = failIfStalled(async (onProgress) => {
      for (let i = 1; i <= 5; i += 1) {
        await vi.advanceTimersByTimeAsync(900);
        onProgress(i);
      }
      return 'done';
    }, 1_000);
    await expect(outcome).resolves.toBe('done');
  });

  it('fails a loop that stops making progress, saying after how many kills', async () => {
    let stuck: () => void = () => undefined;
    const outcome = failIfStalled(async (onProgress) => {
      onProgress(1);
      onProgress(2);
      await new Promise<void>((resolve) => (stuck = resolve));
    }, 1_000);
    const caught = outcome.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await caught).toEqual(new Error('the kill loop made no progress for 1 s (after 2 kills)'));
    stuck();
  });

  it('passes the loop’s own failure on as it is', async () => {
    const failure = new Error('kill 7: 1 acknowledged entries missing');
    await expect(failIfStalled(() => Promise.reject(failure), 1_000)).rejects.toBe(failure);
  });
});
