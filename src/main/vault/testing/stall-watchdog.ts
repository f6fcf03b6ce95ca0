/**
 * The kill -9 loops start a fresh Node child for every kill, so how long they
 * take depends on how much CPU the machine gives them: ~20 s for 200 kills on
 * an idle 2-core machine, past two minutes beside a CPU hog (npm run test:busy)
 * and the rest of the suite. A fixed total time failed loops that were working.
 * Instead a loop fails when it stops making progress — no kill finished for
 * `stallMs` — and the test's own timeout is only a far backstop.
 */
export const KILL_LOOP_BACKSTOP_MS = 20 * 60_000;
export const KILL_LOOP_STALL_MS = 60_000;

/** Runs `loop`, handing it an onProgress to call after each kill; rejects if none comes for `stallMs`. */
export const failIfStalled = <T>(
  loop: (onProgress: (done: number) => void) => Promise<T>,
  stallMs: number = KILL_LOOP_STALL_MS,
): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    let done = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => reject(new Error(`the kill loop made no progress for ${stallMs / 1000} s (after ${done} kills)`)), stallMs);
    };
    arm();
    loop((count) => {
      done = count;
      arm();
    }).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
