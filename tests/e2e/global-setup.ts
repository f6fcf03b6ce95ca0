import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

import { ELECTRON_SKIP_REASON, electronBinary } from './electron-skip-reason';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Runs once in the runner process. Without an Electron binary it says so in one
 * line (the electron project is left out). With one, it builds the test-only
 * Electron entry (tests/electron/e2e-main.ts) into out-e2e/, apart from out/.
 */
export default function globalSetup(): void {
  if (electronBinary === null) {
    console.log(ELECTRON_SKIP_REASON);
    return;
  }
  execFileSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', resolve(ROOT, 'out-e2e')],
    {
      cwd: ROOT,
      env: { ...process.env, ATTUNE_BUILD: 'e2e' },
      stdio: 'inherit',
    },
  );
}
