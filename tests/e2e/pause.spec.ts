import type { Page } from '@playwright/test';

import { openAppView } from './checkin-steps';
import { expect, screenshot, seriousA11yViolations, setColorScheme, test } from './fixtures';

/**
 * The pause window is 440×420 in the app (src/main/platform/window-options.ts), and that
 * size includes its title bar: the page itself gets about 40 px less. Tests use the page's size.
 */
const CONTENT = { width: 440, height: 380 };
test.use({ viewport: CONTENT });

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
    // Calm progress: a quiet line named in words, and no countdown or other numbers.
    await expect(page.getByRole('img', { name: 'Early in the pause' })).toBeVisible();
    expect(await page.getByRole('main').innerText()).not.toMatch(/\d/);
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

  test('reduced motion: the words change without animation, and the quiet line keeps still', async ({ page, harness }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openPause(page, harness.url);
    await page.getByRole('button', { name: 'Begin' }).click();
    const prompt = page.locator('.prompt');
    const fill = page.locator('.progress-fill');
    await expect(prompt).toBeVisible();
    expect(await prompt.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    expect(await fill.evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
    // Still until the words change (20 s per line in a two-minute pause): nothing has moved yet.
    expect(await fill.evaluate((el) => el.style.transform)).toBe('scaleX(0)');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await prompt.evaluate((el) => getComputedStyle(el).animationName)).not.toBe('none');
    // With motion allowed again, the line follows the clock and glides.
    await expect.poll(() => fill.evaluate((el) => el.style.transform)).not.toBe('scaleX(0)');
    expect(await fill.evaluate((el) => getComputedStyle(el).transitionDuration)).not.toBe('0s');
  });

  test('minutes left only when the person turns them on in Settings, and live', async ({ page, harness }) => {
    await openPause(page, harness.url);
    await page.getByRole('button', { name: 'Begin' }).click();
    await expect(page.getByRole('img', { name: 'Early in the pause' })).toBeVisible();
    await expect(page.getByText(/left$/)).toHaveCount(0);
    const saved = await page.evaluate(async () => {
      const current = await window.attune.settings.get();
      if (!current.ok) return current;
      return window.attune.settings.set({ pauses: { ...current.value.pauses, showTimeLeft: true } });
    });
    expect(saved.ok).toBe(true);
    // Two minutes chosen; "about" rounds, so a slow machine still reads 2 (or 1) — never seconds.
    await expect(page.getByText(/^About [12] minutes? left$/)).toBeVisible();
    expect(await page.getByRole('main').innerText()).not.toMatch(/\d:\d\d/);
  });

  test('"A short pause now?" from a window goes through the real scheduler to the pause window', async ({ page, harness }) => {
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

  /**
   * The heading, "Get help now" and the way on (Begin, or Stop and "This isn’t helping") are
   * wholly in view — at the real page size, and at 200% zoom (half the CSS pixels, each drawn
   * twice) — in light, dark and forced colours. The rest may scroll.
   */
  const colours = ['light', 'dark', 'forced'] as const;
  const useColours = async (page: Page, colour: (typeof colours)[number]) => {
    if (colour === 'forced') await page.emulateMedia({ forcedColors: 'active' });
    else await setColorScheme(page, colour);
  };
  const inView = async (page: Page, names: readonly string[]) => {
    await expect(page.getByRole('heading', { level: 1 })).toBeInViewport({ ratio: 1 });
    for (const name of names) await expect(page.getByRole('button', { name })).toBeInViewport({ ratio: 1 });
    // Up and down may scroll in the middle; sideways never (the length row once pushed it 3 px at 200%).
    const sideways = await page.evaluate(
      () =>
        [document.documentElement, ...document.querySelectorAll('main *')]
          .filter((el) => el === document.documentElement || ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
          .filter((el) => el.scrollWidth > el.clientWidth + 1).length,
    );
    expect(sideways, 'nothing scrolls sideways').toBe(0);
  };
  for (const zoom of [100, 200] as const) {
    test.describe(`at ${zoom}%`, () => {
      if (zoom === 200) test.use({ viewport: { width: CONTENT.width / 2, height: CONTENT.height / 2 }, deviceScaleFactor: 2 });
      for (const colour of colours) {
        test(`choosing (${colour}): Begin and Get help now in view, axe-clean`, async ({ page, harness }) => {
          await useColours(page, colour);
          await openPause(page, harness.url);
          await inView(page, ['Get help now', 'Begin', 'Close']);
          await screenshot(page, `pause-choose-${zoom}-${colour}`);
          expect(await seriousA11yViolations(page)).toEqual([]);
        });

        test(`running (${colour}): Stop, "This isn’t helping" and Get help now in view, axe-clean`, async ({ page, harness }) => {
          await useColours(page, colour);
          await openPause(page, harness.url);
          await begin(page);
          await inView(page, ['Get help now', 'Stop', 'This isn’t helping']);
          await expect(page.getByRole('img', { name: 'Early in the pause' })).toBeVisible();
          await screenshot(page, `pause-running-${zoom}-${colour}`);
          expect(await seriousA11yViolations(page)).toEqual([]);
        });
      }
    });
  }
});
