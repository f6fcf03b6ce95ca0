import type { Locator, Page } from '@playwright/test';

import { commonCopy, helpCopy } from '../../src/shared/copy';
import { allowedExternalUrls, crisisData } from '../../src/shared/crisis';
import { expect, screenshot, seriousA11yViolations, setColorScheme, test } from './fixtures';

/**
 * "Get help now" in the built renderer: as a section of the app window
 * (`#app/help`, 880×660) and compact in the popover (380×580), opened from its
 * "Get help now" button. The browser's locale is en-GB, so the UK lines show first.
 */
test.use({ locale: 'en-GB' });

const APP_WINDOW = { width: 880, height: 660 };
const POPOVER = { width: 380, height: 580 };
/** 200% zoom: the same window in half the CSS pixels, drawn at twice the density. */
const atDouble = (size: { width: number; height: number }) => ({ width: size.width / 2, height: size.height / 2 });
const allowed = allowedExternalUrls(crisisData);

const helpView = (page: Page): Locator => page.getByRole('region', { name: helpCopy.title });
const regionSelect = (page: Page): Locator => page.getByRole('combobox', { name: helpCopy.regionLabel });

const openAppHelp = async (page: Page, url: string, size = APP_WINDOW): Promise<Locator> => {
  await page.setViewportSize(size);
  await page.goto(`${url}/#app/help`);
  const help = helpView(page);
  await expect(help.getByRole('heading', { level: 1, name: helpCopy.title })).toBeVisible();
  return help;
};

const openPopoverHelp = async (page: Page, url: string, size = POPOVER): Promise<Locator> => {
  await page.setViewportSize(size);
  await page.goto(`${url}/#popover`);
  await page.getByRole('button', { name: helpCopy.title }).click();
  const help = helpView(page);
  await expect(help.getByRole('heading', { level: 1, name: helpCopy.title })).toBeVisible();
  return help;
};

const emergencyNumber = (help: Locator): Locator => help.getByRole('region', { name: helpCopy.emergencyHeading }).getByRole('link').first();

/** Every link, button and select in the window that is smaller than 24×24 CSS px (WCAG 2.5.8), as "name: w×h". */
const smallTargets = (page: Page): Promise<string[]> =>
  page.locator('a, button, select').evaluateAll((elements) =>
    elements
      .filter((el) => el.checkVisibility())
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(({ el, box }) => `${el.textContent?.trim() ?? el.tagName}: ${box.width.toFixed(1)}×${box.height.toFixed(1)}`),
  );

/** How many links, buttons and selects the window shows (so a target-size check can not pass on none). */
const targetCount = (page: Page): Promise<number> =>
  page.locator('a, button, select').evaluateAll((elements) => elements.filter((el) => el.checkVisibility()).length);

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
    // In the system's own English: en-GB writes the day first.
    await expect(help.getByText('These details were checked on 3 December 2026.')).toBeVisible();

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

    // From the heading, the first stop is the emergency number, then the picker.
    await page.keyboard.press('Tab');
    await expect(help.getByRole('link', { name: 'Call 999' })).toBeFocused();
    for (let i = 0; i < 20 && !(await select.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(select).toBeFocused();

    // United Kingdom → United States (the list is sorted by name).
    await page.keyboard.press('ArrowDown');
    await expect(select).toHaveValue('US');
    await expect(help.getByRole('link', { name: 'Call 911' })).toBeVisible();
    await expect(help.getByRole('link', { name: 'Call 988' })).toBeVisible();

    // Every link after the picker (the emergency number, now 911, came before it).
    const expected = await help
      .getByRole('link')
      .evaluateAll(
        (links, picker) => links.filter((a) => picker!.compareDocumentPosition(a) & 4).map((a) => a.getAttribute('href')),
        await select.elementHandle(),
      );
    expect(expected.length).toBeGreaterThan(3);
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

  test('the emergency number comes first, large, as a tel: link; the plain statement right under it', async ({ page, harness }) => {
    const help = await openPopoverHelp(page, harness.url);
    const number = emergencyNumber(help);
    await expect(number).toHaveAccessibleName('Call 999');
    await expect(number).toHaveAttribute('href', 'tel:999');
    await expect(number).toHaveAttribute('target', '_blank');
    await expect(number).toBeInViewport({ ratio: 1 });
    // Before the statement (which follows the emergency block closely), and the first link a keyboard reaches.
    const statement = (await help.getByText(helpCopy.statement).boundingBox())!;
    const block = (await help.getByRole('region', { name: helpCopy.emergencyHeading }).boundingBox())!;
    expect((await number.boundingBox())!.y).toBeLessThan(statement.y);
    expect(statement.y - (block.y + block.height)).toBeLessThan(60);
    await expect(help.getByRole('link').first()).toHaveAttribute('href', 'tel:999');
    // Large type: well above the body text.
    const size = (locator: Locator) => locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(await size(number)).toBeGreaterThanOrEqual(1.8 * (await size(help.getByText(helpCopy.statement))));
    // With no country, the sentence holds the same first place.
    await regionSelect(page).selectOption('');
    const local = help.getByRole('region', { name: helpCopy.emergencyHeading }).getByText(helpCopy.emergencyNoRegion);
    await expect(local).toBeInViewport({ ratio: 1 });
    await expect(help.getByRole('region', { name: helpCopy.emergencyHeading }).getByRole('link')).toHaveCount(0);
  });

  test('every link, button and select is at least 24×24 px, in the popover and the app window', async ({ page, harness }) => {
    const help = await openPopoverHelp(page, harness.url);
    for (const region of ['GB', 'US', 'DE', 'JP', 'SG', 'PK', '']) {
      await regionSelect(page).selectOption(region);
      await expect(help.getByRole('region', { name: helpCopy.emergencyHeading })).toBeVisible();
      expect(await targetCount(page), region).toBeGreaterThanOrEqual(4);
      expect(await smallTargets(page), `popover, ${region || 'another country'}`).toEqual([]);
    }
    await openAppHelp(page, harness.url);
    for (const region of ['GB', 'US', 'DE', 'JP', 'SG', 'PK', '']) {
      await regionSelect(page).selectOption(region);
      await expect(helpView(page).getByRole('region', { name: helpCopy.emergencyHeading })).toBeVisible();
      expect(await smallTargets(page), `app window, ${region || 'another country'}`).toEqual([]);
    }
  });

  test.describe('at 200%', () => {
    test.use({ deviceScaleFactor: 2 });
    // Screenshots at twice the density and an axe run on a loaded 2-core machine.
    test.slow();

    for (const scheme of ['light', 'dark'] as const) {
      // The popover at 200% is 190×290 CSS px under its own title bar: the statement alone is taller than
      // what is left, so the number comes first (issue #13) and the statement right after it.
      test(`popover in ${scheme}: heading, Back and the emergency number first, without scrolling; the statement next`, async ({
        page,
        harness,
      }) => {
        await setColorScheme(page, scheme);
        const help = await openPopoverHelp(page, harness.url, atDouble(POPOVER));
        await expect(help.getByRole('heading', { level: 1, name: helpCopy.title })).toBeInViewport({ ratio: 1 });
        await expect(help.getByRole('button', { name: helpCopy.back })).toBeInViewport({ ratio: 1 });
        await expect(page.getByRole('button', { name: commonCopy.close })).toBeInViewport({ ratio: 1 });
        const number = emergencyNumber(help);
        await expect(number).toBeInViewport({ ratio: 1 });
        await screenshot(page, `help-compact-${scheme}-200`);
        const statement = help.getByText(helpCopy.statement);
        await statement.scrollIntoViewIfNeeded();
        await expect(statement).toBeInViewport();
        const block = (await help.getByRole('region', { name: helpCopy.emergencyHeading }).boundingBox())!;
        expect((await statement.boundingBox())!.y - (block.y + block.height)).toBeLessThan(60);
        await screenshot(page, `help-compact-${scheme}-200-statement`);
        expect(await smallTargets(page)).toEqual([]);
        expect(await seriousA11yViolations(page)).toEqual([]);
      });

      test(`app window in ${scheme}: heading, statement, emergency number and the side bar show without scrolling`, async ({
        page,
        harness,
      }) => {
        await setColorScheme(page, scheme);
        const help = await openAppHelp(page, harness.url, atDouble(APP_WINDOW));
        await screenshot(page, `help-full-${scheme}-200`);
        for (const part of [
          help.getByRole('heading', { level: 1, name: helpCopy.title }),
          help.getByText(helpCopy.statement),
          emergencyNumber(help),
          page.getByRole('navigation').getByRole('button').first(),
        ]) {
          await expect(part).toBeInViewport({ ratio: 1 });
        }
        expect(await smallTargets(page)).toEqual([]);
        expect(await seriousA11yViolations(page)).toEqual([]);
      });
    }
  });

  test.describe('in forced colours', () => {
    // Two axe runs on a loaded 2-core machine: each test gets three times the usual limit.
    test.slow();

    for (const scheme of ['light', 'dark'] as const) {
      test(`popover in ${scheme}: the number, links and Back in system colours, axe finds nothing serious`, async ({ page, harness }) => {
        await page.emulateMedia({ forcedColors: 'active', colorScheme: scheme });
        const help = await openPopoverHelp(page, harness.url);
        await expect(emergencyNumber(help)).toBeInViewport({ ratio: 1 });
        await screenshot(page, `help-compact-forced-${scheme}`);
        expect(await seriousA11yViolations(page)).toEqual([]);
      });

      test(`app window in ${scheme}: the number, links and side bar in system colours, axe finds nothing serious`, async ({
        page,
        harness,
      }) => {
        await page.emulateMedia({ forcedColors: 'active', colorScheme: scheme });
        const help = await openAppHelp(page, harness.url);
        await expect(page.getByRole('navigation')).toBeVisible();
        await regionSelect(page).selectOption('US');
        await expect(emergencyNumber(help)).toHaveAttribute('href', 'tel:911');
        await screenshot(page, `help-full-forced-${scheme}`);
        expect(await seriousA11yViolations(page)).toEqual([]);
      });
    }
  });
});
