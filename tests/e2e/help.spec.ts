import type { Locator, Page } from '@playwright/test';

import { helpCopy } from '../../src/shared/copy';
import { allowedExternalUrls, crisisData } from '../../src/shared/crisis';
import { expect, screenshot, seriousA11yViolations, setColorScheme, test } from './fixtures';

/**
 * "Get help now" in the built renderer: as a section of the app window
 * (`#app/help`, 880×660) and compact in the popover (380×520), opened from its
 * "Get help now" button. The browser's locale is en-GB, so the UK lines show first.
 */
test.use({ locale: 'en-GB' });

const APP_WINDOW = { width: 880, height: 660 };
const allowed = allowedExternalUrls(crisisData);

const helpView = (page: Page): Locator => page.getByRole('region', { name: helpCopy.title });
const regionSelect = (page: Page): Locator => page.getByRole('combobox', { name: helpCopy.regionLabel });

const openAppHelp = async (page: Page, url: string): Promise<Locator> => {
  await page.setViewportSize(APP_WINDOW);
  await page.goto(`${url}/#app/help`);
  const help = helpView(page);
  await expect(help.getByRole('heading', { level: 1, name: helpCopy.title })).toBeVisible();
  return help;
};

const openPopoverHelp = async (page: Page, url: string): Promise<Locator> => {
  await page.goto(`${url}/#popover`);
  await page.getByRole('button', { name: helpCopy.title }).click();
  const help = helpView(page);
  await expect(help.getByRole('heading', { level: 1, name: helpCopy.title })).toBeVisible();
  return help;
};

/** Every link in the help view goes to a URL main will open, in the system browser. */
const expectOnlyAllowedLinks = async (help: Locator): Promise<void> => {
  const links = await help.getByRole('link').all();
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) {
    expect(allowed.has((await link.getAttribute('href')) ?? ''), `${await link.getAttribute('href')}`).toBe(true);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noreferrer');
  }
};

test.describe('get help now', () => {
  test('app window: the plain statement, UK lines, the directory and the checked-on date', async ({ page, harness, pageProblems }) => {
    const help = await openAppHelp(page, harness.url);
    await expect(help.getByText(helpCopy.statement)).toBeVisible();
    await expect(regionSelect(page)).toHaveValue('GB');

    const emergency = help.getByRole('region', { name: helpCopy.emergencyHeading });
    await expect(emergency.getByRole('link', { name: 'Call 999' })).toHaveAttribute('href', 'tel:999');
    const lines = help.getByRole('region', { name: helpCopy.linesHeading });
    await expect(lines.getByRole('heading', { level: 3 })).toHaveText(['Samaritans', 'Shout 85258', 'NHS 111 – mental health option']);
    await expect(lines.getByText('England only')).toBeVisible();
    const directory = help.getByRole('region', { name: helpCopy.directoryHeading });
    await expect(directory.getByRole('link')).toHaveAttribute('href', 'https://findahelpline.com/');
    await expect(help.getByText('These details were checked on November 23, 2026.')).toBeVisible();

    await expectOnlyAllowedLinks(help);
    // The CSP forbids inline styles; the view uses classes only.
    await expect(help.locator('[style]')).toHaveCount(0);
    // Help reads nothing from the history, so it works when Attune is locked (the window itself only asks whether it is locked).
    expect(harness.calls.filter((channel) => channel.startsWith('vault.') && channel !== 'vault.status')).toEqual([]);
    expect(pageProblems).toEqual([]);
  });

  test('keyboard only: Tab to the region picker, change it with the arrow keys, reach every link', async ({ page, harness }) => {
    const help = await openAppHelp(page, harness.url);
    const select = regionSelect(page);

    for (let i = 0; i < 20 && !(await select.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(select).toBeFocused();

    // United Kingdom → United States (the list is sorted by name).
    await page.keyboard.press('ArrowDown');
    await expect(select).toHaveValue('US');
    await expect(help.getByRole('link', { name: 'Call 911' })).toBeVisible();
    await expect(help.getByRole('link', { name: 'Call 988' })).toBeVisible();

    const expected = await help.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const reached: string[] = [];
    for (let i = 0; i < expected.length; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { href: el?.getAttribute('href') ?? null, outline: el ? getComputedStyle(el).outlineStyle : 'none' };
      });
      expect(focused.outline, `focus is visible on ${focused.href}`).not.toBe('none');
      if (focused.href) reached.push(focused.href);
    }
    expect(reached).toEqual(expected);

    // Back up to the picker and choose "another country" by typing its first letter.
    await select.focus();
    await page.keyboard.type('Another');
    await expect(select).toHaveValue('');
    await expect(help.getByText(helpCopy.emergencyNoRegion)).toBeVisible();
    await expect(help.getByText(helpCopy.noLines)).toBeVisible();
    await expect(help.getByRole('region', { name: helpCopy.directoryHeading }).getByRole('link')).toBeVisible();
  });

  test('popover: "Get help now" opens the compact view, and Back returns', async ({ page, harness, pageProblems }) => {
    const help = await openPopoverHelp(page, harness.url);
    await expect(help.getByText(helpCopy.statement)).toBeVisible();
    // The emergency number is on the first screen, without scrolling.
    await expect(help.getByRole('link', { name: 'Call 999' })).toBeInViewport();
    await expectOnlyAllowedLinks(help);
    await help.getByRole('button', { name: helpCopy.back }).click();
    await expect(helpView(page)).toHaveCount(0);
    expect(pageProblems).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`app window looks calm in ${scheme} and axe finds nothing serious`, async ({ page, harness }) => {
      await setColorScheme(page, scheme);
      const help = await openAppHelp(page, harness.url);
      await regionSelect(page).selectOption('US');
      await expect(help.getByRole('link', { name: 'Call 988' })).toBeVisible();
      await screenshot(page, `help-full-${scheme}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    // The compact view in three tests (one took most of the 30 s timeout on a loaded 2-core machine).
    test(`popover (compact) looks calm in ${scheme} and axe finds nothing serious`, async ({ page, harness }) => {
      await setColorScheme(page, scheme);
      await openPopoverHelp(page, harness.url);
      await screenshot(page, `help-compact-${scheme}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    test(`popover (compact) scrolled to its end in ${scheme}`, async ({ page, harness }) => {
      await setColorScheme(page, scheme);
      const help = await openPopoverHelp(page, harness.url);
      await help.getByText(helpCopy.mayChange).scrollIntoViewIfNeeded();
      await screenshot(page, `help-compact-${scheme}-end`);
    });

    test(`popover (compact) with Germany chosen in ${scheme}: axe finds nothing serious`, async ({ page, harness }) => {
      await setColorScheme(page, scheme);
      await openPopoverHelp(page, harness.url);
      await regionSelect(page).selectOption('DE');
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  }

  test('the chosen country is remembered (as a setting) for next time', async ({ page, harness }) => {
    await openAppHelp(page, harness.url);
    await regionSelect(page).selectOption('US');
    await expect
      .poll(async () => {
        const r = await page.evaluate(() => window.attune.settings.get());
        return r.ok ? r.value.help.region : null;
      })
      .toBe('US');
    await page.goto('about:blank');
    await openAppHelp(page, harness.url);
    await expect(regionSelect(page)).toHaveValue('US');
  });
});
