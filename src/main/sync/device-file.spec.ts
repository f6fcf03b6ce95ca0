import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { nodeFs } from '../fs/fs-port';
import { importKey, seal } from '../vault/aead';
import { newDataKey } from '../vault/key-wrap';
import { pad } from '../vault/padding';
import { cleanDeviceName, deviceFilePath, readDeviceInfo, readDeviceName, writeDeviceFile } from './device-file';
import { syncRootIn } from './format-file';

const tempDir = useTempDirs();
const VAULT = '0123456789abcdef0123456789abcdef';
const OTHER_VAULT = 'fedcba9876543210fedcba9876543210';
const A = 'a0a1a2a3a4a5a6a7a8a9aaabacadaeaf';
const B = 'b0b1b2b3b4b5b6b7b8b9babbbcbdbebf';
const T = 1_795_424_400_000;
const { dataKey, keyId } = newDataKey();
const key = importKey(dataKey);
const keyFor = (id: string) => (id === keyId ? key : undefined);
/** The sync root exists (format.json was made with it); device folders are the writer's to make. */
const newRoot = (): string => {
  const root = syncRootIn(tempDir('attune-device-'));
  mkdirSync(root);
  return root;
};
const write = (root: string, deviceId: string, name: string) =>
  writeDeviceFile(nodeFs, root, { vaultId: VAULT, deviceId, keyId, key, name, now: T });
const fileOf = (root: string, deviceId: string) =>
  JSON.parse(readFileSync(deviceFilePath(root, deviceId), 'utf8')) as Record<string, unknown>;

describe('a device name (docs/sync-format.md §2.4)', () => {
  it.each<[string, string | undefined]>([
    ['Sam’s laptop', 'Sam’s laptop'],
    ['  desk at home \t', 'desk at home'],
    ['x'.repeat(64), 'x'.repeat(64)],
    ['💻'.repeat(64), '💻'.repeat(64)], // 64 characters, 128 UTF-16 units
    ['Büro-PC', 'Büro-PC'],
    ['', undefined],
    ['   ', undefined],
    ['x'.repeat(65), undefined],
    ['two\nlines', undefined],
    ['bell\u0007', undefined],
    ['del\u007f', undefined],
    ['line\u2028separator', undefined],
    ['lone \ud800 surrogate', undefined],
  ])('%j → %j', (name, kept) => {
    expect(cleanDeviceName(name)).toBe(kept);
  });
});

describe('device.json', () => {
  it('round-trips the trimmed name, owner only, with the fields of the doc and nothing of the name in clear', async () => {
    const root = newRoot();
    expect(await write(root, A, '  Sam’s laptop ')).toBe('Sam’s laptop');
    expect(await readDeviceName(root, A, VAULT, keyFor)).toBe('Sam’s laptop');
    const file = fileOf(root, A);
    expect(Object.keys(file).sort()).toEqual(['body', 'createdAt', 'deviceId', 'format', 'iv', 'keyId', 'vaultId', 'version']);
    expect(file).toMatchObject({ format: 'attune-sync-device', version: 1, vaultId: VAULT, deviceId: A, keyId, createdAt: T });
    expect(readFileSync(deviceFilePath(root, A), 'utf8')).not.toContain('laptop');
    if (process.platform !== 'win32') {
      expect(statSync(deviceFilePath(root, A)).mode & 0o777).toBe(0o600);
      expect(statSync(join(root, 'devices', A)).mode & 0o777).toBe(0o700);
    }
  });

  it('is replaced whole by a new name, leaves no temp file, and a short and a long name look the same size', async () => {
    const root = newRoot();
    await write(root, A, 'a');
    const short = (fileOf(root, A).body as string).length;
    await write(root, A, 'a much longer name for the same computer'.padEnd(64, '.'));
    expect(await readDeviceName(root, A, VAULT, keyFor)).toBe('a much longer name for the same computer'.padEnd(64, '.'));
    expect((fileOf(root, A).body as string).length).toBe(short);
    expect(readdirSync(join(root, 'devices', A))).toEqual(['device.json']);
    await expect(write(root, A, '\u0000')).rejects.toThrow(RangeError);
  });

  it("moved into another device's folder it opens nothing, even with its deviceId field edited to match (the AAD)", async () => {
    const root = newRoot();
    await write(root, A, 'laptop');
    mkdirSync(join(root, 'devices', B), { recursive: true });
    copyFileSync(deviceFilePath(root, A), deviceFilePath(root, B));
    expect(await readDeviceName(root, B, VAULT, keyFor)).toBeUndefined();
    writeFileSync(deviceFilePath(root, B), JSON.stringify({ ...fileOf(root, A), deviceId: B }));
    expect(await readDeviceName(root, B, VAULT, keyFor)).toBeUndefined();
    // The original still reads.
    expect(await readDeviceName(root, A, VAULT, keyFor)).toBe('laptop');
  });

  it('another vault, an unknown key, an edited key id, or one flipped bit: no name, no throw', async () => {
    const root = newRoot();
    await write(root, A, 'laptop');
    const good = fileOf(root, A);
    expect(await readDeviceName(root, A, OTHER_VAULT, keyFor)).toBeUndefined();
    expect(await readDeviceName(root, A, VAULT, () => undefined)).toBeUndefined();
    const other = newDataKey();
    writeFileSync(deviceFilePath(root, A), JSON.stringify({ ...good, keyId: other.keyId }));
    expect(await readDeviceName(root, A, VAULT, (id) => (id === other.keyId ? key : undefined))).toBeUndefined();
    const body = Buffer.from(good.body as string, 'base64url');
    body[3] = (body[3] as number) ^ 1;
    writeFileSync(deviceFilePath(root, A), JSON.stringify({ ...good, body: body.toString('base64url') }));
    expect(await readDeviceName(root, A, VAULT, keyFor)).toBeUndefined();
    writeFileSync(deviceFilePath(root, A), JSON.stringify({ ...good, vaultId: OTHER_VAULT }));
    expect(await readDeviceName(root, A, VAULT, keyFor)).toBeUndefined();
  });

  it('absent, truncated, garbage, unknown fields, too large, a link, only a conflict copy, a bad folder name: no name', async () => {
    const root = newRoot();
    expect(await readDeviceName(root, A, VAULT, keyFor)).toBeUndefined();
    await write(root, A, 'laptop');
    const text = readFileSync(deviceFilePath(root, A), 'utf8');
    const path = deviceFilePath(root, A);
    for (const bad of [text.slice(0, 60), '\u00ff\u0000{{', '', JSON.stringify({ ...JSON.parse(text), extra: true })]) {
      writeFileSync(path, bad);
      expect(await readDeviceName(root, A, VAULT, keyFor)).toBeUndefined();
    }
    writeFileSync(path, text);
    truncateSync(path, 64 * 1024 + 1);
    expect(await readDeviceName(root, A, VAULT, keyFor)).toBeUndefined();

    const outside = join(tempDir('attune-outside-'), 'device.json');
    writeFileSync(outside, text);
    const linked = newRoot();
    mkdirSync(join(linked, 'devices', A), { recursive: true });
    symlinkSync(outside, deviceFilePath(linked, A));
    expect(await readDeviceName(linked, A, VAULT, keyFor)).toBeUndefined();

    const copied = newRoot();
    mkdirSync(join(copied, 'devices', A), { recursive: true });
    writeFileSync(join(copied, 'devices', A, 'device.sync-conflict-20261204-094500-ABCDEFG.json'), text);
    expect(await readDeviceName(copied, A, VAULT, keyFor)).toBeUndefined();
    expect(await readDeviceName(root, '../../etc', VAULT, keyFor)).toBeUndefined();
  });

  it('an authenticated body that is not a name as Attune keeps it is not shown', async () => {
    const root = newRoot();
    await write(root, A, 'laptop');
    const good = fileOf(root, A);
    const sealedAs = (payload: unknown) => {
      const aad = Buffer.from(`attune-sync.v1.device.${VAULT}.${A}.${keyId}`, 'utf8');
      const sealed = seal(key, pad(Buffer.from(JSON.stringify(payload), 'utf8')), aad);
      return { ...good, iv: sealed.iv.toString('base64url'), body: Buffer.concat([sealed.ciphertext, sealed.tag]).toString('base64url') };
    };
    // The doc's AAD, spelled out here, opens Attune's own format.
    writeFileSync(deviceFilePath(root, A), JSON.stringify(sealedAs({ name: 'desk' })));
    expect(await readDeviceName(root, A, VAULT, keyFor)).toBe('desk');
    for (const payload of [{ name: 'desk', colour: 'red' }, { name: '' }, { name: ' desk ' }, { name: 'a\nb' }, { name: 7 }, ['desk']]) {
      writeFileSync(deviceFilePath(root, A), JSON.stringify(sealedAs(payload)));
      expect(await readDeviceName(root, A, VAULT, keyFor)).toBeUndefined();
    }
  });

  it('carries the ids it moved from, sealed; a file without them moved from nothing; a bad list is no file', async () => {
    const root = newRoot();
    const movedFrom = [{ deviceId: B, seq: 12 }];
    await writeDeviceFile(nodeFs, root, { vaultId: VAULT, deviceId: A, keyId, key, name: 'desk', now: T, movedFrom });
    expect(await readDeviceInfo(root, A, VAULT, keyFor)).toEqual({ name: 'desk', movedFrom });
    // The old id is not in the clear: only the computers holding the key know which folder was this one's.
    expect(readFileSync(deviceFilePath(root, A), 'utf8')).not.toContain(B);
    await write(root, A, 'desk');
    expect(await readDeviceInfo(root, A, VAULT, keyFor)).toEqual({ name: 'desk', movedFrom: [] });

    const good = fileOf(root, A);
    const sealedAs = (payload: unknown) => {
      const aad = Buffer.from(`attune-sync.v1.device.${VAULT}.${A}.${keyId}`, 'utf8');
      const sealed = seal(key, pad(Buffer.from(JSON.stringify(payload), 'utf8')), aad);
      return { ...good, iv: sealed.iv.toString('base64url'), body: Buffer.concat([sealed.ciphertext, sealed.tag]).toString('base64url') };
    };
    for (const bad of [[{ deviceId: 'B', seq: 1 }], [{ deviceId: B, seq: -1 }], [{ deviceId: B }], { deviceId: B, seq: 1 }]) {
      writeFileSync(deviceFilePath(root, A), JSON.stringify(sealedAs({ name: 'desk', movedFrom: bad })));
      expect(await readDeviceInfo(root, A, VAULT, keyFor)).toBeUndefined();
    }
  });
});
