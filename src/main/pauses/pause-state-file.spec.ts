import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, test } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { INITIAL_PAUSE_STATE } from '../../shared/pauses/pause-state';
import { useSpecialFiles } from '../vault/testing/special-files';
import { loadPauseState, savePauseState } from './pause-state-file';

const tempDir = useTempDirs();
const special = useSpecialFiles();

describe('pause state file', () => {
  test('first run: the initial state', () => {
    expect(loadPauseState(join(tempDir(), 'pause-state.json'))).toEqual(INITIAL_PAUSE_STATE);
  });

  test('round-trips what was saved', () => {
    const file = join(tempDir(), 'pause-state.json');
    const state = { ...INITIAL_PAUSE_STATE, remindersOff: true };
    expect(savePauseState(file, state)).toBe(true);
    expect(loadPauseState(file)).toEqual(state);
  });

  test.each(['{not json', '{"version": 99}', '[]'])('a damaged file (%s) is set aside and the schedule starts fresh', (content) => {
    const dir = tempDir();
    const file = join(dir, 'pause-state.json');
    writeFileSync(file, content);
    expect(loadPauseState(file, 42)).toEqual(INITIAL_PAUSE_STATE);
    expect(readdirSync(dir)).toEqual(['pause-state.json.unreadable-42']);
  });

  test.each([
    ['a FIFO', 'fifo'],
    ['a link to /dev/zero', 'endless'],
  ] as const)('%s in its place is set aside without waiting on it, and the schedule starts fresh', (_label, kind) => {
    const dir = tempDir();
    const file = join(dir, 'pause-state.json');
    special[kind](file);
    expect(loadPauseState(file, 42)).toEqual(INITIAL_PAUSE_STATE);
    expect(readdirSync(dir)).toEqual(['pause-state.json.unreadable-42']);
  });

  test('a save that cannot be written reports it instead of throwing', () => {
    expect(savePauseState(join(tempDir(), 'missing-folder', 'pause-state.json'), INITIAL_PAUSE_STATE)).toBe(false);
  });
});
