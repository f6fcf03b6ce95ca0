import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, test } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { AttuneError } from '../attune-error';
import { createMemoryLogger } from '../log/logger';
import { DeferredDeletes, parsePendingIds } from './deferred-deletes';

const tempDir = useTempDirs();
const ID_A = 'aaaaaaaa';
const ID_B = 'bbbbbbbb';
const ID_C = 'cccccccc';

describe('deferred deletes', () => {
  test('kept in a file, so a new start (a quit before the unlock) still has them', () => {
    const file = join(tempDir(), 'pending-deletes.json');
    new DeferredDeletes(file, createMemoryLogger()).add(ID_A);
    expect(new DeferredDeletes(file, createMemoryLogger()).pending()).toEqual([ID_A]);
    expect(readFileSync(file, 'utf8')).not.toMatch(/note|state|need/);
  });

  test('carried out once unlocked: gone entries count as done, a lock stops the round, other failures wait', async () => {
    const file = join(tempDir(), 'pending-deletes.json');
    const deletes = new DeferredDeletes(file, createMemoryLogger());
    for (const id of [ID_A, ID_B, ID_C]) deletes.add(id);
    const removed: string[] = [];
    await deletes.carryOut(async (id) => {
      if (id === ID_B) throw new AttuneError('disk-full', 'ENOSPC');
      removed.push(id);
    });
    expect(removed).toEqual([ID_A, ID_C]);
    expect(deletes.pending()).toEqual([ID_B]);
    await deletes.carryOut(async () => {
      throw new AttuneError('vault-locked', 'locked');
    });
    expect(deletes.pending()).toEqual([ID_B]);
    await deletes.carryOut(async () => {
      throw new AttuneError('not-found', 'gone');
    });
    expect(deletes.pending()).toEqual([]);
    expect(existsSync(file)).toBe(false);
  });

  test('a damaged file loses nothing else and reads as no waiting deletes', () => {
    const file = join(tempDir(), 'pending-deletes.json');
    writeFileSync(file, '{ not json');
    expect(new DeferredDeletes(file, createMemoryLogger()).pending()).toEqual([]);
    expect(parsePendingIds(JSON.stringify([ID_A, 42, '../../etc', ID_A]))).toEqual([ID_A]);
  });

  test('a delete that cannot be kept (the folder is not writable) throws, so the person is told', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blocked'), 'a file where a folder should be');
    expect(() => new DeferredDeletes(join(dir, 'blocked', 'pending-deletes.json'), createMemoryLogger()).add(ID_A)).toThrow();
  });
});
