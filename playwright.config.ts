import { defineConfig } from '@playwright/test';

/**
 * Browser end-to-end tests: the built renderer in Debian's Chromium, served by
 * the harness (tests/harness). Never `npx playwright install`: there is no
 * browser download on these machines.
 */
export default defineConfig({
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
    { name: 'e2e', testIgnore: ['**/model/**'] },
    // The model-based UI tests (random seeded sequences) run on their own, `npm run test:model`, until the two
    // findings they still report (see tests/e2e/model/README.md) are fixed; then they rejoin npm test.
    { name: 'model', testMatch: ['**/model/**/*.spec.ts'] },
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
