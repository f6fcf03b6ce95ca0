import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { nodeFs } from '../fs/fs-port';
import { importKey } from './aead';
import type { HistoryMark } from './history-mark';
import { MarkFile, markPath, settleMarks, stagedMarkPath } from './history-mark-file';

const tempDir = useTempDirs();
const KEY_ID = 'key-one';
const head = (seq: number): HistoryMark => ({ seq, hash: 'h'.repeat(64), throughSeq: 0, anchor: 'a'.repeat(64) });

describe('the mark file', () => {
  it('a read that fails for a passing reason (EIO) leaves the mark as it is: no write this session drops its deletes', async () => {
    const dir = join(tempDir(), 'vault');
    const key = importKey(randomBytes(32));
    await MarkFile.reseal(nodeFs, dir, key, KEY_ID, ['deleted-one'], head(3), () => undefined);
    const before = readFileSync(markPath(dir));

    const errors: unknown[] = [];
    const eio = () => {
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    };
    const mark = await MarkFile.read(nodeFs, dir, key, KEY_ID, (error) => errors.push(error), eio);
    expect(errors).toHaveLength(1);
    mark.writeHead(head(4));
    await mark.addDeleted(['deleted-two'], head(5));
    await mark.writeAll(head(6));
    await mark.close();
    expect(readFileSync(markPath(dir)).equals(before)).toBe(true);

    // Read again once the passing trouble is over: the deletes it held are all there.
    const later = await MarkFile.read(nodeFs, dir, key, KEY_ID, () => undefined);
    expect(later.deletedIds).toEqual(['deleted-one']);
    await later.addDeleted(['deleted-two'], head(5));
    await later.close();
    expect((await MarkFile.read(nodeFs, dir, key, KEY_ID, () => undefined)).deletedIds).toEqual(['deleted-one', 'deleted-two']);
  });

  it('a head written through the open file, then a whole rewrite: the rewrite wins, and the next head goes to the new file', async () => {
    const dir = join(tempDir(), 'vault');
    const key = importKey(randomBytes(32));
    const mark = await MarkFile.read(nodeFs, dir, key, KEY_ID, () => undefined);
    mark.writeHead(head(1));
    await mark.addDeleted(['deleted-one'], head(2));
    mark.writeHead(head(3));
    await mark.close();
    const again = await MarkFile.read(nodeFs, dir, key, KEY_ID, () => undefined);
    expect(again.found.head?.seq).toBe(3);
    expect(again.deletedIds).toEqual(['deleted-one']);
  });
});

describe('settling the files beside the folder at unlock', () => {
  it("puts this key's staged mark in place, removes other keys' and the temp files writes left, and touches nothing else", async () => {
    const root = tempDir();
    const dir = join(root, 'vault');
    const mine = 'a'.repeat(32);
    const other = 'b'.repeat(32);
    writeFileSync(markPath(dir), 'the old mark');
    writeFileSync(stagedMarkPath(dir, mine), 'the new mark');
    writeFileSync(stagedMarkPath(dir, other), 'a re-key that never committed');
    for (const name of ['.vault.mark.0123456789ab.tmp', '.vault.attempts.json.0123456789ab.tmp', `.vault.mark-${mine}.0123456789ab.tmp`])
      writeFileSync(join(root, name), 'cut off mid-write');
    // Not Attune's vault files, or not left by an atomic write: kept.
    for (const name of ['settings.json', '.settings.json.0123456789ab.tmp', 'vault.mark-notakeyid', 'vault.lock'])
      writeFileSync(join(root, name), 'keep');

    const errors: unknown[] = [];
    expect(await settleMarks(nodeFs, dir, mine, (error) => errors.push(error))).toBe(true);
    expect(errors).toEqual([]);
    expect(readFileSync(markPath(dir), 'utf8')).toBe('the new mark');
    expect(readdirSync(root).sort()).toEqual([
      '.settings.json.0123456789ab.tmp',
      'settings.json',
      'vault.lock',
      'vault.mark',
      'vault.mark-notakeyid',
    ]);

    // Nothing staged: nothing to do, and no error.
    expect(await settleMarks(nodeFs, dir, mine, (error) => errors.push(error))).toBe(false);
    expect(existsSync(markPath(dir))).toBe(true);
    expect(errors).toEqual([]);
  });
});
