import { live, liveGroup } from '../i18n/messages';

/**
 * The settings view. Every change is saved as it is made, so the words say
 * what a setting does and what happened — never what the person ought to pick.
 * Nothing is on behind their back: pauses and start at login say "off unless
 * you turn it on". Words: messages/<locale>/settings.json; counts are plural
 * messages (the language's plural rules).
 */
const words = /* @__PURE__ */ live('settings');

/** "20 minutes", "1 hour", "1 hour 30 minutes". */
const duration = (total: number): string => {
  const whole = Math.floor(total / 60);
  const rest = total % 60;
  if (whole === 0) return words.minutes({ count: total });
  const hours = words.hours({ count: whole });
  return rest === 0 ? hours : words.hoursAndMinutes({ hours, minutes: words.minutes({ count: rest }) });
};

/** A command, not words: the same in every language. */
const COMMAND_LINE = 'attune --check-in';

/* Groups are live too: a section keeps one in a variable (`const t = settingsCopy.privacy`) and still switches language. */
const checkIn = /* @__PURE__ */ liveGroup(
  () => words.checkIn,
  (m) => ({
    /** Linux (GNOME, KDE, Wayland): the desktop's own shortcut settings can run Attune instead. */
    commandLine: COMMAND_LINE,
    useDefault: (keys: string) => m.useDefault({ keys }),
    held: (keys: string) => m.held({ keys }),
    unchanged: (keys: string) => m.unchanged({ keys }),
    trying: (keys: string) => m.trying({ keys }),
    changed: (keys: string) => m.changed({ keys }),
    followUpAfter: (minutes: number) => m.followUpAfter({ duration: duration(minutes) }),
    closeAfterSaveAfter: (seconds: number) => m.closeAfterSaveAfter({ count: seconds }),
  }),
);

const status = /* @__PURE__ */ liveGroup(
  () => words.pauses.status,
  (s) => ({
    next: (time: string) => s.next({ time }),
    nextOn: (day: string, time: string) => s.nextOn({ day, time }),
    remindersPaused: (time: string) => s.remindersPaused({ time }),
  }),
);

const pauses = /* @__PURE__ */ liveGroup(
  () => words.pauses,
  (m) => ({
    status,
    quietItem: (n: number) => m.quietItem({ n }),
    removeQuietLabel: (n: number) => m.removeQuietLabel({ n }),
    quietLimit: (max: number) => m.quietLimit({ count: max }),
  }),
);

const newKey = /* @__PURE__ */ liveGroup(
  () => words.privacy.newKey,
  (k) => ({
    /** Afterwards; `newRecoveryKey`: a recovery key was in use, so a new one was made and is shown below. */
    done: (newRecoveryKey: boolean) => (newRecoveryKey ? k.doneNewRecovery : k.done),
  }),
);

const privacy = /* @__PURE__ */ liveGroup(
  () => words.privacy,
  (m) => ({
    /** After a re-key with a new passphrase; `newRecoveryKey`: a recovery key was in use, so a new one was made. */
    passphraseChangedNewKey: (newRecoveryKey: boolean) =>
      newRecoveryKey ? m.passphraseChangedNewKeyNewRecovery : m.passphraseChangedNewKey,
    /** Settings › Privacy: a new encryption key on its own, the passphrase staying as it is (issue 14). */
    newKey,
    lockAfterMinutes: (minutes: number) => duration(minutes),
    exported: (count: number, path: string) => m.exported({ count, path }),
    eraseWhat: (count: number) => (count === 0 ? m.eraseWhatNothing : m.eraseWhat({ count })),
    /** recovered/: copies of parts of the history that could not be read when it was opened. */
    recoveredBody: (count: number) => m.recoveredBody({ count }),
    recoveredWhat: (count: number) => m.recoveredWhat({ count }),
    recoveredLeft: (count: number) => m.recoveredLeft({ count }),
  }),
);

export const settingsCopy = /* @__PURE__ */ live('settings', () => ({ duration, checkIn, pauses, privacy }));
