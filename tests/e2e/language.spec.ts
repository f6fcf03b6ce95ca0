import type { Page } from '@playwright/test';

import { WRITTEN_LOCALES } from '../../src/shared/i18n/generated/locales';
import { nameInOwnLanguage } from '../../src/shared/i18n/language-names';
import type { LanguageChoice } from '../../src/shared/i18n/locale-choice';
import type { Harness } from '../harness/harness-server';
import { openAppView, openPrompt } from './checkin-steps';
import { expect, screenshot, test } from './fixtures';

/**
 * Issue #17: a language chosen in Settings changes every open window and the
 * tray menu at once, without a restart or a reload, and a window shows one
 * language at a time. The pseudo-locales stand in for translations: en-XA
 * (accented, 40% longer) shows any word left in English, ar-XB (right to
 * left) shows whether the layout mirrors.
 */
const chooseLanguage = async (harness: Harness, language: LanguageChoice): Promise<void> => {
  const settings = harness.attune?.settings;
  if (!settings) throw new Error('Attune is not running');
  await settings.set({ appearance: { ...settings.get().appearance, language } });
};

/**
 * Words on screen still in plain English: three or more unaccented letters in a row. Values marked
 * translate="no" (a path, the version, language names in their own language) and key names are not words,
 * and neither are the names Intl gives weekdays and months: a pseudo-locale formats as the language it
 * stands in for (en-XA as English), so those are English by design, not words left out of the messages.
 */
const intlNames = (): string[] => {
  const at = (day: number) => Date.UTC(2023, 0, 1 + day);
  const names = (options: Intl.DateTimeFormatOptions, count: number, step: (i: number) => number) =>
    Array.from({ length: count }, (_, i) => new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' }).format(step(i)));
  return [
    ...names({ weekday: 'long' }, 7, at),
    ...names({ weekday: 'short' }, 7, at),
    ...names({ month: 'long' }, 12, (i) => Date.UTC(2023, i, 1)),
    ...names({ month: 'short' }, 12, (i) => Date.UTC(2023, i, 1)),
  ].sort((a, b) => b.length - a.length);
};
const englishLeft = (page: Page): Promise<string[]> =>
  page.evaluate(
    (ownNames) => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = node.textContent?.trim() ?? '';
        if (!parent || text === '' || parent.closest('[hidden], [aria-hidden="true"], [translate="no"]')) continue;
        const style = getComputedStyle(parent);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        const words = ownNames.reduce((rest, name) => rest.replaceAll(name, ''), text.replace(/Esc|Ctrl|Alt|Shift|Space|Attune/g, ''));
        if (/[A-Za-z]{3,}/.test(words)) found.push(text);
      }
      return found;
    },
    [...WRITTEN_LOCALES.map(nameInOwnLanguage), ...intlNames()],
  );

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

test.describe('language', () => {
  test('choosing one changes every open window and the tray menu at once, with no reload', async ({ page, context, harness }) => {
    await openPrompt(page, harness.url);
    const app = await context.newPage();
    await openAppView(app, harness.url, 'settings');
    await expect(heading(app)).toHaveText('Settings');
    const englishTray = harness.tray().labels();
    // A value kept in each page: a reload would lose it.
    for (const each of [page, app]) await each.evaluate(() => Object.assign(window, { keptAcrossTheSwitch: true }));

    await chooseLanguage(harness, 'en-XA');
    for (const each of [page, app]) {
      await expect(each.locator('html')).toHaveAttribute('lang', 'en-XA');
      await expect(heading(each)).toHaveText(/^\[.+\]$/);
      expect(await each.evaluate(() => (window as { keptAcrossTheSwitch?: boolean }).keptAcrossTheSwitch)).toBe(true);
      expect(await englishLeft(each)).toEqual([]);
    }
    await expect
      .poll(() =>
        harness
          .tray()
          .labels()
          .filter((label) => englishTray.includes(label)),
      )
      .toEqual([]);
    await screenshot(page, 'language-en-XA-popover');
    await screenshot(app, 'language-en-XA-settings');

    await chooseLanguage(harness, 'ar-XB');
    for (const each of [page, app]) {
      await expect(each.locator('html')).toHaveAttribute('dir', 'rtl');
      await expect(heading(each)).toHaveText(/^\u202e.+\u202c$/);
    }
    // Mirrored: the popover's Close sits at the left, where the reading starts.
    const close = page.getByRole('button', { name: /Close/ });
    const box = await close.boundingBox();
    expect(box && box.x + box.width / 2).toBeLessThan((page.viewportSize()?.width ?? 0) / 2);
    // A closed disclosure's arrow points the way the line reads.
    const arrow = () => page.locator('.toggle').evaluate((el) => getComputedStyle(el, '::before').content);
    expect(await arrow()).toContain('◂');
    await screenshot(page, 'language-ar-XB-popover');
    await screenshot(app, 'language-ar-XB-settings');

    await chooseLanguage(harness, 'system');
    for (const each of [page, app]) {
      await expect(each.locator('html')).toHaveAttribute('lang', 'en');
      await expect(each.locator('html')).toHaveAttribute('dir', 'ltr');
    }
    await expect(heading(page)).toHaveText('What is here right now?');
    expect(await arrow()).toContain('▸');
    await expect.poll(() => harness.tray().labels()).toEqual(englishTray);
  });
});
