import { expect, test } from '../fixtures';
import { heading, setUpHistory } from './journey-steps';

test('sleep locks Attune in every window at once; nothing private stays on screen', async ({ attune }) => {
  const { desktop } = attune;
  await setUpHistory(attune);
  const saved = await desktop.popover.evaluate(() =>
    window.attune.vault.append({ kind: 'check-in', data: { states: ['freeze'], needs: [], note: 'private words' } }),
  );
  expect(saved.ok).toBe(true);
  await attune.tray.click('history');
  const app = await desktop.app();
  await expect(app.getByText('private words')).toBeVisible();
  await attune.tray.click('check-in');
  await attune.power('suspend');
  await expect(heading(app)).toHaveText('Attune is locked');
  await expect(app.getByText('private words')).toHaveCount(0);
  await expect(heading(desktop.popover)).toHaveText('Attune is locked');
  await expect(desktop.popover.getByRole('button', { name: 'Get help now' })).toBeVisible();
});
