import { live, liveGroup } from '../i18n/messages';

/**
 * Words for setting up, unlocking and locking the private history. Words:
 * messages/<locale>/vault.json.
 *
 * Set-up: `rule` stands under the passphrase field before anything is typed,
 * so the rule is known up front (PASSPHRASE_MIN is 8); `noKeychain` is for a
 * computer with no OS keychain Attune can use (no choice of method offered).
 * Recovery: honest about the way out (a key nobody confirmed is not kept);
 * `checkInSaved` stands above the key when the first check-in set the history
 * up; copying goes through main, which clears the clipboard again after a
 * minute; a saved file keeps the key; `make` and `replace` are for Settings ›
 * Privacy. Unlock: `keychainUnavailable` for a keychain-only history on a
 * computer whose keychain is not available right now, `…Recovery` when a
 * recovery key was made.
 */
const words = /* @__PURE__ */ live('vault');

/* Groups are live too: a screen keeps one in a variable (`const t = vaultCopy.recovery`) and still switches language. */
const setup = /* @__PURE__ */ liveGroup(
  () => words.setup,
  (m) => ({
    tooShort: (min: number) => m.tooShort({ count: min }),
    rule: (min: number) => m.rule({ count: min }),
  }),
);
const recovery = /* @__PURE__ */ liveGroup(
  () => words.recovery,
  (m) => ({ savedFile: (name: string) => m.savedFile({ name }) }),
);

export const vaultCopy = /* @__PURE__ */ live('vault', () => ({ setup, recovery }));

export { PASSPHRASE_MIN as MIN_PASSPHRASE_LENGTH } from '../vault-states';
