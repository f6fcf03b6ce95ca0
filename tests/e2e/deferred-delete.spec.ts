import { expect, test } from './fixtures';
import { heading, savedEntries, setUpHistory, unlockWithPassphrase } from './journeys/journey-steps';

/**
 * A delete made just before Attune locks is still meant, even when the window
 * it was made in closes before the next unlock (it used to wait in that
 * window's memory, and the entry came back).
 */
test('delete, lock during the undo time, close the window, unlock later: the entry stays deleted', async ({ attune }) => {
  const { desktop } = attune;
  await setUpHistory(attune);
  for (const note of ['keep this one', 'delete this one']) {
    expect(
      (
        await desktop.popover.evaluate(
          (text) => window.attune.vault.append({ kind: 'check-in', data: { states: ['freeze'], needs: [], note: text } }),
          note,
        )
      ).ok,
    ).toBe(true);
  }
  await attune.tray.click('history');
  const app = await desktop.app();
  await expect(app.getByText('delete this one')).toBeVisible();
  await app
    .getByRole('article')
    .filter({ hasText: 'delete this one' })
    .getByRole('button', { name: /Delete the check-in/ })
    .click();
  await expect(app.getByRole('button', { name: 'Undo' })).toBeVisible();
  // Locked from the tray while the undo time runs; then the person closes the app window.
  await attune.tray.click('lock');
  await expect(heading(app)).toHaveText('Attune is locked');
  await app.close();
  await expect.poll(() => attune.windowSize('app')).toBeNull();
  // Later, unlocked from the check-in: the entry is gone, the other one is there.
  await attune.tray.click('check-in');
  await unlockWithPassphrase(desktop.popover);
  await expect(heading(desktop.popover)).toHaveText('What is here right now?');
  const notes = (await savedEntries(desktop.popover)).map((entry) => (entry.data as { note?: string }).note);
  expect(notes).toEqual(['keep this one']);
});
