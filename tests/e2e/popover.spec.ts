import type { Locator } from '@playwright/test';

import { expect, screenshot, seriousA11yViolations, setColorScheme, test } from './fixtures';

/** Wholly inside the window without scrolling anything. */
const fullyInView = async (locator: Locator) => {
  await expect(locator).toBeInViewport({ ratio: 1 });
  expect(await locator.evaluate((el) => el.closest('.content')?.scrollTop ?? 0)).toBe(0);
};

test.describe('popover prompt', () => {
  test('renders the question, is keyboard-reachable, and Esc asks main to close it', async ({ page, harness, pageProblems }) => {
    await page.goto(`${harness.url}/#popover`);
    const question = page.getByRole('heading', { level: 1 });
    await expect(question).toHaveText('What is here right now?');
    // Focus starts on the screen's heading, and Tab reaches a real control.
    await expect(question).toBeFocused();
    await page.keyboard.press('Tab');
    const focusedTag = await page.evaluate(() => document.activeElement?.tagName);
    expect(['BUTTON', 'INPUT']).toContain(focusedTag);

    await page.keyboard.press('Escape');
    await expect.poll(() => harness.calls).toContain('ui.closePopover');
    // Start-up (a first run) opened the welcome; Esc added exactly one thing: hide the popover.
    expect(harness.uiActions).toEqual(['openView:welcome', 'hidePopover']);
    expect(pageProblems).toEqual([]);
  });

  test('the first screen fits 380×580: the seven states, the way on, help and Close, with no scrolling', async ({ page, harness }) => {
    await page.goto(`${harness.url}/#popover`);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    const states = page.getByRole('checkbox');
    await expect(states).toHaveCount(7);
    for (const state of await states.all()) await fullyInView(state.locator('xpath=ancestor::label[1]'));
    for (const name of ['Skip', 'Get help now', 'Close', 'Two more questions (optional)'])
      await fullyInView(page.getByRole('button', { name }));
    // Nothing scrolls on this screen at all.
    expect(await page.locator('.content').evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
  });

  test('the two optional questions open from one disclosure, which is remembered; answers show while it is closed', async ({
    page,
    harness,
  }) => {
    await page.goto(`${harness.url}/#popover`);
    const more = page.getByRole('button', { name: 'Two more questions (optional)' });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('radio')).toHaveCount(0);
    await more.click();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByText('Under stress we often act first and notice later. Neither is wrong.')).toBeVisible();
    await page.getByText('Reacting first', { exact: true }).click();
    await page.getByText('Hard', { exact: true }).click();
    // No capacity label wraps to more than two lines.
    for (const label of await page.locator('fieldset.choices:has(input[name="capacity"]) .label').all()) {
      const lines = await label.evaluate((el) =>
        Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
      );
      expect(lines).toBeLessThanOrEqual(2);
    }
    await screenshot(page, 'checkin-now-more-open');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await more.click();
    await expect(page.getByText('Reacting first · Hard')).toBeVisible();
    await more.click();
    await expect.poll(() => harness.calls.filter((c) => c === 'settings.set').length).toBe(3);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Two more questions (optional)' })).toHaveAttribute('aria-expanded', 'true');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`looks calm in ${scheme} and axe finds nothing serious`, async ({ page, harness }) => {
      await setColorScheme(page, scheme);
      await page.goto(`${harness.url}/#popover`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await screenshot(page, `popover-${scheme}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  }
});
