import type { Locator, Page } from '@playwright/test';

import { generateHistory } from '../../src/main/insights/testing/history-generator';
import { type BuiltLocale, type Catalogue, NAMESPACES, PSEUDO_LOCALES, WRITTEN_LOCALES } from '../../src/shared/i18n/generated/locales';
import { loadNamespaces } from '../../src/shared/i18n/load-messages';
import type { Harness } from '../harness/harness-server';
import { lockVault, openAppView, PASSPHRASE, primaryButton, setUpVault } from './checkin-steps';
import { expect, screenshot, test } from './fixtures';
import { historyEnd } from './insights-steps';
import { fullyInView, layoutFindings, textFindings } from './layout-checks';

/**
 * Issue #17, part 4: every screen of every window in every language Attune
 * ships, and in both pseudo-locales (en-XA: 40% longer, accented; ar-XB:
 * right to left), at each window's real content size. Screenshotted as
 * `lang-<locale>-<window>-<screen>.png` and held to what a person relies on
 * in any language: the heading, the way out and "Get help now" wholly in
 * view, no sideways scrolling, no text cut off or shortened, nothing drawn
 * over anything else (measured from the boxes, see layout-checks.ts). The
 * spec finds its way by each language's own words, so a screen that shows
 * the wrong language fails too. Findings are soft: one run lists them all.
 */
const CONTENT = {
  popover: { width: 380, height: 580 },
  app: { width: 880, height: 620 },
  pause: { width: 440, height: 380 },
} as const;
const LOCALES: readonly BuiltLocale[] = [...WRITTEN_LOCALES, ...PSEUDO_LOCALES];

interface Musts {
  heading: Locator;
  wayOut: Locator | null;
  help: Locator | null;
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
// Accessible names are compared with their spaces normalised (French puts a narrow no-break space before "?").
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/gu, '\\s+');
const named = (page: Page, role: 'button' | 'radio' | 'checkbox', name: string) =>
  page.getByRole(role, { name: new RegExp(`^${escaped(name)}$`) }).first();

const chooseLanguage = async (harness: Harness, locale: BuiltLocale): Promise<void> => {
  const settings = harness.attune?.settings;
  if (!settings) throw new Error('Attune is not running');
  // "Noted." stays until closed, so it can be looked at.
  await settings.set({
    appearance: { ...settings.get().appearance, language: locale },
    checkIn: { ...settings.get().checkIn, closeAfterSaveSeconds: null },
  });
};

for (const locale of LOCALES) {
  test(`${locale}: every screen reads whole at the windows' real sizes`, async ({ page, harness }) => {
    test.setTimeout(300_000);
    const m = (await loadNamespaces(locale, NAMESPACES)) as Catalogue;
    await chooseLanguage(harness, locale);
    const wayOut = page
      .getByRole('button', {
        name: new RegExp(`^(${[m.common.close, m.checkin.actions.back, m.common.notNow, m.welcome.skip].map(escaped).join('|')})$`),
      })
      .first();
    const help = named(page, 'button', m.common.getHelp);
    const musts: Musts = { heading: h1(page), wayOut, help };

    const judge = async (window: keyof typeof CONTENT, screen: string, want: Musts = musts) => {
      await expect(want.heading).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await screenshot(page, `lang-${locale}-${window}-${screen}`);
      const found: string[] = [];
      if (!(await fullyInView(want.heading))) found.push('the heading is not wholly in view');
      if (want.wayOut && !(await fullyInView(want.wayOut))) found.push('the way out is not wholly in view');
      if (want.help && !(await fullyInView(want.help))) found.push('Get help now is not wholly in view');
      const { sideways, small } = await layoutFindings(page);
      const { clipped, overlapping } = await textFindings(page);
      found.push(
        ...sideways.map((f) => `scrolls sideways: ${f}`),
        ...small.map((f) => `target under 24×24: ${f}`),
        ...clipped,
        ...overlapping.map((f) => `drawn over: ${f}`),
      );
      expect.soft(found, `${locale} ${window} ${screen}`).toEqual([]);
    };

    // The popover, through a whole check-in, then help and the lock screen.
    await page.setViewportSize(CONTENT.popover);
    await page.goto(`${harness.url}/#popover`);
    await expect(h1(page)).toHaveText(m.checkin.now.heading);
    await setUpVault(page);
    await page.reload();
    await expect(h1(page)).toBeFocused();
    await expect(page.getByRole('checkbox').first()).toBeVisible();
    await judge('popover', 'first');
    // The two optional questions, opened: the heading may scroll away now, so their disclosure stands in for it.
    const more = named(page, 'button', m.checkin.now.more);
    await more.click();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    await judge('popover', 'first-more', { ...musts, heading: more });

    await page.getByRole('checkbox').first().check();
    await primaryButton(page).click();
    await expect(h1(page)).toHaveText(m.checkin.need.heading);
    await judge('popover', 'need');

    await page.getByRole('checkbox').first().check();
    await primaryButton(page).click();
    await expect(h1(page)).toHaveText(m.checkin.step.heading);
    await judge('popover', 'step');

    await page.getByRole('radio').first().check();
    await primaryButton(page).click();
    await expect(h1(page)).toHaveText(m.checkin.saved.heading);
    await judge('popover', 'noted');

    await page.reload();
    await help.click();
    await expect(h1(page)).toHaveText(m.help.title);
    await judge('popover', 'help', { heading: h1(page), wayOut, help: null });
    await expect(page.locator('a[href^="tel:"]').first()).toBeInViewport({ ratio: 1 });

    // An earlier step, followed up: the card, then its question.
    harness.advanceClock(25 * 60_000);
    await page.reload();
    const ask = page.getByRole('button', { name: new RegExp(`^${escaped(m.checkin.followUp.card.answer)}`) });
    await expect(ask).toBeVisible();
    await judge('popover', 'card');
    await ask.click();
    await expect(h1(page)).toHaveText(m.checkin.followUp.heading);
    await judge('popover', 'follow-up');

    await lockVault(page);
    await page.reload();
    await expect(h1(page)).toHaveText(m.vault.locked.heading);
    await judge('popover', 'locked');

    // The app window: history and insights on a seeded history, settings section by section, help, welcome.
    await page.setViewportSize(CONTENT.app);
    await openAppView(page, harness.url, 'history');
    const unlocked = await page.evaluate((passphrase) => window.attune.vault.unlock({ method: 'passphrase', passphrase }), PASSPHRASE);
    expect(unlocked.ok).toBe(true);
    await harness.seedHistory(generateHistory({ seed: 11, end: historyEnd(), days: 30 }));
    const appMusts: Musts = { heading: h1(page), wayOut: null, help };
    await openAppView(page, harness.url, 'history');
    await expect(h1(page)).toHaveText(m.history.heading);
    await judge('app', 'history', appMusts);
    // Times are written the words' language's way too (the browser here is en-US): no English "AM" in Japanese.
    if (!locale.startsWith('en')) await expect(page.locator('.entry time').first()).not.toHaveText(/AM|PM/);

    await openAppView(page, harness.url, 'insights');
    await expect(h1(page)).toHaveText(m.insights.heading);
    // The charts are drawn (not the loading line): the "When" chart by its title's words before the value.
    const when = m.insights.when.chartTitle({ what: '\u0000' }).split('\u0000')[0] ?? '';
    await expect(page.getByRole('img', { name: new RegExp(`^${escaped(when)}`) })).toBeVisible({ timeout: 20_000 });
    await judge('app', 'insights', appMusts);

    await openAppView(page, harness.url, 'settings');
    await expect(h1(page)).toHaveText(m.settings.heading);
    await judge('app', 'settings', appMusts);
    const sections = ['checkIn', 'pauses', 'privacy', 'devices', 'appearance', 'system'] as const;
    for (const [index, section] of sections.entries()) {
      await page.locator('.jump-link').nth(index).click();
      await expect(page.locator(`#settings-${section}`)).toBeFocused();
      await judge('app', `settings-${section}`, { ...appMusts, heading: page.locator(`#settings-${section}`) });
    }

    await openAppView(page, harness.url, 'help');
    await expect(h1(page)).toHaveText(m.help.title);
    await judge('app', 'help', appMusts);

    await openAppView(page, harness.url, 'welcome');
    await expect(h1(page)).toHaveText(m.welcome.about.heading);
    await judge('app', 'welcome');

    // The pause window: choosing, then running.
    await page.setViewportSize(CONTENT.pause);
    await page.goto('about:blank');
    await page.goto(`${harness.url}/#pause`);
    await expect(h1(page)).toHaveText(m.pauseExercise.pause.heading);
    await judge('pause', 'choosing', { heading: h1(page), wayOut: named(page, 'button', m.common.close), help });
    await named(page, 'button', m.pauseExercise.pause.begin).click();
    const stop = named(page, 'button', m.pauseExercise.pause.stop);
    await expect(stop).toBeVisible();
    await page.locator('.prompt').evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    await judge('pause', 'running', { heading: h1(page), wayOut: stop, help });
  });
}
