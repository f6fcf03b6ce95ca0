import { openAppView } from './checkin-steps';
import { expect, screenshot, seriousA11yViolations, test } from './fixtures';

test.use({ viewport: { width: 880, height: 660 } });

/** Before the first check-in there is no history to unlock: History and Insights say so calmly. */
test('before any set-up, History and Insights say there is nothing yet (not “locked”), without pressure', async ({ page, harness }) => {
  await openAppView(page, harness.url, 'history');
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No history yet' })).toBeVisible();
  await expect(page.getByText('Your history starts with your first check-in.', { exact: false })).toBeVisible();
  await expect(page.getByText(/locked/i)).toHaveCount(0);
  await screenshot(page, 'history-not-set-up');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Check in now' }).click();
  await expect.poll(() => harness.uiActions).toContain('openView:check-in');

  await openAppView(page, harness.url, 'insights');
  await expect(page.getByRole('heading', { name: 'Nothing here yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await expect(page.getByText(/locked|not set up/i)).toHaveCount(0);
  await screenshot(page, 'insights-not-set-up');
  expect(await seriousA11yViolations(page)).toEqual([]);
  // What helps before set-up is a check-in, not a retry.
  await page.getByRole('button', { name: 'Check in now' }).click();
  await expect.poll(() => harness.uiActions.filter((action) => action === 'openView:check-in').length).toBe(2);
});

/** Insights before set-up in every look: the heading and the one thing that helps (Check in now) stay in reach. */
test.describe('Insights before set-up, in every look', () => {
  test.slow();
  for (const look of ['dark', 'forced-light', 'forced-dark'] as const) {
    test(`${look}: heading and Check in now, axe clean`, async ({ page, harness }) => {
      const scheme = look.endsWith('dark') ? 'dark' : 'light';
      await page.emulateMedia({ colorScheme: scheme, forcedColors: look.startsWith('forced') ? 'active' : 'none' });
      await openAppView(page, harness.url, 'insights');
      await expect(page.getByRole('heading', { name: 'Nothing here yet' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Check in now' })).toBeVisible();
      await screenshot(page, `insights-not-set-up-${look}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  }

  test.describe('at 200%', () => {
    test.use({ viewport: { width: 440, height: 330 }, deviceScaleFactor: 2 });
    test('heading in view; Check in now reachable by scrolling', async ({ page, harness }) => {
      await openAppView(page, harness.url, 'insights');
      await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeInViewport();
      const action = page.getByRole('button', { name: 'Check in now' });
      await action.scrollIntoViewIfNeeded();
      await expect(action).toBeInViewport({ ratio: 1 });
      await screenshot(page, 'insights-not-set-up-200');
    });
  });
});
