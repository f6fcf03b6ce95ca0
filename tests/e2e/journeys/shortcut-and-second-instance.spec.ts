import { expect, test } from '../fixtures';
import { checkInByKeyboard, heading, popoverIsAsking, savedEntries } from './journey-steps';

test('the shortcut opens the check-in from anywhere, and it is saved', async ({ attune }) => {
  const { desktop } = attune;
  // A first run: the welcome is open in the app window when the person presses the shortcut.
  await expect(heading(await desktop.app())).toHaveText('Welcome to Attune');
  expect(await attune.pressShortcut()).toBe(true);
  expect(await attune.popover()).toEqual({ visible: true, reason: 'shortcut' });
  const step = await checkInByKeyboard(desktop.popover, 'shortcut');
  // First run: the history is set up inline, so the entry is not lost.
  await expect(heading(desktop.popover)).toHaveText('Keep your history private');
  await desktop.popover.getByLabel('Passphrase', { exact: true }).fill('a long quiet river');
  await desktop.popover.getByLabel('Type it again').fill('a long quiet river');
  await desktop.popover.keyboard.press('Enter');
  await expect(heading(desktop.popover)).toHaveText(/Your recovery key|Noted\./);
  await expect.poll(async () => (await savedEntries(desktop.popover)).map((entry) => entry.data)).toMatchObject([{ step: { text: step } }]);
});

test('launching Attune again while it runs opens the check-in in the running one', async ({ attune }) => {
  const { desktop } = attune;
  await expect(heading(await desktop.app())).toHaveText('Welcome to Attune');
  await attune.launchAgain();
  expect(await attune.popover()).toEqual({ visible: true, reason: 'second-instance' });
  await popoverIsAsking(desktop.popover);
  // Esc closes it, as everywhere.
  await desktop.popover.keyboard.press('Escape');
  await expect.poll(async () => (await attune.popover()).visible).toBe(false);
});
