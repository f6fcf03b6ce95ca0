import type { Page } from '@playwright/test';

import { openAppView, setUpVault } from './checkin-steps';
import { expect, screenshot, test } from './fixtures';

/**
 * One time format in a window: History's cards and Settings' next-pause line
 * write times the same way, by the browser's locale (12-hour in en-US,
 * 24-hour in en-GB and de). The walk saw 14:31 in the follow-up beside
 * 03:34 PM in Settings, in one locale.
 */
const TWELVE_HOUR = /^(1[0-2]|[1-9]):\d{2}\s(AM|PM)$/; // no leading zero: "03:34 PM" was the walk's find
const TWENTY_FOUR_HOUR = /^\d{1,2}:\d{2}$/;

const timesShown = async (page: Page, url: string): Promise<{ card: string; nextPause: string }> => {
  await page.setViewportSize({ width: 880, height: 660 });
  await page.goto(`${url}/#app/history`);
  await setUpVault(page);
  const appended = await page.evaluate(() =>
    window.attune.vault.append({ kind: 'check-in', data: { states: ['freeze'], needs: ['rest'] } }),
  );
  expect(appended.ok).toBe(true);
  // Pauses every day, all day: Settings then names the next one's time.
  const saved = await page.evaluate(async () => {
    const current = await window.attune.settings.get();
    if (!current.ok) return current;
    const pauses = {
      ...current.value.pauses,
      enabled: true,
      activeDays: [0, 1, 2, 3, 4, 5, 6] as (0 | 1 | 2 | 3 | 4 | 5 | 6)[],
      activeHours: { startMinute: 0, endMinute: 1440 },
    };
    return window.attune.settings.set({ pauses });
  });
  expect(saved.ok).toBe(true);

  await openAppView(page, url, 'history');
  const del = page.getByRole('button', { name: /^Delete the check-in at / });
  await expect(del).toBeVisible();
  const card = ((await del.getAttribute('aria-label')) ?? (await del.innerText())).replace(/^Delete the check-in at /, '');

  await openAppView(page, url, 'settings');
  const line = page.getByText(/^Next pause: /);
  await expect(line).toBeVisible();
  const nextPause = (await line.innerText()).replace(/^Next pause: (\w+ at )?/, '').replace(/\.$/, '');
  return { card, nextPause };
};

test.describe('en-US', () => {
  test.use({ locale: 'en-US' });
  test('History and Settings both use the 12-hour clock', async ({ page, harness }) => {
    const { card, nextPause } = await timesShown(page, harness.url);
    expect(card).toMatch(TWELVE_HOUR);
    expect(nextPause).toMatch(TWELVE_HOUR);
    await screenshot(page, 'time-format-settings-en-us');
  });
});

test.describe('en-GB', () => {
  test.use({ locale: 'en-GB' });
  test('History and Settings both use the 24-hour clock', async ({ page, harness }) => {
    const { card, nextPause } = await timesShown(page, harness.url);
    expect(card).toMatch(TWENTY_FOUR_HOUR);
    expect(nextPause).toMatch(TWENTY_FOUR_HOUR);
  });
});
