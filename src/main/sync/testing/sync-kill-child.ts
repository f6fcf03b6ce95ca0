import { runKillChild, say } from '../../vault/testing/kill-child';
import { SyncEngine } from '../sync-engine';
import { checkInAnswerAndDelete } from './person-steps';

/**
 * Child process for the sync kill -9 loop (sync-kill-loop.ts): one computer
 * of two. After "open" it starts sync and runs one pass (merging what the
 * other computer published since), prints "merged", then checks in, answers
 * and deletes until it is killed (person-steps.ts).
 */
const [vaultDir, syncRoot, vaultId, deviceId] = process.argv.slice(2);
if (!vaultDir || !syncRoot || !vaultId || !deviceId)
  throw new Error('usage: sync-kill-child <vault dir> <sync root> <vault id> <device id>');

runKillChild({
  name: 'sync-kill-child',
  vault: { dir: vaultDir, scrypt: { N: 2 ** 10, r: 8, p: 1 } },
  work: async (vault) => {
    const { key, keyId } = await vault.syncKey();
    const engine = await SyncEngine.start({
      vault,
      syncRoot,
      localDir: `${vaultDir}.sync`,
      identity: { vaultId, deviceId, keyId, keys: new Map([[keyId, key]]) },
    });
    await engine.pass();
    say('merged');
    await checkInAnswerAndDelete(engine);
  },
});
