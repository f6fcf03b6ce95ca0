import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startHarness } from '../tests/harness/harness-server';
import { type BenchRow, percentile } from './bench-row';
import { launchChromium } from './browser';

/**
 * The popover as a person meets it: from navigation to the first question
 * being on screen with focus, in Debian's Chromium against the harness (the
 * built renderer, real handlers). The same-run baseline is a page with nothing
 * but an empty body from the same server. Needs `npm run build` first.
 */
const RUNS = 15;

export default async function popover(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-bench-popover-'));
  const harness = await startHarness({ dataDir });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 380, height: 580 } });
    const measure = async (url: string, ready: () => Promise<unknown>): Promise<number> => {
      await page.goto('about:blank');
      const start = performance.now();
      await page.goto(url);
      await ready();
      return performance.now() - start;
    };
    const popoverTimes: number[] = [];
    const blankTimes: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      blankTimes.push(await measure(`${harness.url}/favicon.svg`, () => page.waitForLoadState('load')));
      popoverTimes.push(
        await measure(`${harness.url}/#popover`, () =>
          // A locator, not a page function: the page's CSP forbids eval, and a locator needs no DOM types here.
          page.locator('h1:focus', { hasText: 'right now' }).waitFor(),
        ),
      );
    }
    popoverTimes.sort((a, b) => a - b);
    blankTimes.sort((a, b) => a - b);
    const p50 = percentile(popoverTimes, 50);
    const blank = percentile(blankTimes, 50);
    return [
      {
        group: 'popover',
        name: 'time to interactive (question shown, focused), p50',
        value: Number(p50.toFixed(1)),
        unit: 'ms',
        target: '≤ 200 ms',
        meets: p50 <= 200,
        ratio: { value: p50 / blank, against: 'a bare file from the same server' },
      },
      { group: 'popover', name: 'time to interactive, p95', value: Number(percentile(popoverTimes, 95).toFixed(1)), unit: 'ms' },
      { group: 'baseline', name: 'bare file load, p50', value: Number(blank.toFixed(1)), unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await harness.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
