import { expect, test } from '../fixtures';
import { heading, setUpHistory } from './journey-steps';

test('sleep locks Attune in every window at once; nothing private stays on screen', async ({ harness, desktop }) => {
  await setUpHistory(harness);
  expect(
    (
      await desktop.popover.evaluate(() =>
        window.attune.vault.append({ kind: 'check-in', data: { states: ['freeze'], needs: [], note: 'private words' } }),
      )
    ).ok,
  ).toBe(true);
  harness.tray().click('history');
  const app = await desktop.app();
  await expect(app.getByText('private words')).toBeVisible();
  harness.tray().click('check-in');
  harness.standIns.power.emit('suspend');
  await expect(heading(app)).toHaveText('Attune is locked');
  await expect(app.getByText('private words')).toHaveCount(0);
  await expect(heading(desktop.popover)).toHaveText('Attune is locked');
  await expect(desktop.popover.getByRole('button', { name: 'Get help now' })).toBeVisible();
});
