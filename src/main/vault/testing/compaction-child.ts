import { runKillChild, say } from './kill-child';
import { checkIn, FAST_SCRYPT, followUp } from './vault-fixtures';

/**
 * Child process for the compaction kill -9 loop (compaction-kill-loop.ts).
 * Loads, prints "ready", waits for "go", unlocks, then works until killed,
 * spending most of its time in compaction: deletes (tombstones + roll) and
 * compactions, with appends (check-ins and follow-ups that answer them)
 * keeping the vault between `low` and `high` entries. Each line is written
 * only after its operation resolved (after fsync):
 *
 *   open                     unlocked
 *   a <id>                   check-in appended
 *   f <id> <checkInId>       follow-up appended
 *   x <id>                   about to delete <id> (no promise yet)
 *   d <0|1> <id> [<id>…]     delete acknowledged: compacted?, every id it removed
 *   k                        about to compact
 *   c                        compaction done
 */
const [dir, rollAfter, lowArg, highArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: compaction-child <vault dir> [rollAfterRecords] [low] [high]');
const low = Number(lowArg ?? 150);
const high = Number(highArg ?? 250);

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

runKillChild({
  name: 'compaction-child',
  vault: { dir, scrypt: FAST_SCRYPT, rollAfterRecords: Number(rollAfter ?? 64) },
  work: async (vault) => {
    // What is live now, including entries earlier children wrote (acknowledged or not).
    const live = new Map<string, 'check-in' | 'follow-up'>();
    for (const entry of (await vault.list({ limit: Number.MAX_SAFE_INTEGER })).entries) live.set(entry.id, entry.kind);
    for (let n = 0; ; n += 1) {
      const checkIns = [...live].filter(([, kind]) => kind === 'check-in').map(([id]) => id);
      // Below `low` only appends, above `high` only deletes; in between a mix that is mostly compaction work.
      const roll = live.size <= low || checkIns.length === 0 ? 0.5 + Math.random() / 2 : live.size > high ? 0 : Math.random();
      if (roll < 0.4) {
        const id = pick(checkIns);
        say(`x ${id}`);
        const { deletedIds, compacted } = await vault.delete(id);
        for (const gone of deletedIds) live.delete(gone);
        say(`d ${compacted ? 1 : 0} ${deletedIds.join(' ')}`);
      } else if (roll < 0.5) {
        say('k');
        await vault.compact();
        say('c');
      } else if (roll < 0.7 && checkIns.length > 0) {
        const answers = pick(checkIns);
        const entry = await vault.append(followUp(answers));
        live.set(entry.id, 'follow-up');
        say(`f ${entry.id} ${answers}`);
      } else {
        const entry = await vault.append(checkIn(`compaction child ${process.pid} #${n}`));
        live.set(entry.id, 'check-in');
        say(`a ${entry.id}`);
      }
    }
  },
});
