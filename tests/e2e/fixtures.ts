import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { type Harness, startHarness } from '../harness/harness-server';

export const ARTIFACTS = join(import.meta.dirname, 'artifacts');

interface Fixtures {
  dataDir: string;
  harness: Harness;
  /** Console errors and CSP violations seen on the page; every test ends expecting none. */
  pageProblems: string[];
}

/** Each test gets its own real data directory and its own harness on a free port. */
export const test = base.extend<Fixtures>({
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'attune-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  harness: async ({ dataDir }, use) => {
    const harness = await startHarness({ dataDir });
    await use(harness);
    await harness.close();
  },
  pageProblems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await use(problems);
    expect(problems, 'console errors or CSP violations on the page').toEqual([]);
  },
});

export { expect };

/** axe-core (WCAG 2.2 A/AA rules): returns only serious and critical findings. */
export const seriousA11yViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
};

export const setColorScheme = (page: Page, scheme: 'light' | 'dark') => page.emulateMedia({ colorScheme: scheme });

export const screenshot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
