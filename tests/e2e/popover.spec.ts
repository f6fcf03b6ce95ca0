import { expect, screenshot, seriousA11yViolations, setColorScheme, test } from './fixtures';

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
