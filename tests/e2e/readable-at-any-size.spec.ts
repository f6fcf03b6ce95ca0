import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';

import { lockVault, openAppView, primaryButton, setUpVault } from './checkin-steps';
import { expect, screenshot, test } from './fixtures';
import { chartsVisible, seedHistory } from './insights-steps';
import { fullyInView, layoutFindings, useScheme } from './layout-checks';

/**
 * Every screen of every window at the window's real content size, at 100% and at 200% zoom
 * (half the CSS pixels, each drawn twice), in light, dark and forced colours: screenshotted as
 * `<window>-<screen>-<zoom>-<scheme>.png`, and held to what a person in distress relies on —
 * the heading, the way out and "Get help now" in view without scrolling, no sideways
 * scrolling, and every target at least 24×24 CSS px (WCAG 2.5.8). Findings are soft, so one
 * run lists them all. One page per window, screens in order, to keep the run short.
 */
const CONTENT = {
  popover: { width: 380, height: 580 }, // frameless
  app: { width: 880, height: 620 }, // 880×660 with its title bar
  pause: { width: 440, height: 380 }, // 440×420 with its title bar
} as const;
type WindowName = keyof typeof CONTENT;
const SCHEMES = ['light', 'dark', 'forced'] as const;

interface Musts {
  heading: Locator;
  /** Close, Back, Not now…; null where the window's own frame is the way out (the app window). */
  wayOut: Locator | null;
  help: Locator | null;
}

/**
 * Screens whose views are being reworked elsewhere: their findings are written to the test's
 * annotations and the console instead of failing the run. Empty now; add an entry only while a
 * view is mid-rework, and remove it with that work.
 */
const REWORKED_ELSEWHERE: Record<string, string> = {};

/** One screen, in each scheme: screenshot, then the checks, each finding once with the schemes it showed in. */
const judge = async (page: Page, window: WindowName, screen: string, zoom: number, musts: Musts) => {
  await expect(musts.heading).toBeVisible();
  const findings = new Map<string, string[]>();
  const note = (finding: string, scheme: string) => findings.set(finding, [...(findings.get(finding) ?? []), scheme]);
  for (const scheme of SCHEMES) {
    await useScheme(page, scheme);
    await screenshot(page, `${window}-${screen}-${zoom}-${scheme}`);
    if (!(await fullyInView(musts.heading))) note('the heading is not wholly in view', scheme);
    if (musts.wayOut && !(await fullyInView(musts.wayOut))) note('the way out is not wholly in view', scheme);
    if (musts.help && !(await fullyInView(musts.help))) note('Get help now is not wholly in view', scheme);
    // Dark draws the same boxes as light; forced colours can change borders, so it is measured too.
    if (scheme === 'dark') continue;
    const { sideways, small } = await layoutFindings(page);
    for (const found of sideways) note(`scrolls sideways: ${found}`, scheme);
    for (const found of small) note(`target under 24×24: ${found}`, scheme);
  }
  await useScheme(page, 'light');
  const listed = [...findings].map(([finding, schemes]) => `${finding} (${schemes.join(', ')})`);
  const name = `${window}-${screen}-${zoom}`;
  const elsewhere = REWORKED_ELSEWHERE[`${window}-${screen.split('-')[0]}`];
  if (elsewhere && listed.length > 0) {
    for (const finding of listed) test.info().annotations.push({ type: `finding (${elsewhere})`, description: `${name}: ${finding}` });
    console.log(`${name} [${elsewhere}]:\n  ${listed.join('\n  ')}`);
  } else expect.soft(listed, name).toEqual([]);
};

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' }).first();
const wayOut = (page: Page) => button(page, /^(Close|Back|Not now|Skip)$/);

for (const zoom of [100, 200] as const) {
  test.describe(`readable at ${zoom}%`, () => {
    test.describe.configure({ timeout: 150_000 });
    test.use({ deviceScaleFactor: zoom / 100 });
    const sizeFor = (window: WindowName) => ({
      width: CONTENT[window].width / (zoom / 100),
      height: CONTENT[window].height / (zoom / 100),
    });

    test('popover: first screen, need, step, Noted., help, lock screen', async ({ page, harness }) => {
      await page.setViewportSize(sizeFor('popover'));
      await page.goto(`${harness.url}/#popover`);
      await expect(h1(page)).toBeVisible();
      await setUpVault(page);
      // "Noted." stays until closed, so it can be looked at.
      const settings = harness.attune?.settings;
      await settings?.set({ checkIn: { ...settings.get().checkIn, closeAfterSaveSeconds: null } });
      await page.reload();
      const musts = { heading: h1(page), wayOut: wayOut(page), help: button(page, 'Get help now') };
      await expect(page.getByRole('checkbox').first()).toBeVisible();
      await judge(page, 'popover', 'first', zoom, musts);

      await page.getByRole('checkbox').first().check();
      await primaryButton(page).click();
      await expect(h1(page)).toHaveText(/What do I need/);
      await judge(page, 'popover', 'need', zoom, musts);

      await page.getByRole('checkbox').first().check();
      await primaryButton(page).click();
      await expect(h1(page)).toHaveText('One small step');
      await judge(page, 'popover', 'step', zoom, musts);

      await page.getByRole('radio').first().check();
      await primaryButton(page).click();
      await expect(h1(page)).toHaveText('Noted.');
      await judge(page, 'popover', 'noted', zoom, musts);

      await page.reload();
      await button(page, 'Get help now').click();
      await expect(h1(page)).toHaveText('Get help now');
      await judge(page, 'popover', 'help', zoom, { heading: h1(page), wayOut: wayOut(page), help: null });
      // Issue #13: the emergency number is the first thing, in view without scrolling at any size.
      await expect(page.locator('a[href^="tel:"]').first()).toBeInViewport({ ratio: 1 });

      await lockVault(page);
      await page.reload();
      await expect(h1(page)).toHaveText('Attune is locked');
      await judge(page, 'popover', 'locked', zoom, musts);
    });

    test('popover: a follow-up card, its question, and the offer of another step', async ({ page, harness }) => {
      await page.setViewportSize(sizeFor('popover'));
      await page.goto(`${harness.url}/#popover`);
      await expect(h1(page)).toBeVisible();
      await setUpVault(page);
      const step = { id: 'message-someone-safe', text: 'Send one message to someone safe' };
      const saved = await page.evaluate(
        (s) => window.attune.vault.append({ kind: 'check-in', data: { states: ['freeze'], needs: ['connection'], step: s } }),
        step,
      );
      expect(saved.ok).toBe(true);
      harness.advanceClock(25 * 60_000);
      await page.reload();
      const musts = { heading: h1(page), wayOut: wayOut(page), help: button(page, 'Get help now') };
      const ask = button(page, /^Did that help\?/);
      await expect(ask).toBeVisible();
      await judge(page, 'popover', 'card', zoom, musts);

      await ask.click();
      await expect(h1(page)).toHaveText('Did that help?');
      await judge(page, 'popover', 'follow-up', zoom, musts);
      await page.getByRole('radio', { name: 'Not really' }).check();

      await button(page, 'Save').click();
      await expect(h1(page)).toHaveText('Noted.');
      await judge(page, 'popover', 'offer', zoom, musts);
    });

    const appMusts = (page: Page): Musts => ({ heading: h1(page), wayOut: null, help: button(page, 'Get help now') });

    test('app window: history, insights', async ({ page, harness }) => {
      await page.setViewportSize(sizeFor('app'));
      await openAppView(page, harness.url, 'history');
      await seedHistory(page, harness, { days: 30 });
      const musts = appMusts(page);

      await openAppView(page, harness.url, 'history');
      await expect(h1(page)).toBeVisible();
      await expect(page.locator('li').nth(6)).toBeVisible();
      await judge(page, 'app', 'history', zoom, musts);

      await openAppView(page, harness.url, 'insights');
      await chartsVisible(page);
      await judge(page, 'app', 'insights', zoom, musts);
      // The summary's preview repeats the cards' headings: no two landmarks may share a name.
      await page.getByRole('radio', { name: /^A summary/ }).check();
      await button(page, 'Preview').click();
      await expect(page.locator('#summary-preview-heading')).toBeVisible();
      const landmarks = await new AxeBuilder({ page }).withRules(['landmark-unique']).analyze();
      expect
        .soft(
          landmarks.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' '))),
          'insights: landmark names',
        )
        .toEqual([]);
    });

    test('app window: settings by section, help, welcome', async ({ page, harness }) => {
      await page.setViewportSize(sizeFor('app'));
      await openAppView(page, harness.url, 'settings');
      const musts = appMusts(page);
      await expect(h1(page)).toHaveText('Settings');
      await expect(page.locator('#settings-checkIn')).toBeVisible();
      await judge(page, 'app', 'settings', zoom, musts);
      const sections = ['checkIn', 'pauses', 'privacy', 'devices', 'appearance', 'system'] as const;
      for (const section of sections) {
        const heading = page.locator(`#settings-${section}`);
        await page.locator('.jump-link').nth(sections.indexOf(section)).click();
        await expect(heading).toBeFocused();
        await judge(page, 'app', `settings-${section}`, zoom, { ...musts, heading });
      }

      await openAppView(page, harness.url, 'help');
      await expect(h1(page)).toHaveText('Get help now');
      await judge(page, 'app', 'help', zoom, musts);
      await expect(page.locator('a[href^="tel:"]').first()).toBeInViewport({ ratio: 1 });

      await openAppView(page, harness.url, 'welcome');
      await expect(h1(page)).toHaveText('Welcome to Attune');
      await judge(page, 'app', 'welcome', zoom, { heading: h1(page), wayOut: wayOut(page), help: button(page, 'Get help now') });
    });

    test('pause window: choosing, running', async ({ page, harness }) => {
      await page.setViewportSize(sizeFor('pause'));
      await page.goto(`${harness.url}/#pause`);
      await expect(h1(page)).toHaveText('A short pause');
      await judge(page, 'pause', 'choosing', zoom, {
        heading: h1(page),
        wayOut: button(page, 'Close'),
        help: button(page, 'Get help now'),
      });
      await button(page, 'Begin').click();
      await expect(button(page, 'Stop')).toBeVisible();
      await page.locator('.prompt').evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
      await judge(page, 'pause', 'running', zoom, { heading: h1(page), wayOut: button(page, 'Stop'), help: button(page, 'Get help now') });
    });
  });
}
