import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium for the browser benches, with the same flags as the e2e
 * tests (no background networking: this machine has none, and Attune never uses any).
 */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

/**
 * Run in the page before the app (as an init script): records every main-thread
 * task over 50 ms in `window.__longTasks`. A string, so Node-typed bench files
 * need no DOM types.
 */
export const OBSERVE_LONG_TASKS = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
})()`;
