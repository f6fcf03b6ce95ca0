import type { Page, Request } from '@playwright/test';
import fc from 'fast-check';

/**
 * What every model-based UI test shares: how runs are seeded and replayed,
 * how a step waits for the page to be done, and the page's own complaints.
 *
 * Replaying a failure (fast-check prints the seed, the path and the shrunk
 * sequence of commands when a property fails; the error's first line repeats
 * them as environment variables):
 *
 *   ATTUNE_MODEL_SEED=<seed> npx playwright test tests/e2e/model -g '<test title>'
 *     runs the same sequences again: generation is a pure function of the seed,
 *     and the page is driven one step at a time with its clock paused, so a run
 *     does the same thing again.
 *   ATTUNE_MODEL_SEED=<seed> ATTUNE_MODEL_PATH=<path> ATTUNE_MODEL_REPLAY=<replayPath> …
 *     jumps straight to the shrunk counterexample (fast-check's `path`, and the
 *     commands' `replayPath` printed inside the counterexample).
 *   ATTUNE_MODEL_RUNS=<n> overrides how many sequences each test runs.
 *   ATTUNE_MODEL_SHRINK_MS=<ms> gives shrinking more (or less) time than the default.
 */
const int = (value: string | undefined): number | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new Error(`expected an integer, got ${value}`);
  return parsed;
};

/**
 * CI runs one fixed set of sequences (a submission must not fail on a sequence no one has seen run);
 * every other run, including a developer's `npm test`, takes a fresh seed and explores further.
 */
export const CI_MODEL_SEED = 20_261_203;

export const modelEnv = {
  seed: int(process.env.ATTUNE_MODEL_SEED) ?? (process.env.CI ? CI_MODEL_SEED : undefined),
  path: process.env.ATTUNE_MODEL_PATH || undefined,
  replayPath: process.env.ATTUNE_MODEL_REPLAY || undefined,
  runs: int(process.env.ATTUNE_MODEL_RUNS),
  /** Shrinking stops trying new candidates this long after the first failure (the best found so far is reported). */
  shrinkMs: int(process.env.ATTUNE_MODEL_SHRINK_MS) ?? 120_000,
  /** ATTUNE_MODEL_LOG=1 prints every step as it runs (to see what the sequences do). */
  log: process.env.ATTUNE_MODEL_LOG === '1',
};

export const logStep = (text: string): void => {
  if (modelEnv.log) console.log(text);
};

/** How often each screen was reached, for ATTUNE_MODEL_LOG=1 (does a batch really get deep into the flow?). */
export class Coverage {
  private readonly seen = new Map<string, number>();
  count(what: string): void {
    this.seen.set(what, (this.seen.get(what) ?? 0) + 1);
  }
  print(title: string): void {
    logStep(`${title}: ${[...this.seen].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
}

/**
 * Up to 60 commands are generated; those whose precondition does not hold on
 * the model at that point are left out, and a sequence stops after MAX_STEPS
 * steps have run, so most sequences run about 5–15 steps.
 */
export const MAX_COMMANDS = 60;

/** A step's own actions never wait longer than this (Playwright would otherwise wait until the test times out). */
export const ACTION_TIMEOUT_MS = 10_000;
export const MAX_STEPS = 15;

/**
 * Follows a page's requests (the bridge's calls, lazily loaded chunks) and its
 * complaints: console errors, uncaught exceptions and CSP violations (Chromium
 * reports those as console errors).
 */
export class PageWatch {
  private inflight = new Set<Request>();
  private started = 0;
  readonly problems: string[] = [];

  constructor(readonly page: Page) {
    page.on('request', (request) => {
      if (request.url().includes('/__harness/events')) return;
      this.inflight.add(request);
      this.started += 1;
    });
    const done = (request: Request) => this.inflight.delete(request);
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
  }

  /** Forgets requests of a page that was navigated away from (their events may never come). */
  reset(): void {
    this.inflight.clear();
  }

  /**
   * Waits until the page has nothing left to do for this step: no request on
   * its way, no new one started, and nothing still scrolling (keys scroll with
   * an animation that runs on its own frames) across two turns of the page's
   * event loop (a MessageChannel turn: the page's timers are paused, see
   * `pauseClock`). Never a fixed sleep, so a slow machine only makes it slower, not flaky.
   */
  async settle(limitMs = 30_000): Promise<void> {
    const until = Date.now() + limitMs;
    let quiet = 0;
    let lastScroll = '';
    while (quiet < 2) {
      if (Date.now() > until) throw new Error(`the page did not settle within ${limitMs} ms (${this.inflight.size} requests open)`);
      const before = this.started;
      if (this.inflight.size > 0) {
        quiet = 0;
        await new Promise((done) => setTimeout(done, 5));
        continue;
      }
      const scroll = await this.page.evaluate(
        () =>
          new Promise<string>((done) => {
            const channel = new MessageChannel();
            let turns = 0;
            const positions = () =>
              [document.scrollingElement, ...document.querySelectorAll('*')]
                .filter((el): el is Element => el !== null && (el.scrollTop !== 0 || el.scrollLeft !== 0))
                .map((el) => `${el.scrollTop},${el.scrollLeft}`)
                .join(';');
            channel.port1.onmessage = () => (++turns < 3 ? channel.port2.postMessage(0) : done(positions()));
            channel.port2.postMessage(0);
          }),
      );
      const still = scroll === lastScroll;
      lastScroll = scroll;
      if (!still) await new Promise((done) => setTimeout(done, 16));
      quiet = this.inflight.size === 0 && this.started === before && still ? quiet + 1 : 0;
    }
  }
}

/**
 * The page's timers stand still unless a command lets time pass (`page.clock.runFor`),
 * so "Noted." closing itself after a moment, or an undo running out, happen at a
 * step of the sequence — the same step every time the seed is replayed.
 */
const fakeNow = new WeakMap<Page, number>();
export const pauseClock = async (page: Page): Promise<void> => {
  // Always forward: the page's fake time only ever moves on (pauseAt cannot go back).
  const at = Math.max(Date.now(), fakeNow.get(page) ?? 0) + 60_000;
  fakeNow.set(page, at);
  await page.clock.pauseAt(at);
};

/** Lets `ms` of the page's time pass: its due timers run, in order. */
export const letTimePass = async (page: Page, ms: number): Promise<void> => {
  fakeNow.set(page, (fakeNow.get(page) ?? Date.now()) + ms);
  await page.clock.runFor(ms);
};

/** Loads a route fresh (a hash-only change would not reload the page). */
export const loadFresh = async (page: Page, watch: PageWatch, url: string): Promise<void> => {
  watch.reset();
  if (page.url() === url) await page.reload();
  else {
    // Via a blank page: from another route of the same page, goto would only change the hash.
    if (page.url() !== 'about:blank') await page.goto('about:blank');
    await page.goto(url);
  }
  await pauseClock(page);
  await watch.settle();
};

export interface ModelTestOptions<Model extends object, Real, Start> {
  /** How many sequences (overridden by ATTUNE_MODEL_RUNS). */
  numRuns: number;
  /** Where a sequence starts (generated and shrunk with it), e.g. which section and what history. */
  start: fc.Arbitrary<Start>;
  commands: fc.Arbitrary<fc.AsyncCommand<Model, Real>>[];
  /** A fresh start for one sequence; `dirty` says the previous sequence failed (start from nothing). */
  setup: (start: Start, dirty: boolean) => Promise<{ model: Model; real: Real }>;
  /** The invariants, checked once before the first command (the commands check after every step). */
  checkStart: (model: Model, real: Real) => Promise<void>;
}

/**
 * Runs random sequences of commands with `fc.asyncModelRun`, shrinking a
 * failure to a short sequence. Every command checks the invariants after its
 * step, so the counterexample ends at the first step that broke one.
 */
export const assertModel = async <Model extends object, Real, Start>(options: ModelTestOptions<Model, Real, Start>): Promise<void> => {
  let dirty = false;
  let firstFailureAt: number | null = null;
  const property = fc.asyncProperty(
    options.start,
    fc.commands(options.commands, {
      maxCommands: MAX_COMMANDS,
      size: 'max',
      ...(modelEnv.replayPath ? { replayPath: modelEnv.replayPath } : {}),
    }),
    async (start, commands) => {
      // Shrinking has had its time: the candidates left count as "not tried", so the best so far is reported.
      fc.pre(firstFailureAt === null || Date.now() - firstFailureAt < modelEnv.shrinkMs);
      try {
        await fc.asyncModelRun(async () => {
          logStep(`--- new sequence (${[...commands].length} commands generated)`);
          const started = await options.setup(start, dirty);
          dirty = false;
          await options.checkStart(started.model, started.real);
          return started;
        }, commands);
      } catch (error) {
        dirty = true;
        firstFailureAt ??= Date.now();
        throw error;
      }
    },
  );
  try {
    await fc.assert(property, {
      numRuns: modelEnv.runs ?? options.numRuns,
      ...(modelEnv.seed !== undefined ? { seed: modelEnv.seed } : {}),
      ...(modelEnv.path !== undefined ? { path: modelEnv.path } : {}),
      includeErrorInReport: true,
      // Uniform lengths and choices: a biased run would mostly try sequences of one or two steps.
      plugins: [fc.unbiased()],
    });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const seed = /seed: (-?\d+)/.exec(text)?.[1];
    const path = /path: "([^"]*)"/.exec(text)?.[1];
    const replay = /replayPath="([^"]*)"/.exec(text)?.[1];
    const line = `Replay: ATTUNE_MODEL_SEED=${seed ?? '?'} ATTUNE_MODEL_PATH=${path ?? '?'}${replay ? ` ATTUNE_MODEL_REPLAY='${replay}'` : ''}`;
    throw new Error(`${line}\n${text}`, { cause: error });
  }
};

/** One failed invariant: which one, and what was seen. */
export class InvariantError extends Error {
  constructor(invariant: string, detail: string) {
    super(`invariant ${invariant}: ${detail}`);
    this.name = 'InvariantError';
  }
}

export const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
