import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test as base } from '@playwright/test';

import { useEnglishNow } from '../../src/shared/i18n/english-now';
import { type Harness, startHarness } from '../harness/harness-server';
import { type Desktop, openDesktop } from './desktop';
import { electronBinary } from './electron-skip-reason';
import { type AttuneDriver, type Launch, launchOnHarness } from './journeys/attune-driver';
import { launchOnElectron } from './journeys/electron-driver';

// The specs read Attune's words to find what a person would see (English, as the windows show it by default).
useEnglishNow();

export const ARTIFACTS = join(import.meta.dirname, 'artifacts');

export interface Fixtures {
  dataDir: string;
  harness: Harness;
  /** Attune's windows as pages at their real sizes, following what the app opens and closes. */
  desktop: Desktop;
  /** Console errors and CSP violations seen on any page of the test; every test ends expecting none. */
  pageProblems: string[];
  /** Page problems a test causes on purpose (the CSP test injects inline code), matched and let through. */
  expectedPageProblems: RegExp[];
  /** What the journeys run on: the browser harness, or the real Electron app (the electron project). */
  runsOn: 'harness' | 'electron';
  /** Starts Attune on the project's driver; every Attune started is closed after the test. */
  launch: Launch;
  /** Attune on a fresh data directory, started on the project's driver (a first run). */
  attune: AttuneDriver;
}

/** Each test gets its own real data directory and its own harness on a free port. */
export const test = base.extend<Fixtures>({
  expectedPageProblems: [[], { option: true }],
  runsOn: ['harness', { option: true }],
  launch: async ({ context, runsOn, pageProblems, expectedPageProblems }, use) => {
    const note = (text: string) => {
      if (!expectedPageProblems.some((expected) => expected.test(text))) pageProblems.push(text);
    };
    const start = runsOn === 'electron' && electronBinary !== null ? launchOnElectron(electronBinary, note) : launchOnHarness(context);
    const started: AttuneDriver[] = [];
    await use(async (options) => {
      const driver = await start(options);
      started.push(driver);
      return driver;
    });
    for (const driver of started.reverse()) await driver.close();
  },
  attune: async ({ launch, dataDir }, use) => {
    await use(await launch({ dataDir }));
  },
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
  desktop: async ({ context, harness }, use) => {
    const desktop = await openDesktop(context, harness);
    await use(desktop);
    await desktop.dispose();
  },
  // Automatic: every test, on every page of its browser context, fails on a console error,
  // an uncaught page error or a CSP violation it did not ask for.
  pageProblems: [
    async ({ context, expectedPageProblems }, use) => {
      const problems: string[] = [];
      const note = (text: string) => {
        if (!expectedPageProblems.some((expected) => expected.test(text))) problems.push(text);
      };
      context.on('console', (message) => {
        if (message.type() === 'error') note(message.text());
      });
      // Some refusals (a caught eval probe, say) print nothing to the console; the page's own
      // violation event still fires. Only the page's code counts: the test tool evaluates from nowhere.
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          if (e.sourceFile.startsWith(location.origin)) {
            console.error(
              `Content Security Policy violation: ${e.effectiveDirective} refused ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`,
            );
          }
        });
      });
      context.on('weberror', (error) => note(error.error().message));
      await use(problems);
      expect(problems, 'console errors or CSP violations on the page').toEqual([]);
    },
    { auto: true },
  ],
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
