/**
 * Words that others might see (tray tooltip, menu, window titles, app switcher)
 * stay neutral: no mental-health words.
 */
export const appCopy = {
  name: 'Attune',
  tooltip: 'Attune',
  windowTitle: 'Attune',
  tray: {
    checkIn: 'Check in now',
    /** An offer, as the copy guide asks ("Want to pause for a minute?"), short enough for a menu. */
    pauseNow: 'A short pause now?',
    nextPauseOff: 'Pause reminders off',
    nextPauseAt: (time: string) => `Next pause: ${time}`,
    nextPausePlaceholder: 'Next pause: —',
    nextPauseLater: (day: string, time: string) => `Next pause: ${day} ${time}`,
    remindersPausedUntil: (time: string) => `Pause reminders paused until ${time}`,
    noPauseTimes: 'No pause times set',
    pendingPause: 'A minute for you — start',
    pauseReminders: 'Pause reminders',
    remindersFor1h: 'Pause for 1 hour',
    remindersUntilTomorrow: 'Pause until tomorrow',
    remindersOff: 'Turn off',
    remindersOn: 'Turn on',
    history: 'History…',
    settings: 'Settings…',
    help: 'Get help now…',
    lock: 'Lock',
    quit: 'Quit Attune',
    shortcutTaken: (accelerator: string) => `Shortcut ${accelerator} is in use by another app — change it in Settings`,
  },
  cannotStart: {
    fatal: 'Attune could not start this time. Your history is unchanged. Please try starting it again.',
    noElectron:
      'Attune cannot start: the Electron runtime is not on this machine and could not be downloaded (no internet connection). On a computer with internet access, run "npm start" again (it downloads Electron on first run), or reinstall it with "npm install electron".',
  },
} as const;

/** Names in the system's save dialog. */
export const fileTypeCopy = { json: 'JSON', csv: 'CSV (spreadsheet)', html: 'Web page', txt: 'Text' } as const;

export const noticeCopy = {
  settingsReset: (keptAt: string) =>
    `Attune could not read its settings file, so it started with its usual settings. Your history is not affected. The old file was kept at ${keptAt}.`,
  settingsPartlyReset: (keptAt: string) =>
    `Some settings could not be read and were set back to their usual values. Your history is not affected. The old file was kept at ${keptAt}.`,
  settingsTooNew: (keptAt: string) =>
    `These settings came from a newer version of Attune, so this version started with its usual settings. The newer file was kept at ${keptAt}.`,
} as const;
