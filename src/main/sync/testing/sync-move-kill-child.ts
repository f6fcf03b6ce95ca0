import { nodeFs } from '../../fs/fs-port';
import { runKillChild, say } from '../../vault/testing/kill-child';
import { openLink } from '../open-link';
import { SyncEngine } from '../sync-engine';
import { checkInAnswerAndDelete } from './person-steps';

/**
 * Child process for the move kill -9 loop (sync-move-kill-loop.ts): a
 * computer whose data dir is a restored backup, or finds itself on another
 * machine (the machine id comes on the "go" line). After "open" it reads its
 * link as the app does at unlock — taking a new device id when on another
 * machine (§4.3 rule 1) — and prints "linked"; starts its engine, which
 * finishes that move or makes one on finding a newer self in its folder
 * (rule 2), and prints "started"; runs a pass and prints "merged"; then checks
 * in, answers and deletes until it is killed (person-steps.ts).
 */
const [vaultDir] = process.argv.slice(2);
if (!vaultDir) throw new Error('usage: sync-move-kill-child <vault dir>');

runKillChild({
  name: 'sync-move-kill-child',
  vault: { dir: vaultDir, scrypt: { N: 2 ** 10, r: 8, p: 1 } },
  goWords: 1,
  work: async (vault, [machineId]) => {
    const places = { fs: nodeFs, vaultDir, machineId, now: Date.now };
    const { resumed } = await openLink(places, vault, (what, error) => process.stderr.write(`${what}: ${String(error)}\n`));
    if (resumed.kind !== 'resumed') throw new Error(`the link did not open: ${resumed.kind}`);
    say('linked');
    const engine = await SyncEngine.start({
      vault,
      syncRoot: resumed.syncRoot,
      localDir: resumed.localDir,
      identity: resumed.identity,
      machineId,
      state: resumed.state,
      formerIds: resumed.formerIds,
    });
    say('started');
    await engine.pass();
    say('merged');
    await checkInAnswerAndDelete(engine);
  },
});
