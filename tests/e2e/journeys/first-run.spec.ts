import { PASSPHRASE } from '../checkin-steps';
import { expect, seriousA11yViolations, test } from '../fixtures';
import { checkInByKeyboard, heading, savedEntries } from './journey-steps';

test('first run: the welcome opens by itself; then a check-in from the tray is saved', async ({ attune }) => {
  const { desktop } = attune;
  // Nothing else is open: Attune's first start opens the welcome in the app window, at its real size.
  const app = await desktop.app();
  expect(await attune.windowSize('app')).toEqual({ width: 880, height: 660 });
  await expect(heading(app)).toHaveText('Welcome to Attune');
  expect((await attune.popover()).visible).toBe(false);
  await app.getByRole('button', { name: 'Continue' }).focus();
  await app.keyboard.press('Enter');
  await app.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await app.getByLabel('Type it again').fill(PASSPHRASE);
  await app.keyboard.press('Enter');
  await expect(heading(app)).toHaveText('Your recovery key');
  await app.getByRole('button', { name: 'I’ve written it down' }).click();
  await expect(heading(app)).toHaveText('Ways in');
  expect(await seriousA11yViolations(app)).toEqual([]);
  await app.getByRole('button', { name: 'Done' }).click();
  await expect(heading(app)).toHaveText('History');

  // The tray's first item opens the check-in; the popover is its real size.
  expect((await attune.tray.labels())[0]).toMatch(/^Check in now/);
  await attune.tray.click('check-in');
  expect(await attune.popover()).toEqual({ visible: true, reason: 'tray' });
  expect(await attune.windowSize('popover')).toEqual({ width: 380, height: 580 });
  const step = await checkInByKeyboard(desktop.popover);
  await expect(heading(desktop.popover)).toHaveText('Noted.');
  const [entry] = await savedEntries(desktop.popover);
  expect(entry).toMatchObject({ kind: 'check-in', data: { step: { text: step } } });
  // History from the tray shows it in the app window that is already open.
  await desktop.popover.keyboard.press('x');
  await expect.poll(async () => (await attune.popover()).visible).toBe(false);
  await attune.tray.click('history');
  await expect(heading(app)).toHaveText('History');
  await expect(app.getByRole('article')).toHaveCount(1);
});
