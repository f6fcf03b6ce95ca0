import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';

/**
 * What ships: the built main process (out/main, made by `npm run build` just
 * before the e2e run) carries no test-only hook, stand-in port or harness code.
 */
const OUT_MAIN = join(import.meta.dirname, '../../out/main');

test('the built main process holds no test hooks, stand-ins or harness code', () => {
  const files = readdirSync(OUT_MAIN).filter((name) => name.endsWith('.js'));
  expect(files).toContain('index.js');
  const bundle = files.map((name) => readFileSync(join(OUT_MAIN, name), 'utf8')).join('\n');
  for (const marker of ['ATTUNE_E2E', '__attuneE2E', 'StandInWindows', 'standInPlatform', 'MovableClock', 'FakeNotifier', '__harness']) {
    expect(bundle, `out/main must not contain ${marker}`).not.toContain(marker);
  }
  // The root it ships is the one the harness runs.
  expect(bundle).toContain('createAttune');
});
