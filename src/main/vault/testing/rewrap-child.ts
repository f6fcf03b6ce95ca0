import { randomBytes } from 'node:crypto';

import { createFakeKeychain } from './fake-keychain';
import { runKillChild, say } from './kill-child';
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

runKillChild({
  name: 'rewrap-child',
  vault: { dir, keychain: createFakeKeychain(false), scrypt: { N: Number(scryptN ?? 2 ** 10), r: 8, p: 1 } },
  goWords: 1,
  credential: ([passphrase]) => ({ method: 'passphrase', passphrase: passphrase as string }),
  work: async (vault, [first]) => {
    let current = first as string;
    for (let n = 0; ; n += 1) {
      const next = `pp-${process.pid}-${n}-${randomBytes(4).toString('hex')}`;
      say(`q ${next}`);
      await vault.changePassphrase({ method: 'passphrase', passphrase: current }, next);
      current = next;
      say(`p ${next}`);
      const entry = await vault.append(checkIn(`rewrap child ${process.pid} #${n}`));
      say(`a ${entry.id}`);
    }
  },
});
