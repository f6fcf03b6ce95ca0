import { createInterface } from 'node:readline';

import { createFakeKeychain } from '../../vault/testing/fake-keychain';
import { say } from '../../vault/testing/kill-child';
import { checkIn, followUp } from '../../vault/testing/vault-fixtures';
import { createVaultService } from '../../vault/vault-service';
import { SyncEngine } from '../sync-engine';

/**
 * Child process for the sync kill -9 loop (sync-kill-loop.ts): one computer
 * of two. Prints "ready", waits for "go", unlocks its vault, starts sync,
 * prints "open", then runs one pass (merging what the other computer
 * published since) and prints "merged", then checks in, answers and deletes
 * until it is killed, printing each step only once it resolved:
 * "put <id> [<check-in id>]", "del <id> <id>…", "pass"; and "deleting <id>"
 * before a delete starts.
 */
const [vaultDir, syncRoot, vaultId, deviceId] = process.argv.slice(2);
if (!vaultDir || !syncRoot || !vaultId || !deviceId)
  throw new Error('usage: sync-kill-child <vault dir> <sync root> <vault id> <device id>');

const run = async (): Promise<void> => {
  say('ready');
  await new Promise<void>((resolve) => {
    const lines = createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      if (line.trim() !== 'go') return;
      lines.close();
      resolve();
    });
  });
  const vault = createVaultService({ dir: vaultDir, keychain: createFakeKeychain(), scrypt: { N: 2 ** 10, r: 8, p: 1 } });
  await vault.unlock({ method: 'keychain' });
  const { key, keyId } = await vault.syncKey();
  const engine = await SyncEngine.start({
    vault,
    syncRoot,
    localDir: `${vaultDir}.sync`,
    identity: { vaultId, deviceId, keyId, keys: new Map([[keyId, key]]) },
  });
  say('open');
  await engine.pass();
  say('merged');
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
      // Said before it starts: a kill from here on may or may not have deleted it (its tombstone goes out first).
      say(`deleting ${id}`);
      const { deletedIds } = await engine.delete(id as string);
      say(`del ${deletedIds.join(' ')}`);
    } else {
      await engine.pass();
      say('pass');
    }
  }
};

run().catch((error: unknown) => {
  process.stderr.write(`sync-kill-child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
