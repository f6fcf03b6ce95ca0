import type { Logger } from '../log/logger';
import { prepareSettingsFile } from './prepare-settings-file';
import { settingsNotice } from './settings-notice';
import { SettingsService, type SettingsStore } from './settings-service';
import { settingsFilePath } from './settings-store-options';

/**
 * Checks (and migrates or sets aside) the settings file, then opens the store on
 * it. Shared by the app (electron-store) and the harness and tests (conf).
 */
export const openSettings = (
  dataDir: string,
  openStore: (dir: string) => SettingsStore,
  log: Logger,
  now = Date.now(),
): { settings: SettingsService; notice: string | null; firstRun: boolean } => {
  const outcome = prepareSettingsFile(settingsFilePath(dataDir), now);
  if (outcome.kind !== 'unchanged' && outcome.kind !== 'fresh') log.warn('settings: file needed care', { outcome: outcome.kind });
  return { settings: new SettingsService(openStore(dataDir), log), notice: settingsNotice(outcome), firstRun: outcome.kind === 'fresh' };
};
