import { DEFAULT_SETTINGS, type Settings, settingsSchema } from '../../shared/settings-schema';

/**
 * Pure: keeps every section of a (migrated) settings object that is valid and
 * puts defaults where a section is missing or broken, so one bad value never
 * costs a person the rest of their choices.
 */
export const repairSettings = (raw: Record<string, unknown>): { settings: Settings; repaired: string[] } => {
  const whole = settingsSchema.safeParse(raw);
  if (whole.success) return { settings: whole.data, repaired: [] };
  const repaired: string[] = [];
  const settings = structuredClone(DEFAULT_SETTINGS) as Record<string, unknown>;
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    if (!Object.hasOwn(raw, key)) continue;
    const section = schema.safeParse(raw[key]);
    if (section.success) settings[key] = section.data;
    else repaired.push(key);
  }
  for (const key of Object.keys(raw)) if (!Object.hasOwn(settingsSchema.shape, key)) repaired.push(key);
  return { settings: settingsSchema.parse(settings), repaired };
};
