import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appCopy } from '../../../src/shared/copy';
import { startHarness } from '../../harness/harness-server';
import { openDesktop } from '../desktop';
import { expect, test } from '../fixtures';
import { heading } from './journey-steps';

test('a start-up that cannot finish: one calm dialog, nothing half-open', async ({ dataDir }) => {
  const blocked = join(dataDir, 'not-a-folder');
  writeFileSync(blocked, 'a file where the data folder should be');
  const harness = await startHarness({ dataDir: blocked });
  try {
    expect(harness.outcome).toBe('failed');
    expect(harness.standIns.fatalDialogs).toEqual([appCopy.cannotStart.fatal]);
    expect(harness.standIns.fatalDialogs[0]).not.toMatch(/Error|ENOTDIR|at \S+ \(/);
    expect(harness.attune).toBeNull();
  } finally {
    await harness.close();
  }
});

test('a desktop without tray icons: the app window opens by itself and says why', async ({ context, dataDir, harness }) => {
  await harness.close(); // the first run (welcome) is behind this person
  const again = await startHarness({ dataDir, trayAvailable: false });
  const desktop = await openDesktop(context, again);
  try {
    const app = await desktop.app();
    await expect(heading(app)).toHaveText('History');
    await expect(app.getByRole('status').filter({ hasText: 'does not show tray icons' })).toBeVisible();
  } finally {
    await desktop.dispose();
    await again.close();
  }
});
