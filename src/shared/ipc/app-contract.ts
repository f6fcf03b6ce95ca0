import { z } from 'zod';

import { settingsPatchSchema, settingsSchema } from '../settings-schema';
import { VIEWS } from '../views';
import { channel } from './channel';

export { type ViewId, VIEWS } from '../views';

export const appInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['darwin', 'win32', 'linux', 'other']),
  /** Where history and settings live, shown in About so people know what stays local. */
  dataDir: z.string(),
  /** The shortcut that is actually registered now, or null when registration did not work. */
  activeShortcut: z.string().nullable(),
  /** False on a Linux desktop that shows no tray icons (plain GNOME); null when it cannot be told. */
  trayAvailable: z.boolean().nullable(),
  /**
   * Whether this desktop tells how long the computer has been idle: 'unknown' where nothing can
   * (some Wayland desktops), so locking after idle time cannot happen and Settings says so.
   */
  idleTime: z.enum(['known', 'unknown']),
  /** A calm notice main wants shown once (e.g. settings were reset), or null. */
  notice: z.string().nullable(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appContract = {
  'app.info': channel(z.undefined(), appInfoSchema),
  'settings.get': channel(z.undefined(), settingsSchema),
  'settings.set': channel(settingsPatchSchema, settingsSchema),
  'ui.closePopover': channel(z.undefined(), z.null()),
  /** Closes the window that asks (the pause window, an app window); the popover hides. */
  'ui.closeWindow': channel(z.undefined(), z.null()),
  'ui.openView': channel(z.strictObject({ view: z.enum(VIEWS) }), z.null()),
  /**
   * The section Attune last asked the open app window to show, after the one it opened with (null
   * when none): a window still loading when asked missed that `view.show`, so it asks once it listens.
   */
  'ui.viewAsked': channel(z.undefined(), z.enum(VIEWS).nullable()),
} as const;
