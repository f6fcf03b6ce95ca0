import { createInterface } from 'node:readline';

import { createVaultService } from '../vault-service';
import { createFakeKeychain } from './fake-keychain';

/**
 * Child process for the upgrade kill -9 loop (upgrade-kill-loop.ts). Loads,
 * prints "ready", waits for "go", then unlocks a version-1 vault (the unlock
 * rolls it into version 2), prints "open" and waits to be killed.
 */
const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: upgrade-child <vault dir>');

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
  // Stay alive until the kill: the loop treats a child that ends by itself as a failure.
  setInterval(() => undefined, 60_000);
};

run().catch((error: unknown) => {
  process.stderr.write(`upgrade-child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
