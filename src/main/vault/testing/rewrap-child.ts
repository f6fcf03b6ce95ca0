import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';

import { createVaultService } from '../vault-service';
import { createFakeKeychain } from './fake-keychain';
import { checkIn } from './vault-fixtures';

/**
 * Child process for the passphrase-change kill -9 loop (rewrap-kill-loop.ts).
 * Loads, prints "ready", waits for "go <current passphrase>", unlocks with it,
 * then until killed: changes the passphrase (a rewrap: vault.json replaced by
 * temp file + rename) and appends a check-in, in turn. Each line is written
 * only after its operation resolved:
 *
 *   open          unlocked with the passphrase it was given
 *   q <next>      about to change the passphrase to <next> (no promise yet)
 *   p <next>      change acknowledged: <next> is now the passphrase
 *   a <id>        check-in appended
 *
 * Passphrases are made here, without spaces, so a line splits on its one space.
 */
const [dir, scryptN] = process.argv.slice(2);
if (!dir) throw new Error('usage: rewrap-child <vault dir> [scrypt N]');
const scrypt = { N: Number(scryptN ?? 2 ** 10), r: 8, p: 1 };

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const waitForGo = (): Promise<string> =>
  new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      const [word, passphrase] = line.trim().split(' ');
      if (word === 'go' && passphrase) {
        lines.close();
        resolve(passphrase);
      }
    });
  });

const run = async (): Promise<void> => {
  say('ready');
  let current = await waitForGo();
  const vault = createVaultService({ dir, keychain: createFakeKeychain(false), scrypt });
  await vault.unlock({ method: 'passphrase', passphrase: current });
  say('open');
  for (let n = 0; ; n += 1) {
    const next = `pp-${process.pid}-${n}-${randomBytes(4).toString('hex')}`;
    say(`q ${next}`);
    await vault.changePassphrase({ method: 'passphrase', passphrase: current }, next);
    current = next;
    say(`p ${next}`);
    const entry = await vault.append(checkIn(`rewrap child ${process.pid} #${n}`));
    say(`a ${entry.id}`);
  }
};

run().catch((error: unknown) => {
  process.stderr.write(`rewrap-child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
