import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runKillLoop } from '../src/main/vault/testing/kill-loop';

/**
 * `npx tsx bench/stress.ts [--kills 1000]`: the vault's kill -9 loop, longer
 * than the test suite runs it. Same child, same checks (see
 * src/main/vault/testing/kill-loop.ts); exits non-zero on the first lost
 * acknowledged entry or revived delete.
 */
const args = process.argv.slice(2);
const at = args.indexOf('--kills');
const kills = at >= 0 ? Number(args[at + 1]) : 1000;
if (!Number.isInteger(kills) || kills < 1) {
  console.error('usage: tsx bench/stress.ts [--kills N]');
  process.exit(2);
}

const root = await mkdtemp(join(tmpdir(), 'attune-stress-'));
const started = Date.now();
try {
  const result = await runKillLoop({
    root,
    kills,
    onProgress: (done, so) => {
      if (done % 100 === 0 || done === kills) {
        console.error(`${done}/${kills} kills · ${so.appendsAcknowledged} appends and ${so.deletesAcknowledged} deletes acknowledged · ${so.entriesAtEnd} entries`);
      }
    },
  });
  console.log(JSON.stringify({ ...result, seconds: Math.round((Date.now() - started) / 100) / 10 }, null, 2));
  console.log('every acknowledged entry was readable after every kill; no acknowledged delete came back');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await rm(root, { recursive: true, force: true });
}
