import { plural } from './plural';

/**
 * The settings view. Every change is saved as it is made, so the words say
 * what a setting does and what happened — never what the person ought to pick.
 * Nothing is on behind their back: pauses and start at login say "off unless
 * you turn it on". Counts go through `plural` (the language's plural rules).
 */

const MINUTES = { one: '# minute', other: '# minutes' };
const HOURS = { one: '# hour', other: '# hours' };
const ENTRIES = { one: '# entry', other: '# entries' };
const FILES = { one: '# file', other: '# files' };

/** "20 minutes", "1 hour", "1 hour 30 minutes". */
const duration = (total: number): string => {
  const whole = Math.floor(total / 60);
  const rest = total % 60;
  if (whole === 0) return plural(total, MINUTES);
  return rest === 0 ? plural(whole, HOURS) : `${plural(whole, HOURS)} ${plural(rest, MINUTES)}`;
};

/** After any re-key: what old copies can still do, said plainly (issue 14). */
const afterRekey = (newRecoveryKey: boolean): string =>
  (newRecoveryKey ? 'Your old recovery key has already stopped working. The new one, shown above, is the only one. ' : '') +
  'Old copies of the key file, such as in a backup, open nothing saved from now on.';

export const settingsCopy = {
  heading: 'Settings',
  intro: 'Changes are saved as you make them.',
  jumpLabel: 'Settings sections',
  loading: 'Loading settings…',
  loadProblem: 'Couldn’t load your settings just now. Nothing was changed.',
  retry: 'Try again',
  saved: 'Saved.',
  duration,

  sections: {
    checkIn: 'Check-in',
    pauses: 'Pauses',
    privacy: 'Privacy',
    appearance: 'Appearance',
    system: 'System',
  },

  checkIn: {
    shortcutLabel: 'Shortcut to check in',
    shortcutHint: 'Opens the check-in from anywhere on this computer.',
    notActive: 'This shortcut is not working right now — another app may be using it. You can choose a different one.',
    /** Linux (GNOME, KDE, Wayland): the desktop's own shortcut settings can run Attune instead. */
    commandLineAlternative: 'Or add a shortcut in your desktop’s keyboard settings that runs this command:',
    commandLine: 'attune --check-in',
    change: 'Change shortcut',
    useDefault: (keys: string) => `Use ${keys} again`,
    recording: 'Press the keys you want to use.',
    recordingHint: 'Hold Ctrl, Alt or Cmd and press a letter, number or other key. Esc cancels.',
    recorderLabel: 'New shortcut: press the keys now, or Esc to cancel',
    held: (keys: string) => `${keys} + …`,
    needsModifier: 'That key needs Ctrl, Alt or Cmd with it, so Attune never takes a key you are typing. Try again?',
    notAllowed: 'That key can’t be used in a shortcut. Try another?',
    unchanged: (keys: string) => `${keys} is already your shortcut.`,
    cancel: 'Cancel',
    cancelled: 'Shortcut not changed.',
    trying: (keys: string) => `Trying ${keys}…`,
    changed: (keys: string) => `The shortcut is now ${keys}.`,
    followUpLabel: 'Ask “did that help?” later',
    followUpHint: 'A short question some time after a check-in. You can always skip it.',
    followUpOff: 'Don’t ask',
    followUpAfter: (minutes: number) => `After ${duration(minutes)}`,
    closeAfterSaveLabel: 'After “Noted.”, close the check-in',
    closeAfterSaveHint: 'It waits while your pointer is over it or you are using one of its buttons.',
    closeAfterSaveNever: 'Only when I close it',
    closeAfterSaveAfter: (seconds: number) => (seconds === 1 ? 'After 1 second' : `After ${seconds} seconds`),
  },

  pauses: {
    intro: 'Now and then during the day, Attune can offer a short pause with your eyes open. Off unless you turn it on.',
    enable: 'Offer pauses',
    status: {
      off: 'Pauses are off.',
      next: (time: string) => `Next pause: ${time}.`,
      nextOn: (day: string, time: string) => `Next pause: ${day} at ${time}.`,
      remindersOff: 'Pause reminders are turned off from the tray menu.',
      remindersPaused: (time: string) => `Pause reminders are paused until ${time}.`,
      noActiveTime: 'No pause times are set. Choose at least one day.',
    },
    interval: 'Time between pauses',
    days: 'On these days',
    /** Sunday first, as `Date#getDay()` counts. */
    dayNames: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    dayShort: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    hours: 'During these hours',
    from: 'From',
    until: 'Until',
    hoursHint: 'If the end time is earlier than the start, the hours run past midnight into the next morning.',
    sameTimes: 'The start and end need to be different times. Nothing was changed.',
    quiet: 'Quiet times',
    quietHint: 'No pauses come during these times, on any day.',
    quietNone: 'No quiet times yet.',
    quietItem: (n: number) => `Quiet time ${n}`,
    addQuiet: 'Add a quiet time',
    removeQuiet: 'Remove',
    removeQuietLabel: (n: number) => `Remove quiet time ${n}`,
    quietLimit: (max: number) => `Up to ${plural(max, { one: '# quiet time', other: '# quiet times' })}.`,
    quietRemoved: 'Quiet time removed.',
    snooze: 'Snooze for',
    showTimeLeft: 'Show about how many minutes are left',
    showTimeLeftHint: 'Off unless you turn it on. Without it, a pause shows a quiet line with no numbers.',
    detection: {
      heading: 'What Attune can notice on this computer',
      intro: 'Before offering a pause, Attune checks for these. When it notices one, the pause waits.',
      signals: {
        sleep: 'The computer is asleep',
        screenLock: 'The screen is locked',
        idle: 'You are away from the computer',
        doNotDisturb: 'Do not disturb is on',
        fullScreen: 'An app is full screen',
      },
      levels: {
        yes: 'Yes',
        some: 'On some desktops',
        no: 'Not on this system',
      },
      unknown: 'When Attune can’t tell, a pause can still come. You can snooze or skip any pause.',
      linux: 'On Linux this depends on your desktop, and on whether it uses X11 or Wayland.',
      systemFocus: 'Your system’s own Focus or Do not disturb mode can still keep notifications quiet.',
    },
  },

  privacy: {
    unlockHeading: 'How your history unlocks',
    notSetUp: 'Your private history is not set up yet. It is set up the first time you save a check-in.',
    methods: {
      keychain: 'With this computer’s keychain, when you log in',
      passphrase: 'With your passphrase',
      recovery: 'With your recovery key, if the passphrase is lost',
    },
    noRecovery: 'There is no recovery key.',
    changePassphrase: 'Change passphrase',
    addPassphrase: 'Add a passphrase',
    current: 'Current passphrase',
    needCurrent: 'Type your current passphrase first. Nothing was changed.',
    next: 'New passphrase',
    again: 'Type it again',
    savePassphrase: 'Save new passphrase',
    savingPassphrase: 'Saving…',
    passphraseChanged: 'Your passphrase is changed. Use the new one from now on.',
    passphraseAdded: 'Your passphrase is added. It can open your history too.',
    /** Change passphrase: the re-key option (issue 14). */
    /** Saying so turns the re-key on (the person can still turn it off). */
    mayBeKnown: 'Someone else may know my old passphrase',
    replaceKey: 'Also replace the encryption key',
    replaceKeyHint:
      'A good choice if someone may know your old passphrase: your whole history gets a new key, so old copies of the passphrase and recovery key open nothing saved here from now on. This takes a moment.',
    savingNewKey: 'Saving with a new key… this takes a moment.',
    /** After a re-key with a new passphrase; `newRecoveryKey`: a recovery key was in use, so a new one was made. */
    passphraseChangedNewKey: (newRecoveryKey: boolean) =>
      `Your passphrase is changed and your history has a new key. Use the new passphrase from now on. ${afterRekey(newRecoveryKey)}`,
    /** Settings › Privacy: a new encryption key on its own, the passphrase staying as it is (issue 14). */
    newKey: {
      start: 'Replace the encryption key…',
      hint: 'For when someone may have seen your files. Your passphrase stays the same.',
      heading: 'Replace the encryption key',
      what: 'Your whole history is saved again under a new key. After that, old copies of the key file and your old recovery key open nothing saved here.',
      keychain: 'This computer’s keychain proves it is you, so no passphrase is needed here.',
      confirm: 'Replace the key',
      working: 'Replacing the key… this takes a moment.',
      /** Afterwards; `newRecoveryKey`: a recovery key was in use, so a new one was made and is shown below. */
      done: (newRecoveryKey: boolean) => `Your history has a new key. Your passphrase is the same. ${afterRekey(newRecoveryKey)}`,
      /** Snapshot damage waiting for the person's choice in History ('vault-damaged'). */
      held: 'Part of your history is waiting for your choice in History. Choose there first, then the key can be replaced. Nothing was changed.',
      diskFull:
        'Couldn’t replace the key — the disk is full. Your history keeps its current key and everything saved is safe. Free some space and try again.',
    },
    cancel: 'Cancel',
    lockHeading: 'Locking',
    lockAfter: 'Lock when not used for',
    lockAfterOff: 'Don’t lock on its own',
    idleUnknown:
      'This desktop does not tell Attune how long the computer has been left alone, so it cannot lock after a time here. Locking with the screen, going to sleep and Lock now still work.',
    lockAfterMinutes: (minutes: number) => duration(minutes),
    lockWithScreen: 'Lock when the screen locks or the computer sleeps',
    lockWithScreenHint: 'Linux desktops do not always say when the screen locks; going to sleep and the idle time above still lock it.',
    lockNow: 'Lock now',
    lockNowHint: 'Your history stays private until you unlock it again.',
    lockedNow: 'Attune is locked.',
    exportHeading: 'Export your history',
    exportBody: 'Save a copy of your history as a file, to keep or to open in another app.',
    format: 'File type',
    formats: {
      json: { label: 'JSON', description: 'Keeps everything, for other apps' },
      csv: { label: 'CSV', description: 'Opens in a spreadsheet' },
    },
    exportStart: 'Export…',
    exportConfirmHeading: 'Before you save',
    exportConfirm: 'This file is not encrypted. Anyone who opens it can read your check-ins and notes.',
    exportConfirmButton: 'I understand — choose where to save',
    exporting: 'Saving…',
    exported: (count: number, path: string) => `Saved ${plural(count, ENTRIES)} to ${path}`,
    exportCancelled: 'Nothing was saved.',
    eraseHeading: 'Erase everything',
    eraseBody: 'Removes your whole history from this computer, for good.',
    eraseStart: 'Erase everything…',
    eraseWhatHeading: 'What will be erased',
    eraseWhat: (count: number) =>
      count === 0
        ? 'Nothing is saved in it yet. This erases the key that opens your history.'
        : `This erases ${plural(count, ENTRIES)} — your check-ins and follow-ups — and the key that opens them.`,
    eraseWhatUnknown: 'This erases all your check-ins and follow-ups, and the key that opens them.',
    eraseNoUndo: 'They can’t be brought back — not by Attune, not by anyone. Your settings stay as they are.',
    eraseContinue: 'Continue',
    eraseFinalHeading: 'Erase everything for good?',
    eraseFinal: 'Erase for good',
    erasing: 'Erasing…',
    keep: 'Keep everything',
    erased: 'Everything is erased. Your history starts fresh the next time you save a check-in.',
    /** recovered/: copies of parts of the history that could not be read when it was opened. */
    recoveredHeading: 'Set-aside copies',
    recoveredBody: (count: number) =>
      plural(count, {
        one: '# file is in the “recovered” folder beside your history. It holds part of your history that could not be read when Attune opened it. It is still encrypted: only your key can open it.',
        other:
          '# files are in the “recovered” folder beside your history. They hold parts of it that could not be read when Attune opened it. They are still encrypted: only your key can open them.',
      }),
    recoveredLocked: 'Unlock your history to delete them.',
    recoveredStart: 'Delete the set-aside copies…',
    recoveredWhatHeading: 'Delete the set-aside copies?',
    recoveredWhat: (count: number) =>
      `This deletes ${plural(count, FILES)} from the “recovered” folder. What is in them can’t be brought back after that — not by Attune, not by anyone.`,
    recoveredStays: 'Your history itself stays as it is.',
    recoveredContinue: 'Continue',
    recoveredFinalHeading: 'Delete them for good?',
    recoveredFinal: 'Delete for good',
    recoveredDeleting: 'Deleting…',
    recoveredKeep: 'Keep them',
    recoveredDeleted: 'The set-aside copies are deleted.',
    recoveredLeft: (count: number) =>
      `${plural(count, { one: '# item stays', other: '# items stay' })} in the folder: a copy History is still waiting on, or something Attune did not write.`,
  },

  appearance: {
    theme: 'Colours',
    themes: { system: 'Same as this computer', light: 'Light', dark: 'Dark' },
    motion: 'Movement',
    motions: { system: 'Same as this computer', reduce: 'Less movement' },
    discreet: 'Discreet mode',
    discreetHint: 'A plain tray icon, “Attune” as the tray tooltip, and notifications with no personal words.',
  },

  system: {
    startAtLogin: 'Open Attune when you log in',
    startAtLoginHint: 'Off unless you turn it on.',
    aboutHeading: 'About Attune',
    version: 'Version',
    dataLocation: 'Your data is kept in',
    noNetwork: 'Attune never uses the network.',
  },
} as const;
