import { say } from '../../vault/testing/kill-child';
import { checkIn, followUp } from '../../vault/testing/vault-fixtures';
import type { SyncEngine } from '../sync-engine';

/**
 * What a person does in a kill -9 child once sync runs, until the kill:
 * checks in, answers, deletes and asks for a pass, printing each step only
 * once it resolved: "put <id> [<check-in id>]", "del <id> <id>…", "pass";
 * and "deleting <id>" before a delete starts (a kill from there on may or
 * may not have deleted it: its tombstone goes out first).
 */
export const checkInAnswerAndDelete = async (engine: SyncEngine): Promise<never> => {
  const mine: string[] = [];
  for (let step = 0; ; step += 1) {
    const roll = Math.random();
    if (roll < 0.55 || mine.length === 0) {
      const entry = await engine.append(checkIn(`step ${step}`));
      mine.push(entry.id);
      say(`put ${entry.id}`);
    } else if (roll < 0.7) {
      const checkInId = mine[Math.floor(Math.random() * mine.length)] as string;
      const entry = await engine.append(followUp(checkInId));
      say(`put ${entry.id} ${checkInId}`);
    } else if (roll < 0.85) {
      const [id] = mine.splice(Math.floor(Math.random() * mine.length), 1);
      say(`deleting ${id}`);
      const { deletedIds } = await engine.delete(id as string);
      say(`del ${deletedIds.join(' ')}`);
    } else {
      await engine.pass();
      say('pass');
    }
  }
};
