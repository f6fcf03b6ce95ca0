import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { runKillLoop } from './testing/kill-loop';
import { makeTempDir, removeTempDir } from './testing/temp-dir';

/**
 * kill -9 at random moments (issue 4, part 6): every entry acknowledged
 * before the kill is readable after it, every acknowledged delete stays
 * deleted, and nothing is ever reported damaged. `npx tsx bench/stress.ts
 * --kills 1000` runs the same loop longer.
 */
let root: string;
beforeEach(async () => {
  root = await makeTempDir('attune-crash-');
});
afterEach(async () => {
  await removeTempDir(root);
});

describe('SIGKILL fault injection', () => {
  it('loses no acknowledged entry over 200 kills', { timeout: 120_000 }, async () => {
    const result = await runKillLoop({ root, kills: 200 });
    expect(result.kills).toBe(200);
    expect(result.appendsAcknowledged).toBeGreaterThan(400);
    expect(result.deletesAcknowledged).toBeGreaterThan(0);
    expect(result.entriesAtEnd).toBeGreaterThan(0);
  });
});
