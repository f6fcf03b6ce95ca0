import { findElectronBinary } from '../../scripts/electron-binary';

export const ELECTRON_SKIP_REASON =
  'Electron e2e skipped: no Electron binary on this machine (node_modules/electron/path.txt is missing and ELECTRON_EXEC_PATH is not set); it cannot be downloaded here.';

export const electronBinary = findElectronBinary();
