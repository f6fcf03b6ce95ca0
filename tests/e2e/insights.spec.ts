import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from '@playwright/test';

import { openAppView } from './checkin-steps';
import { expect, screenshot, seriousA11yViolations, setColorScheme, test } from './fixtures';
import { chartsVisible, chooseReadablePeriod, seedHistory } from './insights-steps';

const MARKER = 'marker-insights-5b1d2e';

test.use({ viewport: { width: 880, height: 660 } });

/** The app window's scrolling area, brought to a section so a screenshot shows it. */
const scrollTo = async (page: Page, heading: string) => {
  await page.getByRole('heading', { level: 2, name: heading }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
};

/** Tabs through the view and names what took focus, in order. */
const tabStops = async (page: Page, count: number): Promise<string[]> => {
  const stops: string[] = [];
  for (let i = 0; i < count; i += 1) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        const label = el.closest('label')?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
        return `${el.tagName.toLowerCase()}:${label.trim().replace(/\s+/g, ' ')}`;
      }),
    );
  }
  return stops;
};

/**
 * Three months of history, one test per part and colour scheme (one walk through all of it took most
 * of the 30 s test timeout on a loaded 2-core machine). Each seeds the same history and opens the view
 * on "Last 3 months".
 */
test.describe('insights, three months of history', () => {
  test.beforeEach(async ({ page, harness }) => {
    await openAppView(page, harness.url, 'insights');
    expect(await seedHistory(page, harness, { days: 90 })).toBeGreaterThan(400);
    await openAppView(page, harness.url, 'insights');
    await chooseReadablePeriod(page, 'Last 3 months');
    await chartsVisible(page);
  });

  test('charts with names, descriptions and tables; nothing styled by attribute', async ({ page }) => {
    // Every chart is an image with a name and a description, and a table alternative.
    for (const name of [
      /^When: All check-ins/,
      /^What was present, most named first/,
      /^What you needed, most named first/,
      /^How manageable it felt/,
    ]) {
      await expect(page.getByRole('img', { name })).toHaveAttribute('aria-labelledby', /-title .*-desc$/);
    }
    await expect(page.getByRole('heading', { name: 'When freeze was present' })).toBeVisible();
    await expect(page.getByText(/^Helped \d+ times?/).first()).toBeVisible();
    // The CSP has no 'unsafe-inline' for styles: nothing is styled by attribute.
    await expect(page.locator('[style]')).toHaveCount(0);
  });

  test('keyboard: period, the state choice, each table, and the export are all reached by Tab', async ({ page }) => {
    await page.getByRole('heading', { level: 1, name: 'Insights' }).focus();
    const stops = await tabStops(page, 12);
    expect(stops[0]).toBe('input:Last 3 months');
    expect(stops[1]).toMatch(/^select:Show All check-ins/);
    expect(stops.filter((stop) => stop.startsWith('summary:Show as a table'))).toEqual([
      'summary:Show as a table: When things showed up',
      'summary:Show as a table: What was present',
      'summary:Show as a table: What you needed',
      'summary:Show as a table: How manageable it felt',
    ]);
    expect(stops.slice(6)).toEqual([
      'input:A summary A short page to read or print',
      'input:What was present',
      'input:What you needed',
      'input:What helped',
      'input:Your notes, in your own words Off unless you choose it.',
      'button:Preview',
    ]);
  });

  test("a table opens from the keyboard with the chart's numbers, follows the state choice, and is axe clean", async ({ page }) => {
    await page.getByText('Show as a table').first().focus();
    await page.keyboard.press('Enter');
    const table = page.getByRole('table', { name: 'When: All check-ins' });
    await expect(table).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(8);
    await page.getByRole('combobox', { name: 'Show' }).selectOption('freeze');
    await expect(page.getByRole('img', { name: /^When: Freeze/ })).toBeVisible();
    await expect(page.getByRole('table', { name: 'When: Freeze' })).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`${scheme}: screenshots of each part, axe clean`, async ({ page }) => {
      // No focus ring left from choosing the period: the screenshots show the view as it reads.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await setColorScheme(page, scheme);
      await page.getByRole('heading', { level: 2, name: 'When things showed up' }).evaluate((el) => el.closest('main')?.scrollTo(0, 0));
      await screenshot(page, `insights-${scheme}`);
      await scrollTo(page, 'What you named most');
      await screenshot(page, `insights-${scheme}-named`);
      await scrollTo(page, 'What helped');
      await screenshot(page, `insights-${scheme}-helped`);
      await scrollTo(page, 'How manageable it felt');
      await screenshot(page, `insights-${scheme}-capacity`);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  }
});

test.describe('insights', () => {
  test('a summary with the chosen parts: previewed, confirmed, saved; notes only when chosen', async ({ page, harness, dataDir }) => {
    await openAppView(page, harness.url, 'insights');
    await seedHistory(page, harness, { days: 40 });
    const appended = await page.evaluate(
      (note) => window.attune.vault.append({ kind: 'check-in', data: { states: ['freeze'], needs: ['rest'], capacity: 2, note } }),
      MARKER,
    );
    expect(appended.ok).toBe(true);
    await openAppView(page, harness.url, 'insights');
    await chartsVisible(page);

    // Notes are off unless chosen; the preview shows exactly the chosen parts.
    await expect(page.getByRole('checkbox', { name: /Your notes/ })).not.toBeChecked();
    await page.getByRole('checkbox', { name: 'What helped' }).uncheck();
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(preview).toBeFocused();
    await expect(preview.getByRole('heading', { name: 'What was present' })).toBeVisible();
    await expect(preview.getByRole('heading', { name: 'What I needed' })).toBeVisible();
    await expect(preview.getByRole('heading', { name: 'What helped' })).toHaveCount(0);
    await expect(preview).not.toContainText(MARKER);
    await setColorScheme(page, 'light');
    await preview.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'insights-summary-preview');

    // Saving asks first, plainly, then main's dialog picks the place.
    await page.getByRole('button', { name: 'Save this summary…' }).click();
    await expect(page.getByRole('heading', { name: 'Before you save' })).toBeFocused();
    await expect(page.getByText('This file is not encrypted. Anyone who opens it can read what it holds.')).toBeVisible();
    await page.getByRole('button', { name: 'I understand — choose where to save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved to' })).toBeVisible();
    const saved = join(dataDir, 'exports', `attune-summary-${new Date().toISOString().slice(0, 10)}.html`);
    await expect(page.getByRole('status').filter({ hasText: 'Saved to' })).toHaveText(`Saved to ${saved}`);
    const html = readFileSync(saved, 'utf8');
    expect(html).toContain('What was present');
    expect(html).toContain('Freeze');
    expect(html).toContain('What I needed');
    expect(html).not.toContain('What helped');
    expect(html).not.toContain('My notes');
    expect(html).not.toContain(MARKER);

    // With notes chosen, the old preview is retired; the new one holds the note. Cancelling saves nothing.
    await page.getByRole('checkbox', { name: /Your notes/ }).check();
    await expect(page.getByText('The choices changed. Preview again to see what the file will hold.')).toBeVisible();
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(preview).toContainText(MARKER);
    harness.nextSavePath = null;
    await page.getByRole('button', { name: 'Save this summary…' }).click();
    await page.getByRole('button', { name: 'I understand — choose where to save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Nothing was saved.' })).toBeVisible();

    // The period's entries as CSV, from the same place.
    await page.getByRole('radio', { name: /All entries as CSV/ }).check();
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByRole('button', { name: 'I understand — choose where to save' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Saved \d+ entries to / })).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  test('an empty period and a thin one are met kindly, without charts', async ({ page, harness }) => {
    await openAppView(page, harness.url, 'insights');
    await page.evaluate(() =>
      window.attune.vault.setup({ useKeychain: false, passphrase: 'a long quiet river', createRecoveryKey: false }),
    );
    await openAppView(page, harness.url, 'insights');
    await expect(page.getByRole('heading', { level: 2, name: 'Nothing in this period' })).toBeVisible();
    await expect(page.getByText('There is no right amount.')).toBeVisible();
    await expect(page.getByRole('img')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Preview' })).toBeDisabled();
    // Said kindly, with no count to read: the walk found "0 check-ins in this period".
    await expect(page.getByText(/\d check-ins? in this period/)).toHaveCount(0);
    await screenshot(page, 'insights-empty-period');

    await page.evaluate(() => window.attune.vault.append({ kind: 'check-in', data: { states: ['fawn'], needs: ['space'] } }));
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'A few check-ins so far' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'Fawn, once' })).toBeVisible();
    await expect(page.getByRole('img')).toHaveCount(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  test('10k entries: time from navigation to the charts (printed, not asserted)', async ({ page, harness }) => {
    test.setTimeout(180_000);
    await openAppView(page, harness.url, 'insights');
    const seedStart = Date.now();
    const count = await seedHistory(page, harness, { entries: 10_000, seed: 7 });
    console.log(`insights e2e: seeded ${count} entries through VaultService.append in ${Date.now() - seedStart} ms`);
    // Long tasks (> 50 ms on the main thread) while the view opens: the "jank" a person would feel.
    await page.addInitScript(() => {
      const seen: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = seen;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) seen.push(Math.round(entry.duration));
      }).observe({ type: 'longtask', buffered: true });
    });
    const longTasks = () => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
    const say = (what: string, ms: number, tasks: number[]) =>
      console.log(`insights e2e: ${count} entries, ${what}: ${ms} ms; long tasks: ${tasks.length ? `${tasks.join(', ')} ms` : 'none'}`);

    let start = Date.now();
    await openAppView(page, harness.url, 'insights');
    await chartsVisible(page);
    say('navigation → charts visible ("Last 30 days")', Date.now() - start, await longTasks());

    start = Date.now();
    await chooseReadablePeriod(page, 'All time');
    await expect(page.getByText(/check-ins in this period/)).toHaveText(/^\d{1,3}(,\d{3})+ check-ins/);
    await chartsVisible(page);
    say('"All time" chosen → charts redrawn', Date.now() - start, await longTasks());
  });
});
