import { join } from 'node:path';

import Conf from 'conf';

import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings-schema';

/** The settings file is `<dir>/settings.json`: these two names are all that says so. */
const SETTINGS_STORE_NAME = 'settings';
const SETTINGS_FILE_EXTENSION = 'json';

/** Where the store keeps its file, for the checks that run before it opens. */
export const settingsFilePath = (dir: string): string => join(dir, `${SETTINGS_STORE_NAME}.${SETTINGS_FILE_EXTENSION}`);

/**
 * The options electron-store and conf share. No JSON schema: zod is the one
 * description of the settings, and it already guards every way in and out.
 * prepareSettingsFile checks (and repairs) the file before the store opens,
 * and SettingsService, the store's only reader and writer, parses what it
 * loads and every change before it is written.
 */
export const settingsStoreOptions = (dir: string) => ({
  cwd: dir,
  configName: SETTINGS_STORE_NAME,
  fileExtension: SETTINGS_FILE_EXTENSION,
  defaults: DEFAULT_SETTINGS,
  clearInvalidConfig: false,
  // Settings are not secret (the vault holds what is), so a readable file helps support.
  serialize: (value: Settings) => `${JSON.stringify(value, null, '\t')}\n`,
});

/** The same store outside Electron (tests, the browser harness), over conf, electron-store's engine. */
export const openConfSettingsStore = (dir: string) => new Conf<Settings>({ ...settingsStoreOptions(dir), projectName: 'attune' });
