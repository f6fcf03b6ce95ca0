import { existsSync, readFileSync } from 'node:fs';

import type { Locator, Page } from '@playwright/test';

import { errorCopy, settingsCopy } from '../../src/shared/copy';
import { openAppView, setUpVault } from './checkin-steps';
import { expect, screenshot, seriousA11yViolations, setColorScheme, test } from './fixtures';

/**
 * Settings in the app window (880×660), driven by the keyboard only, against
 * the real main-process handlers on a real data directory: every change is
 * saved through settings.set and read back through the bridge.
 */
const APP_WINDOW = { width: 880, height: 660 };
const t = settingsCopy;

const openSettings = async (page: Page, url: string): Promise<void> => {
  await page.setViewportSize(APP_WINDOW);
  await openAppView(page, url, 'settings');
  await expect(page.getByRole('heading', { level: 1, name: t.heading })).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: t.sections.system })).toBeVisible();
};

/** A set-up, unlocked history with a few check-ins in it. */
const withHistory = async (page: Page, url: string, entries = 3): Promise<void> => {
  await page.goto(`${url}/#app/history`);
  await setUpVault(page);
  for (let i = 0; i < entries; i++) {
    const result = await page.evaluate(() =>
      window.attune.vault.append({ kind: 'check-in', data: { states: ['freeze'], needs: ['rest'] } }),
    );
    expect(result.ok).toBe(true);
  }
};

/** Presses Tab (or Shift+Tab) until the target has focus, the way a keyboard user would get there. */
const tabTo = async (page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> => {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
};

const settingsNow = async (page: Page) => {
  const result = await page.evaluate(() => window.attune.settings.get());
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
};

const section = (page: Page, name: string): Locator => page.getByRole('region', { name });

test.describe('settings, keyboard only', () => {
  test('the section links move focus to each section', async ({ page, harness }) => {
    await openSettings(page, harness.url);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: t.sections.checkIn })).toBeFocused();
    await tabTo(page, page.getByRole('button', { name: t.sections.privacy }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: t.sections.privacy })).toBeFocused();
    await expect(page.getByRole('heading', { level: 2, name: t.sections.privacy })).toBeInViewport();
  });

  test('theme: arrow keys in the Colours group change <html data-theme> at once', async ({ page, harness }) => {
    await openSettings(page, harness.url);
    const appearance = section(page, t.sections.appearance);
    const colours = appearance.getByRole('group', { name: t.appearance.theme });
    const system = colours.getByRole('radio', { name: t.appearance.themes.system });
    await tabTo(page, system);
    await expect(system).toBeChecked();

    await page.keyboard.press('ArrowRight');
    await expect(colours.getByRole('radio', { name: t.appearance.themes.light })).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(appearance.getByRole('status')).toHaveText(t.saved);
    expect((await settingsNow(page)).appearance.theme).toBe('dark');

    // Saved for good: a fresh load starts dark.
    await openSettings(page, harness.url);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(
      section(page, t.sections.appearance)
        .getByRole('group', { name: t.appearance.theme })
        .getByRole('radio', { name: t.appearance.themes.dark }),
    ).toBeChecked();
  });

  test('shortcut: the recorder takes Ctrl+Alt+K, saves it and says so; Esc cancels', async ({ page, harness }) => {
    await openSettings(page, harness.url);
    const checkIn = section(page, t.sections.checkIn);
    await expect(checkIn.locator('kbd')).toHaveText('Ctrl+Alt+Space');

    const change = checkIn.getByRole('button', { name: t.checkIn.change });
    await tabTo(page, change);
    await page.keyboard.press('Enter');
    await expect(checkIn.getByRole('textbox', { name: t.checkIn.recorderLabel })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(checkIn.getByRole('status').first()).toHaveText(t.checkIn.cancelled);
    await expect(change).toBeFocused();

    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Alt+K');
    await expect(checkIn.getByRole('status').first()).toHaveText(t.checkIn.changed('Ctrl+Alt+K'));
    await expect(checkIn.locator('kbd')).toHaveText('Ctrl+Alt+K');
    await expect(change).toBeFocused();
    expect((await settingsNow(page)).shortcut).toBe('CommandOrControl+Alt+K');
  });

  test('pauses: turning them on with Space changes what pauses.status says', async ({ page, harness }) => {
    await openSettings(page, harness.url);
    const before = await page.evaluate(() => window.attune.pauses.status());
    expect(before.ok && before.value.next).toEqual({ kind: 'none', reason: 'disabled' });
    const pauses = section(page, t.sections.pauses);
    await expect(pauses.getByText(t.pauses.status.off)).toBeVisible();

    const enable = pauses.getByRole('checkbox', { name: t.pauses.enable });
    await expect(enable).not.toBeChecked();
    await tabTo(page, enable);
    await page.keyboard.press('Space');
    await expect(enable).toBeChecked();
    await expect(pauses.getByText(/^Next pause: /)).toBeVisible();
    const after = await page.evaluate(() => window.attune.pauses.status());
    expect(after.ok && after.value.next.kind).toBe('pause');
    expect((await settingsNow(page)).pauses.enabled).toBe(true);

    // One more: Saturday joins the active days, from the keyboard.
    const saturday = pauses.getByRole('checkbox', { name: 'Saturday' });
    await tabTo(page, saturday);
    await page.keyboard.press('Space');
    await expect.poll(async () => (await settingsNow(page)).pauses.activeDays).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('export: a confirm that says the file is readable, then a file with the entries', async ({ page, harness, dataDir }) => {
    await withHistory(page, harness.url, 3);
    await openSettings(page, harness.url);
    const privacy = section(page, t.sections.privacy);

    const start = privacy.getByRole('button', { name: t.privacy.exportStart });
    await tabTo(page, start);
    await page.keyboard.press('Enter');
    await expect(privacy.getByRole('heading', { name: t.privacy.exportConfirmHeading })).toBeFocused();
    await expect(privacy.getByText(t.privacy.exportConfirm)).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(privacy.getByRole('button', { name: t.privacy.exportConfirmButton })).toBeFocused();
    await page.keyboard.press('Enter');

    const path = `${dataDir}/exports/attune-export-${new Date().toISOString().slice(0, 10)}.json`;
    await expect(privacy.getByText(t.privacy.exported(3, path))).toBeVisible();
    expect(existsSync(path)).toBe(true);
    const exported = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    expect(JSON.stringify(exported).match(/"freeze"/g)).toHaveLength(3);
    await expect(start).toBeFocused();
  });

  test('export: cancelling the save dialog says nothing was saved', async ({ page, harness }) => {
    await withHistory(page, harness.url, 1);
    await openSettings(page, harness.url);
    harness.nextSavePath = null;
    const privacy = section(page, t.sections.privacy);
    // Tab reaches the chosen format (JSON); the arrow key moves the choice to CSV.
    await tabTo(page, privacy.getByRole('radio', { name: /JSON/ }));
    await page.keyboard.press('ArrowRight');
    await expect(privacy.getByRole('radio', { name: /CSV/ })).toBeChecked();
    await tabTo(page, privacy.getByRole('button', { name: t.privacy.exportStart }));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(privacy.getByText(t.privacy.exportCancelled)).toBeVisible();
  });

  test('export to a folder that is gone: says what happened and what to do, then the same export saves elsewhere', async ({
    page,
    harness,
    dataDir,
  }) => {
    await withHistory(page, harness.url, 2);
    await openSettings(page, harness.url);
    const privacy = section(page, t.sections.privacy);
    harness.nextSavePath = `${dataDir}/unplugged-drive/attune-export.json`;
    await privacy.getByRole('button', { name: t.privacy.exportStart }).click();
    await privacy.getByRole('button', { name: t.privacy.exportConfirmButton }).click();
    // Not "Attune could not read that request": the place, that nothing is lost, and the way on.
    await expect(privacy.getByText(errorCopy['export-folder-missing'])).toBeVisible();
    await expect(page.getByText(/could not read that request/)).toHaveCount(0);
    await screenshot(page, 'settings-export-folder-gone');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await privacy.getByRole('button', { name: t.privacy.exportStart }).click();
    await privacy.getByRole('button', { name: t.privacy.exportConfirmButton }).click();
    const path = `${dataDir}/exports/attune-export-${new Date().toISOString().slice(0, 10)}.json`;
    await expect(privacy.getByText(t.privacy.exported(2, path))).toBeVisible();
  });

  test('erase: two confirms that name what will be lost, then a history that is not set up', async ({ page, harness }) => {
    await withHistory(page, harness.url, 2);
    await openSettings(page, harness.url);
    const privacy = section(page, t.sections.privacy);

    await tabTo(page, privacy.getByRole('button', { name: t.privacy.eraseStart }));
    await page.keyboard.press('Enter');
    await expect(privacy.getByRole('heading', { name: t.privacy.eraseWhatHeading })).toBeFocused();
    await expect(privacy.getByText(t.privacy.eraseWhat(2))).toBeVisible();
    await tabTo(page, privacy.getByRole('button', { name: t.privacy.eraseContinue }));
    await page.keyboard.press('Enter');
    await expect(privacy.getByRole('heading', { name: t.privacy.eraseFinalHeading })).toBeFocused();
    expect(harness.calls).not.toContain('vault.erase');

    await tabTo(page, privacy.getByRole('button', { name: t.privacy.eraseFinal }));
    await page.keyboard.press('Enter');
    await expect(privacy.getByText(t.privacy.erased)).toBeVisible();
    await expect(privacy.getByText(t.privacy.notSetUp)).toBeVisible();
    const status = await page.evaluate(() => window.attune.vault.status());
    expect(status.ok && status.value.state).toBe('not-set-up');
  });
});

/**
 * How each part looks, one test per part and colour scheme (a single walk through every part took
 * most of the 30 s test timeout on a loaded 2-core machine). Each starts from the same place: three
 * check-ins saved, settings freshly opened.
 */
test.describe('settings, how it looks', () => {
  const scrollTo = (locator: Locator, block: 'start' | 'center' = 'start') =>
    locator.evaluate((el, b) => el.scrollIntoView({ block: b }), block);

  for (const scheme of ['light', 'dark'] as const) {
    test.describe(scheme, () => {
      // pageProblems here too, so console errors are collected from the first load on.
      test.beforeEach(async ({ page, harness, pageProblems: _collecting }) => {
        await setColorScheme(page, scheme);
        await withHistory(page, harness.url, 3);
        await openSettings(page, harness.url);
      });

      test('the whole view is axe clean, has no inline styles, and only the section scrolls', async ({ page, pageProblems }) => {
        await expect(section(page, t.sections.pauses).getByText(t.pauses.status.off)).toBeVisible();
        await expect(section(page, t.sections.system).getByText('0.0.0-stand-in')).toBeVisible();
        await expect(page.locator('[style]')).toHaveCount(0);
        // Only the section scrolls; the window itself never does (the nav stays put).
        expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThanOrEqual(APP_WINDOW.height);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await screenshot(page, `settings-${scheme}`);
        expect(pageProblems).toEqual([]);
      });

      test('the shortcut recorder waiting for keys, with Ctrl and Alt held, is axe clean', async ({ page, pageProblems }) => {
        const checkIn = section(page, t.sections.checkIn);
        await checkIn.getByRole('button', { name: t.checkIn.change }).click();
        await page.keyboard.down('Control');
        await page.keyboard.down('Alt');
        await expect(checkIn.getByRole('textbox', { name: t.checkIn.recorderLabel })).toHaveValue(t.checkIn.held('Ctrl+Alt'));
        expect(await seriousA11yViolations(page)).toEqual([]);
        await screenshot(page, `settings-recording-${scheme}`);
        await page.keyboard.up('Alt');
        await page.keyboard.up('Control');
        await page.keyboard.press('Escape');
        expect(pageProblems).toEqual([]);
      });

      test('pauses with a quiet time added, and the detection part', async ({ page, pageProblems }) => {
        const pauses = section(page, t.sections.pauses);
        await pauses.getByRole('button', { name: t.pauses.addQuiet }).click();
        await expect(pauses.getByRole('group', { name: t.pauses.quietItem(1) })).toBeVisible();
        await scrollTo(page.getByRole('heading', { level: 2, name: t.sections.pauses }));
        await screenshot(page, `settings-pauses-${scheme}`);
        await scrollTo(pauses.getByRole('heading', { name: t.pauses.detection.heading }), 'center');
        await screenshot(page, `settings-detection-${scheme}`);
        expect(pageProblems).toEqual([]);
      });

      test('privacy, and its export confirm', async ({ page, pageProblems }) => {
        const privacy = section(page, t.sections.privacy);
        await scrollTo(page.getByRole('heading', { level: 2, name: t.sections.privacy }));
        await screenshot(page, `settings-privacy-${scheme}`);
        await privacy.getByRole('button', { name: t.privacy.exportStart }).click();
        await scrollTo(privacy.getByRole('heading', { name: t.privacy.exportConfirmHeading }), 'center');
        await screenshot(page, `settings-export-confirm-${scheme}`);
        await privacy.getByRole('button', { name: t.privacy.cancel }).click();
        expect(pageProblems).toEqual([]);
      });

      test('the first erase confirm is axe clean', async ({ page, pageProblems }) => {
        const privacy = section(page, t.sections.privacy);
        await privacy.getByRole('button', { name: t.privacy.eraseStart }).click();
        await scrollTo(privacy.getByRole('heading', { name: t.privacy.eraseWhatHeading }), 'center');
        expect(await seriousA11yViolations(page)).toEqual([]);
        await screenshot(page, `settings-erase-${scheme}`);
        expect(pageProblems).toEqual([]);
      });

      test('system', async ({ page, pageProblems }) => {
        await scrollTo(page.getByRole('heading', { level: 2, name: t.sections.system }));
        await screenshot(page, `settings-system-${scheme}`);
        expect(pageProblems).toEqual([]);
      });
    });
  }
});
