import { openAppView, openPrompt, primaryButton, setUpVault } from './checkin-steps';
import { expect, screenshot, seriousA11yViolations, test } from './fixtures';

/**
 * Attune → misattune → reattune: a check-in picks a step, the next open asks
 * "did that help?", and what helped moves up the next time the same need comes.
 */
test('answer the follow-up on the next open, and see the suggestion order change', async ({ page, harness, pageProblems }) => {
  await openPrompt(page, harness.url);
  await setUpVault(page);
  const target = 'Look around and name five things you can see';
  // Two earlier answers about that step, in the same state and need (history the person already has).
  for (let i = 0; i < 2; i += 1) {
    const checkIn = await page.evaluate(() =>
      window.attune.vault.append({
        kind: 'check-in',
        data: {
          states: ['freeze'],
          needs: ['rest'],
          step: { id: 'name-five-things', text: 'Look around and name five things you can see' },
        },
      }),
    );
    if (!checkIn.ok) throw new Error(checkIn.error.code);
    expect(
      (
        await page.evaluate(
          (id) => window.attune.vault.append({ kind: 'follow-up', data: { checkInId: id, outcome: 'helped' } }),
          checkIn.value.id,
        )
      ).ok,
    ).toBe(true);
  }

  // Today's check-in: freeze, rest, and the step the person picks (not the first suggestion).
  await page.getByText('Freeze', { exact: true }).click();
  await primaryButton(page).click();
  await page.getByText('Rest', { exact: true }).click();
  await primaryButton(page).click();
  const firstBefore = (await page.getByRole('radio').first().locator('xpath=..').innerText()).trim();
  expect(firstBefore).not.toContain(target);
  await page.getByRole('radio', { name: new RegExp(target) }).check();
  await primaryButton(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noted.');
  await page.keyboard.press('Escape');

  // Later: the next open shows the check-in, with the question waiting on it as a small card.
  harness.advanceClock(25 * 60_000);
  harness.emit('popover.shown', { reason: 'shortcut' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is here right now?');
  const card = page.getByRole('complementary', { name: 'An earlier small step' });
  await expect(card).toContainText(target);
  await screenshot(page, 'follow-up-card');
  // The card fits beside the seven states and the way on, with nothing to scroll at 380×580.
  await expect(card).toBeInViewport({ ratio: 1 });
  await expect(primaryButton(page)).toBeInViewport({ ratio: 1 });
  expect(await seriousA11yViolations(page)).toEqual([]);
  await card.getByRole('button', { name: /^Did that help\?/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Did that help?');
  await expect(page.getByText(target)).toBeVisible();
  await screenshot(page, 'follow-up');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('radio', { name: 'It helped' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is here right now?');

  // The same state and need again: what helped comes first, with a count-based reason.
  await page.getByText('Freeze', { exact: true }).click();
  await primaryButton(page).click();
  await page.getByText('Rest', { exact: true }).click();
  await primaryButton(page).click();
  const first = page.getByRole('radio').first();
  await expect(first).toHaveAccessibleName(new RegExp(target));
  await expect(first).toHaveAccessibleName(/Helped you each of the 3 times you tried it when freeze was present\./);
  await screenshot(page, 'suggestions-learned');
  expect(pageProblems).toEqual([]);
});

test('"Not really": another small step now, the earlier answers in, that step last; History shows the answer', async ({
  page,
  harness,
  pageProblems,
}) => {
  await openPrompt(page, harness.url);
  await setUpVault(page);
  await page.getByText('Freeze', { exact: true }).click();
  await primaryButton(page).click();
  await page.getByText('Rest', { exact: true }).click();
  await primaryButton(page).click();
  const tried = page.getByRole('radio').first();
  const triedName = (await tried.locator('xpath=ancestor::label[1]').innerText()).split('\n')[0]!.trim();
  await tried.check();
  await primaryButton(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noted.');
  await page.keyboard.press('Escape');

  harness.advanceClock(25 * 60_000);
  harness.emit('popover.shown', { reason: 'tray' });
  // Keyboard only: Tab from the heading reaches the card's question after the first screen's own choices.
  const ask = page.getByRole('button', { name: /^Did that help\?/ });
  await expect(ask).toBeVisible();
  await page.getByRole('heading', { level: 1 }).focus();
  let presses = 0;
  while (!(await ask.evaluate((el) => el === document.activeElement)) && presses < 30) {
    await page.keyboard.press('Tab');
    presses += 1;
  }
  await expect(ask).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Did that help?');
  await page.getByRole('radio', { name: 'Not really' }).check();
  await page.getByLabel('What happened instead? (optional)').fill('he did not answer');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noted.');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await screenshot(page, 'follow-up-offer');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Try another small step now' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('One small step');
  const radios = page.getByRole('radio');
  await expect(radios).toHaveCount(4);
  await expect(radios.nth(2)).toHaveAccessibleName(new RegExp(`^${triedName}`));
  await screenshot(page, 'follow-up-try-another');
  await radios.first().check();
  await primaryButton(page).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noted.');
  await page.keyboard.press('Escape');

  // Two check-ins, both freeze and rest; the answer shows with the one it was about.
  await openAppView(page, harness.url, 'history');
  const cards = page.getByRole('article');
  await expect(cards).toHaveCount(2);
  await expect(cards.last()).toContainText('Not really — ‘he did not answer’');
  await expect(cards.first()).not.toContainText('Did it help');
  await screenshot(page, 'history-follow-up');
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(pageProblems).toEqual([]);
});
