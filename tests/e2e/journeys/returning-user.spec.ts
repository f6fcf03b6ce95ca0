import { startHarness } from '../../harness/harness-server';
import { openDesktop } from '../desktop';
import { expect, test } from '../fixtures';
import { checkInByKeyboard, heading, savedEntries, setUpHistory, unlockWithPassphrase } from './journey-steps';

test('returning user: starts locked with nothing open; the shortcut opens the lock screen, unlock, check in', async ({
  context,
  dataDir,
  harness,
}) => {
  await setUpHistory(harness);
  await harness.close();
  const again = await startHarness({ dataDir });
  const desktop = await openDesktop(context, again);
  try {
    // Not a first run: no window opens by itself, and the tray offers no Lock while locked.
    expect(again.uiActions).toEqual([]);
    expect(again.tray().menu.find((item) => item.id === 'lock')?.enabled ?? false).toBe(false);
    expect(again.standIns.shortcut.press()).toBe(true);
    expect(again.windows().state.popover).toMatchObject({ visible: true, reason: 'shortcut' });
    await unlockWithPassphrase(desktop.popover);
    const step = await checkInByKeyboard(desktop.popover);
    await expect(heading(desktop.popover)).toHaveText('Noted.');
    expect(await savedEntries(desktop.popover)).toMatchObject([{ data: { step: { text: step } } }]);
    // Unlocked now: Lock is offered, and locks the open popover at once.
    await expect.poll(() => again.tray().menu.find((item) => item.id === 'lock')?.enabled).toBe(true);
    again.tray().click('lock');
    await expect(heading(desktop.popover)).toHaveText('Attune is locked');
  } finally {
    await desktop.dispose();
    await again.close();
  }
});
