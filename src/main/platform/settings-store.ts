import ElectronStore from 'electron-store';

import type { Settings } from '../../shared/settings-schema';
import { settingsStoreOptions } from '../settings/settings-store-options';

/** electron-store calls conf's `configName` `name`; everything else is shared with the harness's conf store. */
export const openElectronSettingsStore = (dir: string) => {
  const { configName, ...options } = settingsStoreOptions(dir);
  return new ElectronStore<Settings>({ ...options, name: configName });
};
