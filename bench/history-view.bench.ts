import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { generateHistory } from '../src/main/insights/testing/history-generator';
import { startHarness } from '../tests/harness/harness-server';
import { type BenchRow, percentile } from './bench-row';
import { launchChromium, OBSERVE_LONG_TASKS } from './browser';

/**
 * History with 10,000 entries, as a person scrolls it: time to the first
 * entries, then scrolling down through 3,000 entries (pages load as the end
 * comes into view), with the longest main-thread task seen while scrolling
 * (over 50 ms is a dropped frame a person could feel). Baseline in the same
 * run: the same scroll through a history of 300 entries. CSS locators, not role
 * queries: Playwright computes roles in the page, which would add its own long tasks.
 */
const DAY_MS = 86_400_000;
const SCROLL_TO = 3000;

const run = async (entries: number) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-bench-history-'));
  const harness = await startHarness({ dataDir });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 880, height: 660 } });
    await page.goto(`${harness.url}/#app/help`);
    await page.evaluate("window.attune.vault.setup({ useKeychain: false, passphrase: 'a long quiet river', createRecoveryKey: false })");
    await harness.seedHistory(generateHistory({ entries, seed: 11, end: Math.floor(Date.now() / DAY_MS) * DAY_MS }));
    await page.addInitScript(OBSERVE_LONG_TASKS);
    await page.goto('about:blank');
    const start = performance.now();
    await page.goto(`${harness.url}/#app/history`);
    await page.locator('article').first().waitFor();
    const firstEntries = performance.now() - start;
    const target = Math.min(SCROLL_TO, Math.floor(entries * 0.6));
    const scrollStart = performance.now();
    const pageTimes: number[] = [];
    for (let loaded = await page.locator('article').count(); loaded < target;) {
      const before = performance.now();
      await page.locator('main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
      // 'attached': off-screen days use content-visibility, so Playwright would not call them visible.
      await page.locator('article').nth(loaded).waitFor({ state: 'attached' });
      pageTimes.push(performance.now() - before);
      loaded = await page.locator('article').count();
    }
    const scrolled = performance.now() - scrollStart;
    const longest = Number(await page.evaluate('Math.max(0, ...window.__longTasks)'));
    pageTimes.sort((a, b) => a - b);
    return { firstEntries, scrolled, target, longest, pageP50: percentile(pageTimes, 50), pages: pageTimes.length };
  } finally {
    await browser.close();
    await harness.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

export default async function historyView(): Promise<BenchRow[]> {
  const small = await run(300);
  const large = await run(10_000);
  return [
    {
      group: 'historyView',
      name: 'open with 10000 entries → first entries shown',
      value: Number(large.firstEntries.toFixed(1)),
      unit: 'ms',
      ratio: { value: large.firstEntries / small.firstEntries, against: 'the same with 300 entries' },
    },
    {
      group: 'historyView',
      name: `scroll through ${large.target} of 10000 entries: next page shown, p50`,
      value: Number(large.pageP50.toFixed(1)),
      unit: 'ms',
      ratio: { value: large.pageP50 / small.pageP50, against: 'paging a 300-entry history' },
    },
    {
      group: 'historyView',
      name: `longest main-thread task while scrolling (${large.pages} pages)`,
      value: Math.round(large.longest),
      unit: 'ms',
      target: 'no task > 50 ms',
      meets: large.longest <= 50,
    },
    { group: 'baseline', name: 'history of 300: first entries shown', value: Number(small.firstEntries.toFixed(1)), unit: 'ms' },
    { group: 'baseline', name: 'history of 300: next page shown, p50', value: Number(small.pageP50.toFixed(1)), unit: 'ms' },
  ];
}
