import { runKillChild, say } from './kill-child';
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
 */
const [dir, rollAfter] = process.argv.slice(2);
if (!dir) throw new Error('usage: append-child <vault dir> [rollAfterRecords]');

runKillChild({
  name: 'append-child',
  vault: { dir, scrypt: FAST_SCRYPT, rollAfterRecords: Number(rollAfter ?? 64) },
  work: async (vault) => {
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
  },
});
