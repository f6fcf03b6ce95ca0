/**
 * `npm start` / `npm run dev`. Electron ≥ 42 downloads its binary on first run.
 * Where that cannot happen (no network, as on our build machines) say so in one
 * plain line and exit non-zero — never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { appCopy } from '../src/shared/copy';
import { useEnglishNow } from '../src/shared/i18n/english-now';
import { electronPackageDir, findElectronBinary } from './electron-binary';

useEnglishNow();

const mode = process.argv[2] === 'dev' ? 'dev' : 'preview';

if (findElectronBinary() === null) {
  const dir = electronPackageDir();
  // Try the package's own lazy download once, quietly; it succeeds on a connected machine.
  const download = dir ? spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'pipe', timeout: 10 * 60_000 }) : null;
  if (download?.status !== 0 || findElectronBinary() === null) {
    console.error(appCopy.cannotStart.noElectron);
    process.exit(1);
  }
}

const result = spawnSync('electron-vite', [mode], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
