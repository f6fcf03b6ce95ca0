/** Shared by the check-in component specs: main's answer to vault.status, as the bridge returns it. */
export const statusOf = (state: 'locked' | 'unlocked') => ({
  ok: true,
  value: {
    state,
    methods: { keychain: false, passphrase: true, recovery: true },
    keychainAvailable: false,
    entryCount: null,
    problems: [],
    recoveredFiles: 0,
  },
});
