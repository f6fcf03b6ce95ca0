import { liveGroup } from '../i18n/live-group';
import { live } from '../i18n/messages';

/**
 * Words that others might see (tray tooltip, menu, window titles, app switcher)
 * stay neutral: no mental-health words. The tray's `pauseNow` is an offer, as
 * the copy guide asks ("Want to pause for a minute?"), short enough for a menu.
 * Words: messages/<locale>/app.json.
 */
const words = live('app');

/* The tray's words as a live group: the menu model keeps it in a variable (`const t = appCopy.tray`). */
const tray = liveGroup(
  () => words.tray,
  (m) => ({
    nextPauseAt: (time: string) => m.nextPauseAt({ time }),
    nextPauseLater: (day: string, time: string) => m.nextPauseLater({ day, time }),
    remindersPausedUntil: (time: string) => m.remindersPausedUntil({ time }),
    shortcutTaken: (accelerator: string) => m.shortcutTaken({ accelerator }),
  }),
);

export const appCopy = live('app', () => ({ tray }));

/** Names in the system's save dialog. Words: messages/<locale>/file-type.json. */
export const fileTypeCopy = live('fileType');

/** Words: messages/<locale>/notice.json. */
export const noticeCopy = live('notice', (m) => ({
  settingsReset: (keptAt: string) => m.settingsReset({ keptAt }),
  settingsPartlyReset: (keptAt: string) => m.settingsPartlyReset({ keptAt }),
  settingsTooNew: (keptAt: string) => m.settingsTooNew({ keptAt }),
}));
