import ElectronStore from 'electron-store';
import type { Settings } from '../../shared/settings-schema';
import { settingsStoreOptions } from '../settings/settings-store-options';

/** electron-store fills in the userData folder; everything else is shared with the harness's conf store. */
export const openElectronSettingsStore = (dir: string) => new ElectronStore<Settings>({ ...settingsStoreOptions(dir), name: 'settings' });
