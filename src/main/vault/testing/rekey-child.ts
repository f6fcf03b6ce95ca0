import { runKillChild, say } from './kill-child';

/**
 * Child process for the re-key kill -9 loop (rekey-kill-loop.ts). Loads,
 * prints "ready", waits for "go", unlocks with the keychain, prints "open",
 * re-keys from the old passphrase to the new one, prints "rekeyed" once that
 * resolved, and waits to be killed.
 */
const [dir, oldPassphrase, newPassphrase] = process.argv.slice(2);
if (!dir || !oldPassphrase || !newPassphrase) throw new Error('usage: rekey-child <vault dir> <old passphrase> <new passphrase>');

runKillChild({
  name: 'rekey-child',
  vault: { dir, scrypt: { N: 2 ** 10, r: 8, p: 1 } },
  work: async (vault) => {
    await vault.rekey({ method: 'passphrase', passphrase: oldPassphrase }, { passphrase: newPassphrase });
    say('rekeyed');
  },
});
