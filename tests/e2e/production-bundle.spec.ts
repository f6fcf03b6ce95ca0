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

/**
 * The CSP refuses code built from strings, so nothing in the windows may ask for it, not even as a
 * caught probe (zod's is reported as a violation). zod itself stays in main: the crisis data is
 * validated by its spec.
 */
test('the renderer and preload bundles build no code from strings and carry no zod', () => {
  const OUT = join(import.meta.dirname, '../../out');
  const files = [
    ...readdirSync(join(OUT, 'renderer/assets')).map((name) => join(OUT, 'renderer/assets', name)),
    ...readdirSync(join(OUT, 'preload')).map((name) => join(OUT, 'preload', name)),
  ].filter((path) => /\.(c|m)?js$/.test(path));
  expect(files.length).toBeGreaterThan(3);
  for (const path of files) {
    const code = readFileSync(path, 'utf8');
    expect(code, path).not.toMatch(/\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*["'`]/);
    expect(code, path).not.toContain('_zod');
  }
});
