import { expect, test } from '../fixtures';
import { heading, setUpHistory } from './journey-steps';

test('every tray menu item does what it says, in the window it opens', async ({ attune }) => {
  const { desktop, tray } = attune;
  await setUpHistory(attune);
  const app = await desktop.app(); // the first run's welcome
  await expect(heading(app)).toHaveText('Welcome to Attune');
  for (const [item, title] of [
    ['history', 'History'],
    ['settings', 'Settings'],
    ['help', 'Get help now'],
  ] as const) {
    await tray.click(item);
    await expect(heading(app)).toHaveText(title);
  }
  await tray.click('check-in');
  await expect(heading(desktop.popover)).toHaveText('What is here right now?');
  // The pause is offered, not ordered (copy guide: "Invite, never instruct").
  expect(await tray.labels()).toContain('A short pause now?');
  await tray.click('pause-now');
  const pause = await desktop.pause();
  expect(await attune.windowSize('pause')).toEqual({ width: 440, height: 420 });
  await expect(heading(pause)).toHaveText('A short pause');
  // Reminders: on from the tray turns scheduled pauses on; the submenu then offers a break from them.
  await tray.click('reminders-on');
  await expect.poll(async () => (await attune.settings()).pauses.enabled).toBe(true);
  await expect.poll(async () => (await tray.labels()).join('\n')).toMatch(/Next pause|Pause reminders/);
  await tray.click('reminders-off');
  await expect.poll(() => tray.labels()).toContain('[Pause reminders off]');
  await tray.click('reminders-on');
  await expect.poll(async () => (await tray.labels()).join('\n')).toMatch(/Next pause/);
  await tray.click('lock');
  await expect(heading(desktop.popover)).toHaveText('Attune is locked');
  // Help stays open while locked (it must be one click away); the nav offers Unlock instead of the rest.
  await expect(heading(app)).toHaveText('Get help now');
  await expect(app.getByRole('navigation').getByRole('button', { name: 'Unlock' })).toBeVisible();
  await expect(app.getByRole('navigation').getByRole('button', { name: 'History' })).toHaveCount(0);
  await tray.click('quit');
  await expect.poll(() => attune.hasQuit()).toBe(true);
});
