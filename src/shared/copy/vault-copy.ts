import { plural } from './plural';

/** Words for setting up, unlocking and locking the private history. */
export const vaultCopy = {
  privacy: [
    'Attune keeps your check-ins only on this computer, encrypted.',
    'Nothing is ever sent anywhere — there are no accounts and no analytics.',
  ],
  lostPassphrase: 'If you forget this passphrase, your history can’t be recovered — by anyone.',
  setup: {
    heading: 'Keep your history private',
    methodLabel: 'How to unlock it',
    keychain: { label: 'This computer’s keychain', description: 'Opens when you log in to this computer' },
    passphrase: { label: 'A passphrase', description: 'You type it to open your history' },
    passphraseField: 'Passphrase',
    confirmField: 'Type it again',
    tooShort: (min: number) => `Use at least ${plural(min, { one: '# character', other: '# characters' })}.`,
    noMatch: 'The two passphrases are not the same yet.',
    recoveryChoice: 'Also make a recovery key to write down',
    submit: 'Set up and save',
    /** Under the passphrase field before anything is typed, so the rule is known up front (PASSPHRASE_MIN is 8). */
    rule: (min: number) => `At least ${plural(min, { one: '# character', other: '# characters' })}.`,
    /** Set-up where there is no OS keychain Attune can use (so no choice of method is offered). */
    noKeychain: 'This computer has no keychain Attune can use, so a passphrase protects your history.',
    submitFirstRun: 'Set up',
    submitting: 'Setting up…',
  },
  recovery: {
    heading: 'Your recovery key',
    body: 'Write it down and keep it somewhere safe. It can open your history if the passphrase is lost. It is shown only this once.',
    /** Honest about the way out: a key nobody confirmed is not kept. */
    notKeptYet:
      'It starts to work when you choose “I’ve written it down” or save it as a file. If you close this first, no recovery key is made.',
    done: 'I’ve written it down',
    /** Above the key when the first check-in set the history up: closing here loses nothing. */
    checkInSaved: 'Your check-in is saved.',
    /** Copy goes through main, which clears the clipboard again after a minute if it still holds the key. */
    copy: 'Copy',
    copied: 'Copied. Attune clears it from the clipboard in a minute.',
    saveFile: 'Save as file…',
    /** A saved file keeps the key: from then on it opens the history. */
    savedFile: (name: string) => `Saved as ${name}. This key now opens your history.`,
    notSaved: 'Nothing was saved.',
    /** The button once a saved file has kept the key. */
    close: 'Done',
    /** Settings → Privacy, when the history has no recovery key (the key screen was closed, or none was made). */
    make: 'Make a recovery key',
    /** Settings → Privacy, when a recovery key is in use: a new one in its place. */
    replace: 'Make a new recovery key',
    replaceHint: 'Your current recovery key keeps working until you keep the new one. Then only the new one opens your history.',
  },
  unlock: {
    heading: 'Unlock to save',
    kept: 'Your entry is kept here while you unlock.',
    passphraseField: 'Passphrase',
    recoveryField: 'Recovery key',
    useRecovery: 'Use the recovery key instead',
    usePassphrase: 'Use the passphrase instead',
    keychain: 'Unlock with this computer’s keychain',
    /** A keychain-only vault on a computer whose keychain is not available right now. */
    keychainUnavailable: 'This computer’s keychain is not available right now, so Attune cannot open your history from here.',
    /** The same, when a recovery key was made. */
    keychainUnavailableRecovery: 'This computer’s keychain is not available right now. Your recovery key can open your history instead.',
    submit: 'Unlock and save',
    submitting: 'Unlocking…',
  },
  locked: {
    heading: 'Attune is locked',
    body: 'Unlock to see or add to your history.',
    submit: 'Unlock',
  },
  back: 'Back',
  close: 'Close',
} as const;

export { PASSPHRASE_MIN as MIN_PASSPHRASE_LENGTH } from '../vault-states';
