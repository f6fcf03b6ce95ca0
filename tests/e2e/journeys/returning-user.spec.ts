import { expect, test } from '../fixtures';
import { checkInByKeyboard, heading, savedEntries, setUpHistory, unlockWithPassphrase } from './journey-steps';

test('returning user: starts locked with nothing open; the shortcut opens the lock screen, unlock, check in', async ({
  attune,
  launch,
  dataDir,
}) => {
  await setUpHistory(attune);
  await attune.close();
  const again = await launch({ dataDir });
  const { desktop } = again;
  // Not a first run: no window opens by itself, and the tray offers no Lock while locked.
  expect(await again.uiActions()).toEqual([]);
  expect(await again.tray.isEnabled('lock')).toBe(false);
  expect(await again.pressShortcut()).toBe(true);
  expect(await again.popover()).toEqual({ visible: true, reason: 'shortcut' });
  await unlockWithPassphrase(desktop.popover);
  const step = await checkInByKeyboard(desktop.popover);
  await expect(heading(desktop.popover)).toHaveText('Noted.');
  expect(await savedEntries(desktop.popover)).toMatchObject([{ data: { step: { text: step } } }]);
  // Unlocked now: Lock is offered, and locks the open popover at once.
  await expect.poll(() => again.tray.isEnabled('lock')).toBe(true);
  await again.tray.click('lock');
  await expect(heading(desktop.popover)).toHaveText('Attune is locked');
});
