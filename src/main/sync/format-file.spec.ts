import { lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { nodeFs } from '../fs/fs-port';
import { createFormatFile, parseFormatFile, readFormatFile, syncRootIn } from './format-file';
import type { LinkFile } from './sync-folder-write';

const tempDir = useTempDirs();
const VAULT = '0123456789abcdef0123456789abcdef';
const OTHER = 'fedcba9876543210fedcba9876543210';
const T = 1_795_424_400_000;
const good = { format: 'attune-sync', version: 1, vaultId: VAULT, createdAt: T };
const bytes = (value: unknown): Buffer => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');
const newRoot = (): string => syncRootIn(tempDir('attune-format-'));
const noHardLinks: LinkFile = () => Promise.reject(Object.assign(new Error('no hard links here'), { code: 'EPERM' }));

describe('format.json (docs/sync-format.md §2.1), read', () => {
  it.each<[string, unknown, string]>([
    ['the file Attune writes', good, 'ok'],
    ['a newer version', { ...good, version: 2 }, 'newer'],
    ['version 1 with a field this version does not know', { ...good, shards: 4 }, 'newer'],
    ['version 2 with fields this version does not know', { format: 'attune-sync', version: 2, layout: 'b' }, 'newer'],
    ['version 0', { ...good, version: 0 }, 'unreadable'],
    ['version as a string', { ...good, version: '2' }, 'unreadable'],
    ['another format', { ...good, format: 'attune-vault' }, 'unreadable'],
    ['an upper-case vault id', { ...good, vaultId: VAULT.toUpperCase() }, 'unreadable'],
    ['a short vault id', { ...good, vaultId: VAULT.slice(2) }, 'unreadable'],
    ['no createdAt', { format: 'attune-sync', version: 1, vaultId: VAULT }, 'unreadable'],
    ['a fractional createdAt', { ...good, createdAt: 1.5 }, 'unreadable'],
    ['an array', [good], 'unreadable'],
    ['null', null, 'unreadable'],
    ['truncated JSON', JSON.stringify(good).slice(0, 40), 'unreadable'],
    ['garbage', '\u0000\u00ff{{not json', 'unreadable'],
    ['empty', '', 'unreadable'],
  ])('%s → %s', (_, value, kind) => {
    expect(parseFormatFile(bytes(value)).kind).toBe(kind);
  });

  it('reads the vault id and time; a missing folder or file is absent; nothing in the folder makes it throw', async () => {
    const root = newRoot();
    expect(await readFormatFile(root)).toEqual({ kind: 'absent' });
    mkdirSync(root);
    expect(await readFormatFile(root)).toEqual({ kind: 'absent' });
    writeFileSync(join(root, 'format.json'), JSON.stringify(good));
    expect(await readFormatFile(root)).toEqual({ kind: 'ok', vaultId: VAULT, createdAt: T });

    // Over 64 KiB (sparse, so the disk is not filled): never read whole.
    writeFileSync(join(root, 'format.json'), JSON.stringify(good));
    truncateSync(join(root, 'format.json'), 64 * 1024 + 1);
    expect(await readFormatFile(root)).toEqual({ kind: 'unreadable' });
  });

  it('a symlink, a folder or a conflict copy under the name is not the format file', async () => {
    const outside = tempDir('attune-outside-');
    writeFileSync(join(outside, 'real.json'), JSON.stringify(good));
    const linked = newRoot();
    mkdirSync(linked);
    symlinkSync(join(outside, 'real.json'), join(linked, 'format.json'));
    expect(await readFormatFile(linked)).toEqual({ kind: 'unreadable' });

    const folder = newRoot();
    mkdirSync(join(folder, 'format.json'), { recursive: true });
    expect(await readFormatFile(folder)).toEqual({ kind: 'unreadable' });

    const copy = newRoot();
    mkdirSync(copy);
    writeFileSync(join(copy, 'format.sync-conflict-20261204-094500-ABCDEFG.json'), JSON.stringify(good));
    expect(await readFormatFile(copy)).toEqual({ kind: 'absent' });

    // attune-sync itself is a file: nothing to read, and no throw.
    const parent = tempDir('attune-format-');
    writeFileSync(join(parent, 'attune-sync'), 'a file');
    expect(await readFormatFile(syncRootIn(parent))).toEqual({ kind: 'unreadable' });
  });
});

describe('format.json, created once', () => {
  it('makes the three folders (0700) and the file (0600), readable as written, and no temp file is left', async () => {
    const root = newRoot();
    expect(await createFormatFile(nodeFs, root, VAULT, T)).toEqual({ kind: 'created', vaultId: VAULT, createdAt: T });
    expect(await readFormatFile(root)).toEqual({ kind: 'ok', vaultId: VAULT, createdAt: T });
    expect(JSON.parse(readFileSync(join(root, 'format.json'), 'utf8'))).toEqual(good);
    expect(readdirSync(root).sort()).toEqual(['devices', 'format.json', 'keys']);
    if (process.platform !== 'win32') {
      for (const folder of ['', 'keys', 'devices']) expect(statSync(join(root, folder)).mode & 0o777).toBe(0o700);
      expect(statSync(join(root, 'format.json')).mode & 0o777).toBe(0o600);
    }
  });

  it('never writes over a format.json that is there: it returns it instead, whatever it holds', async () => {
    const root = newRoot();
    await createFormatFile(nodeFs, root, OTHER, T - 5);
    expect(await createFormatFile(nodeFs, root, VAULT, T)).toEqual({
      kind: 'exists',
      found: { kind: 'ok', vaultId: OTHER, createdAt: T - 5 },
    });
    expect(JSON.parse(readFileSync(join(root, 'format.json'), 'utf8')).vaultId).toBe(OTHER);

    // A newer folder: not even keys/ or devices/ are made in it.
    const newer = newRoot();
    mkdirSync(newer);
    writeFileSync(join(newer, 'format.json'), JSON.stringify({ ...good, version: 2 }));
    expect(await createFormatFile(nodeFs, newer, VAULT, T)).toEqual({ kind: 'exists', found: { kind: 'newer' } });
    expect(readdirSync(newer)).toEqual(['format.json']);
  });

  it('a format.json that appears between the check and the write wins (the link refuses to replace it)', async () => {
    const root = newRoot();
    // Another setup writes its file just as ours is about to be placed.
    const raced: LinkFile = async (from, to) => {
      writeFileSync(to, JSON.stringify({ ...good, vaultId: OTHER }));
      const { link } = await import('node:fs/promises');
      await link(from, to);
    };
    expect(await createFormatFile(nodeFs, root, VAULT, T, raced)).toEqual({
      kind: 'exists',
      found: { kind: 'ok', vaultId: OTHER, createdAt: T },
    });
    expect(readdirSync(root).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('on a file system without hard links it checks, then renames, and still never replaces a file that is there', async () => {
    const root = newRoot();
    expect(await createFormatFile(nodeFs, root, VAULT, T, noHardLinks)).toEqual({ kind: 'created', vaultId: VAULT, createdAt: T });
    expect(await createFormatFile(nodeFs, root, OTHER, T, noHardLinks)).toMatchObject({ kind: 'exists', found: { vaultId: VAULT } });
    expect(readdirSync(root).sort()).toEqual(['devices', 'format.json', 'keys']);
  });

  it('does not write through a symlink put in place of a folder it makes', async () => {
    const parent = tempDir('attune-format-');
    const elsewhere = tempDir('attune-elsewhere-');
    symlinkSync(elsewhere, join(parent, 'attune-sync'));
    await expect(createFormatFile(nodeFs, syncRootIn(parent), VAULT, T)).rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(lstatSync(join(parent, 'attune-sync')).isSymbolicLink()).toBe(true);
  });
});
