import Conf from 'conf';
import { z } from 'zod';
import { DEFAULT_SETTINGS, type Settings, settingsSchema } from '../../shared/settings-schema';

export const SETTINGS_FILE_NAME = 'settings.json';

/**
 * electron-store's JSON schema, generated from the zod schema so there is one
 * source of truth; conf validates every write against it as a second guard.
 */
export const settingsJsonSchema = () => {
  const json = z.toJSONSchema(settingsSchema, { target: 'draft-7' }) as { properties: Record<string, object> };
  return json.properties;
};

export const settingsStoreOptions = (dir: string) => ({
  cwd: dir,
  schema: settingsJsonSchema() as never,
  rootSchema: { additionalProperties: false },
  defaults: DEFAULT_SETTINGS,
  clearInvalidConfig: false,
  // Settings are not secret (the vault holds what is), so a readable file helps support.
  serialize: (value: Settings) => `${JSON.stringify(value, null, '\t')}\n`,
});

/** The same store outside Electron (tests, the browser harness), over conf, electron-store's engine. */
export const openConfSettingsStore = (dir: string) =>
  new Conf<Settings>({ ...settingsStoreOptions(dir), configName: 'settings', projectName: 'attune' });
