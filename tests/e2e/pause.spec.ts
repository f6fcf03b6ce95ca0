import type { Page } from '@playwright/test';

import { openAppView } from './checkin-steps';
import { expect, screenshot, seriousA11yViolations, setColorScheme, test } from './fixtures';

/** The pause window (440×420 in the app), through the harness. */
test.use({ viewport: { width: 440, height: 420 } });

const openPause = async (page: Page, url: string) => {
  await page.goto('about:blank');
  await page.goto(`${url}/#pause`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A short pause');
};

test.describe('pause window', () => {
  test('keyboard only: choose, begin, "This isn’t helping", another exercise, Stop, Esc', async ({ page, harness, pageProblems }) => {
    await openPause(page, harness.url);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('radio', { name: 'Look around' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('button', { name: 'Get help now' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'Feel what holds you up' })).toBeChecked();
    // Tab on to Begin (past the length select and Close).
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Begin' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Feel what holds you up');
    await expect(page.getByText('Feel your feet on the floor.')).toBeVisible();
    // Counting down from the chosen two minutes (a loaded machine may take a few seconds to get here).
    await expect(page.getByText(/^(2:00|1:[3-5]\d) left$/)).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'This isn’t helping' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('That’s okay.');
    await page.getByRole('button', { name: /Try “Sounds near and far”/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sounds near and far');
    await page.getByRole('button', { name: 'Stop' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stopped.');
    await page.keyboard.press('Escape');
    await expect.poll(() => harness.uiActions).toContain('closeWindow:pause');
    expect(pageProblems).toEqual([]);
  });

  test('Get help now is one click away', async ({ page, harness }) => {
    await openPause(page, harness.url);
    await page.getByRole('button', { name: 'Get help now' }).click();
    await expect.poll(() => harness.uiActions).toContain('openView:help');
  });

  test('reduced motion: the words change without animation, and the time is plain text', async ({ page, harness }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openPause(page, harness.url);
    await page.getByRole('button', { name: 'Begin' }).click();
    const prompt = page.locator('.prompt');
    await expect(prompt).toBeVisible();
    expect(await prompt.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await prompt.evaluate((el) => getComputedStyle(el).animationName)).not.toBe('none');
  });

  test('"Take a pause now" from a window goes through the real scheduler to the pause window', async ({ page, harness }) => {
    await openAppView(page, harness.url, 'history');
    const result = await page.evaluate(() => window.attune.pauses.startNow());
    expect(result.ok).toBe(true);
    await expect.poll(() => harness.uiActions).toContain('openPause');
  });

  // One test per screen and scheme: the three in one test took most of the 30 s timeout on a loaded 2-core machine.
  const begin = async (page: Page) => {
    await page.getByRole('button', { name: 'Begin' }).click();
    // Let the gentle fade-in of the first line finish before judging contrast.
    await page.locator('.prompt').evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
  };
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe-clean and screenshotted (${scheme}): choosing`, async ({ page, harness }) => {
      await setColorScheme(page, scheme);
      await openPause(page, harness.url);
      await screenshot(page, `pause-choose-${scheme}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    test(`axe-clean and screenshotted (${scheme}): running`, async ({ page, harness }) => {
      await setColorScheme(page, scheme);
      await openPause(page, harness.url);
      await begin(page);
      await screenshot(page, `pause-running-${scheme}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    test(`axe-clean and screenshotted (${scheme}): after "This isn’t helping"`, async ({ page, harness }) => {
      await setColorScheme(page, scheme);
      await openPause(page, harness.url);
      await begin(page);
      await page.getByRole('button', { name: 'This isn’t helping' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('That’s okay.');
      await screenshot(page, `pause-not-helping-${scheme}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  }
});
