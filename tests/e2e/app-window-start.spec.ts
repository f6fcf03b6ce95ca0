import type { Route } from '@playwright/test';

import { expect, test } from './fixtures';
import { heading } from './journeys/journey-steps';

/**
 * A section asked for while the app window is still loading is the one it
 * shows. At the first start the welcome opens; History from the tray a moment
 * later came as a message the loading page never heard, and the welcome won.
 */
test('History asked for from the tray while the first-start welcome is loading: History is shown', async ({ attune }) => {
  const { desktop } = attune;
  const app = await desktop.app();
  await expect(heading(app)).toHaveText('Welcome to Attune');
  // The window loads again with its scripts held back: the page cannot listen yet.
  const held: Route[] = [];
  let holding = true;
  await app.route('**/*.js', (route) => (holding ? void held.push(route) : route.continue()));
  await app.reload({ waitUntil: 'commit' });
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await attune.tray.click('history');
  holding = false;
  for (const route of held) await route.continue();
  await expect(heading(app)).toHaveText('History');
  await expect(app.getByRole('button', { name: 'History' })).toHaveAttribute('aria-current', 'page');
});
