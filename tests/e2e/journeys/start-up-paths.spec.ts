import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { appCopy } from '../../../src/shared/copy';
import { expect, test } from '../fixtures';
import { heading } from './journey-steps';

test('a start-up that cannot finish: one calm dialog, nothing half-open', async ({ launch, dataDir }) => {
  const blocked = join(dataDir, 'not-a-folder');
  writeFileSync(blocked, 'a file where the data folder should be');
  const attune = await launch({ dataDir: blocked });
  expect(await attune.outcome()).toBe('failed');
  const dialogs = await attune.fatalDialogs();
  expect(dialogs).toEqual([appCopy.cannotStart.fatal]);
  expect(dialogs[0]).not.toMatch(/Error|ENOTDIR|at \S+ \(/);
});

test('a desktop without tray icons: the app window opens by itself and says why', async ({ attune, launch, dataDir }) => {
  await attune.close(); // the first run (welcome) is behind this person
  const again = await launch({ dataDir, trayAvailable: false });
  const app = await again.desktop.app();
  await expect(heading(app)).toHaveText('History');
  await expect(app.getByRole('status').filter({ hasText: 'does not show tray icons' })).toBeVisible();
});
