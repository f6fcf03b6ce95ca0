import { createInterface } from 'node:readline';

import { createVaultService } from '../vault-service';
import { createFakeKeychain } from './fake-keychain';
import { checkIn, FAST_SCRYPT } from './vault-fixtures';

/**
 * Child process for the kill -9 tests (vault-crash.spec.ts, bench/stress.ts).
 * Loads everything, prints "ready", and waits for "go" on stdin, so the
 * parent can start the next child while the current one runs. Then it opens
 * the vault and works until killed: mostly appends, sometimes a delete (with
 * its compaction) or a compaction on its own. Each line on stdout is written
 * only after the operation resolved, i.e. after fsync:
 *
 *   open        unlocked
 *   a <id>      append acknowledged
 *   x <id>      about to delete <id> (no promise yet)
 *   d <id>      delete acknowledged
 *   c           compaction done
 *
 * On Linux, writes to a pipe from process.stdout are synchronous, so an
 * acknowledgement is in the pipe before the next operation starts.
 */
const [dir, rollAfter] = process.argv.slice(2);
if (!dir) throw new Error('usage: append-child <vault dir> [rollAfterRecords]');

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
  const vault = createVaultService({ dir, keychain: createFakeKeychain(), scrypt: FAST_SCRYPT, rollAfterRecords: Number(rollAfter ?? 64) });
  await vault.unlock({ method: 'keychain' });
  say('open');
  const mine: string[] = [];
  for (let n = 0; ; n += 1) {
    const roll = Math.random();
    if (roll < 0.08 && mine.length > 0) {
      const [id] = mine.splice(Math.floor(Math.random() * mine.length), 1) as [string];
      say(`x ${id}`);
      await vault.delete(id);
      say(`d ${id}`);
    } else if (roll < 0.1) {
      await vault.compact();
      say('c');
    } else {
      const entry = await vault.append(checkIn(`child ${process.pid} #${n}`));
      mine.push(entry.id);
      say(`a ${entry.id}`);
    }
  }
};

run().catch((error: unknown) => {
  process.stderr.write(`append-child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
