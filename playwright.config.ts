import { defineConfig } from '@playwright/test';

import { electronBinary } from './tests/e2e/electron-skip-reason';
import type { Fixtures } from './tests/e2e/fixtures';

/**
 * Browser end-to-end tests: the built renderer in Debian's Chromium, served by
 * the harness (tests/harness). Never `npx playwright install`: there is no
 * browser download on these machines.
 */
export default defineConfig<Pick<Fixtures, 'runsOn'>>({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list']],
  // Sized for a loaded 2-core CI machine (npm run test:busy): a wait ends on a positive signal,
  // so a longer limit costs nothing when the machine is idle. Never retries.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  projects: [
    // Random, seeded sequences of what people do, with the invariants a person relies on (tests/e2e/model).
    // First: its six tests take 1–2.5 min each, and started last they left one worker idle at the end.
    { name: 'model', testMatch: ['**/model/**/*.spec.ts'] },
    // Everything in the browser, against the harness (which runs the real composition root on stand-in ports).
    { name: 'e2e', testIgnore: ['**/model/**', 'electron-app.spec.ts'] },
    // The same journeys on the real Electron app, where a binary exists (global set-up builds out-e2e for it);
    // elsewhere the project is left out and the set-up says so in one line.
    ...(electronBinary === null
      ? []
      : [{ name: 'electron', testMatch: ['**/journeys/**/*.spec.ts', 'electron-app.spec.ts'], use: { runsOn: 'electron' as const } }]),
  ],
  use: {
    browserName: 'chromium',
    viewport: { width: 380, height: 580 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
});
