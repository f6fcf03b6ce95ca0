import { createInterface } from 'node:readline';

import { createVaultService } from '../vault-service';
import { createFakeKeychain } from './fake-keychain';

/**
 * Child process for the re-key kill -9 loop (rekey-kill-loop.ts). Loads,
 * prints "ready", waits for "go", unlocks with the keychain, prints "open",
 * re-keys from the old passphrase to the new one, prints "rekeyed" once that
 * resolved, and waits to be killed.
 */
const [dir, oldPassphrase, newPassphrase] = process.argv.slice(2);
if (!dir || !oldPassphrase || !newPassphrase) throw new Error('usage: rekey-child <vault dir> <old passphrase> <new passphrase>');

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const waitForGo = (): Promise<void> =>
  new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      if (line.trim() === 'go') {
        lines.close();
        resolve();
      }
    });
  });

const run = async (): Promise<void> => {
  say('ready');
  await waitForGo();
  const vault = createVaultService({ dir, keychain: createFakeKeychain(), scrypt: { N: 2 ** 10, r: 8, p: 1 } });
  await vault.unlock({ method: 'keychain' });
  say('open');
  await vault.rekey({ method: 'passphrase', passphrase: oldPassphrase }, { passphrase: newPassphrase });
  say('rekeyed');
  // Stay alive until the kill: the loop treats a child that ends by itself as a failure.
  setInterval(() => undefined, 60_000);
};

run().catch((error: unknown) => {
  process.stderr.write(`rekey-child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
