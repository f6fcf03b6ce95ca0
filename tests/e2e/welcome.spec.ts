import { startHarness } from '../harness/harness-server';
import { openAppView, PASSPHRASE } from './checkin-steps';
import { expect, screenshot, seriousA11yViolations, setColorScheme, test } from './fixtures';

test.use({ viewport: { width: 880, height: 660 } });

test.describe('first run', () => {
  test('three short screens by keyboard: what it is and is not, private history, ways in — nothing on by default', async ({
    page,
    harness,
    pageProblems,
  }) => {
    await openAppView(page, harness.url, 'welcome');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Attune');
    await expect(page.getByText(/Attune is not an emergency service/)).toBeVisible();
    await page.getByRole('button', { name: 'Continue' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keep your history private');
    await expect(page.getByText('If you forget this passphrase, your history can’t be recovered — by anyone.')).toBeVisible();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Type it again').fill(PASSPHRASE);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your recovery key');
    await page.getByRole('button', { name: 'I’ve written it down' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ways in');
    await expect(page.getByText('Press Ctrl+Alt+Space anywhere to check in.', { exact: false })).toBeVisible();
    const pauses = page.getByRole('checkbox', { name: /Offer a short pause/ });
    await expect(pauses).not.toBeChecked();
    const before = await page.evaluate(() => window.attune.settings.get());
    expect(before.ok && before.value.pauses.enabled).toBe(false);
    await pauses.check();
    await expect
      .poll(async () => {
        const r = await page.evaluate(() => window.attune.settings.get());
        return r.ok && r.value.pauses.enabled;
      })
      .toBe(true);
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('History');
    expect((await page.evaluate(() => window.attune.vault.status())).ok).toBe(true);
    expect(pageProblems).toEqual([]);
  });

  test('every screen can be skipped; nothing is set up or switched on', async ({ page, harness }) => {
    await openAppView(page, harness.url, 'welcome');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Set this up later' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ways in');
    await page.getByRole('button', { name: 'Done' }).click();
    const status = await page.evaluate(() => window.attune.vault.status());
    expect(status.ok && status.value.state).toBe('not-set-up');
    const settings = await page.evaluate(() => window.attune.settings.get());
    expect(settings.ok && settings.value.pauses.enabled).toBe(false);
  });

  test('a desktop without tray icons: the app window says why it opened', async ({ page, dataDir }) => {
    const harness = await startHarness({ dataDir, trayAvailable: false });
    try {
      await openAppView(page, harness.url, 'history');
      await expect(page.getByRole('status').filter({ hasText: 'does not show tray icons' })).toHaveText(
        'This desktop does not show tray icons, so Attune opens this window instead. The shortcut still works.',
      );
      // The notice sits in the nav without breaking its list.
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await harness.close();
    }
  });

  // One test per screen and scheme: the three in one test took most of the 30 s timeout on a loaded 2-core machine.
  // Each screen is reached the way a person gets there: the buttons before it, in order.
  const screens = [
    { name: 'about', heading: 'Welcome to Attune', after: [] },
    { name: 'privacy', heading: 'Keep your history private', after: ['Continue'] },
    { name: 'ways', heading: 'Ways in', after: ['Continue', 'Set this up later'] },
  ] as const;
  for (const scheme of ['light', 'dark'] as const) {
    for (const { name, heading, after } of screens) {
      test(`axe-clean and screenshotted (${scheme}): ${name}`, async ({ page, harness }) => {
        await setColorScheme(page, scheme);
        await openAppView(page, harness.url, 'welcome');
        for (const button of after) await page.getByRole('button', { name: button }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
        await screenshot(page, `welcome-${name}-${scheme}`);
        expect(await seriousA11yViolations(page), name).toEqual([]);
      });
    }
  }
});
