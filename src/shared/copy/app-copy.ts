import { live, liveGroup } from '../i18n/messages';

/**
 * Words that others might see (tray tooltip, menu, window titles, app switcher)
 * stay neutral: no mental-health words. The tray's `pauseNow` is an offer, as
 * the copy guide asks ("Want to pause for a minute?"), short enough for a menu.
 * Words: messages/<locale>/app.json.
 */
const words = /* @__PURE__ */ live('app');

/* The tray's words as a live group: the menu model keeps it in a variable (`const t = appCopy.tray`). */
const tray = /* @__PURE__ */ liveGroup(
  () => words.tray,
  (m) => ({
    nextPauseAt: (time: string) => m.nextPauseAt({ time }),
    nextPauseLater: (day: string, time: string) => m.nextPauseLater({ day, time }),
    remindersPausedUntil: (time: string) => m.remindersPausedUntil({ time }),
    shortcutTaken: (accelerator: string) => m.shortcutTaken({ accelerator }),
  }),
);

/** The product's name, the same in every language: never a message, so reading it needs nothing loaded. */
export const APP_NAME = 'Attune';

export const appCopy = /* @__PURE__ */ live('app', () => ({ tray, name: APP_NAME, tooltip: APP_NAME, windowTitle: APP_NAME }));

/** Names in the system's save dialog. Words: messages/<locale>/file-type.json. */
export const fileTypeCopy = /* @__PURE__ */ live('fileType');

/** Words: messages/<locale>/notice.json. */
export const noticeCopy = /* @__PURE__ */ live('notice', (m) => ({
  settingsReset: (keptAt: string) => m.settingsReset({ keptAt }),
  settingsPartlyReset: (keptAt: string) => m.settingsPartlyReset({ keptAt }),
  settingsTooNew: (keptAt: string) => m.settingsTooNew({ keptAt }),
}));
