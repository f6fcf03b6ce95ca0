import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the Electron binary is, or null. Same rule as electron-vite: an existing
 * ELECTRON_EXEC_PATH wins, else node_modules/electron/path.txt names a file in
 * its dist/ folder. Used by `npm start` and by the Electron end-to-end test.
 */
export const findElectronBinary = (env: NodeJS.ProcessEnv = process.env): string | null => {
  const fromEnv = env.ELECTRON_EXEC_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
};

export const electronPackageDir = (): string | null => {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
};
