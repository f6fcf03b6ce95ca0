import { beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { runKillLoop } from './testing/kill-loop';
import { failIfStalled, KILL_LOOP_BACKSTOP_MS } from './testing/stall-watchdog';

/**
 * kill -9 at random moments (issue 4, part 6): every entry acknowledged
 * before the kill is readable after it, every acknowledged delete stays
 * deleted, and nothing is ever reported damaged. `npx tsx bench/stress.ts
 * --kills 1000` runs the same loop longer.
 */
let root: string;
const tempDir = useTempDirs();
beforeEach(() => {
  root = tempDir('attune-crash-');
});

describe('SIGKILL fault injection', () => {
  it('loses no acknowledged entry over 100 kills', { timeout: KILL_LOOP_BACKSTOP_MS }, async () => {
    const result = await failIfStalled((onProgress) => runKillLoop({ root, kills: 100, onProgress }));
    console.info(`append kill loop: ${JSON.stringify(result)}`);
    expect(result.kills).toBe(100);
    expect(result.appendsAcknowledged).toBeGreaterThan(200);
    expect(result.deletesAcknowledged).toBeGreaterThan(0);
    expect(result.entriesAtEnd).toBeGreaterThan(0);
  });
});
