import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Entry } from '../../shared/entry-schema';
import { createFakeKeychain } from './testing/fake-keychain';
import { checkIn, makeVault, vaultDirIn } from './testing/vault-fixtures';
import type { VaultService, VaultStatus } from './vault-service';

/**
 * Damage the files the way a bad disk, a crash, or a person with a hex
 * editor would, and check each is found, named by sequence number, set
 * aside, and never takes the undamaged entries with it.
 */
let root: string;
const keychain = createFakeKeychain();
const services: VaultService[] = [];

const tempDir = useTempDirs();
beforeEach(() => {
  root = tempDir();
});
afterEach(async () => {
  for (const vault of services.splice(0)) await vault.close();
});

const journalPath = (): string => join(vaultDirIn(root), 'journal.log');
const snapshotPath = (): string => join(vaultDirIn(root), 'snapshot.bin');

/** A vault with `count` entries in the journal (seq 1..count), closed. */
const build = async (count: number, at = root): Promise<Entry[]> => {
  const vault = makeVault(at, { keychain });
  await vault.setup({ useKeychain: true, createRecoveryKey: false });
  const saved: Entry[] = [];
  for (let i = 1; i <= count; i += 1) saved.push(await vault.append(checkIn(`entry ${i}`)));
  await vault.close();
  return saved;
};

const reopen = async (): Promise<{ vault: VaultService; status: VaultStatus; ids: string[] }> => {
  for (const previous of services.splice(0)) await previous.close();
  const vault = makeVault(root, { keychain });
  services.push(vault);
  const status = await vault.unlock({ method: 'keychain' });
  const ids = (await vault.list({ limit: 10_000 })).entries.map((entry) => entry.id).reverse();
  return { vault, status, ids };
};

const lines = async (): Promise<string[]> => (await readFile(journalPath(), 'latin1')).split('\n').filter(Boolean);
const writeLines = (list: string[]): Promise<void> => writeFile(journalPath(), `${list.join('\n')}\n`, 'latin1');
const idsOf = (entries: Entry[], keepSeqs: number[]): string[] => keepSeqs.map((seq) => (entries[seq - 1] as Entry).id);
const flip = (bytes: Buffer, at: number): void => {
  bytes.writeUInt8(bytes.readUInt8(at) ^ 0x01, at);
};
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const recoveredIncident = async (): Promise<{
  problems: unknown[];
  pieces: Array<{ source: string; seq: number | null; bytes: string }>;
}> => {
  const folder = join(vaultDirIn(root), 'recovered');
  const [name] = await readdir(folder);
  return JSON.parse(await readFile(join(folder, name as string), 'utf8')) as never;
};

describe('journal tampering', () => {
  it('a flipped byte: that record is reported damaged and set aside, every other entry stays', async () => {
    const saved = await build(10);
    const list = await lines();
    const target = list[4] as string;
    const flipAt = target.length - 10;
    list[4] = `${target.slice(0, flipAt)}${target[flipAt] === 'A' ? 'B' : 'A'}${target.slice(flipAt + 1)}`;
    await writeLines(list);

    const { status, ids } = await reopen();
    expect(status.problems).toEqual([
      { kind: 'damaged', affected: [{ from: 5, to: 5 }], setAside: expect.stringMatching(/^incident-\d+-[0-9a-f]{6}\.json$/) },
    ]);
    expect(ids).toEqual(idsOf(saved, [1, 2, 3, 4, 6, 7, 8, 9, 10]));
    expect(status.recoveredFiles).toBe(1);
    const incident = await recoveredIncident();
    expect(incident.pieces).toEqual([
      { source: 'journal', seq: 5, offset: expect.any(Number), bytes: Buffer.from(list[4] as string, 'latin1').toString('base64url') },
    ]);

    // Reported once, repaired: the next open is clean and keeps the same entries.
    const again = await reopen();
    expect(again.status.problems).toEqual([]);
    expect(again.ids).toEqual(ids);
  });

  it('two swapped lines: both reported as reordered, both entries kept', async () => {
    const saved = await build(10);
    const list = await lines();
    [list[3], list[4]] = [list[4] as string, list[3] as string];
    await writeLines(list);
    const { status, ids } = await reopen();
    expect(status.problems).toEqual([{ kind: 'reordered', affected: [{ from: 4, to: 5 }], setAside: null }]);
    expect(ids).toEqual(idsOf(saved, range(1, 10)));
  });

  it('a deleted middle line: its sequence number is reported missing, the rest stays', async () => {
    const saved = await build(10);
    const list = await lines();
    list.splice(4, 1);
    await writeLines(list);
    const { status, ids } = await reopen();
    expect(status.problems).toEqual([{ kind: 'missing', affected: [{ from: 5, to: 5 }], setAside: null }]);
    expect(ids).toEqual(idsOf(saved, [1, 2, 3, 4, 6, 7, 8, 9, 10]));
  });

  it('truncated mid-record: the torn record is set aside, everything before it is intact, appends continue', async () => {
    const saved = await build(10);
    const bytes = await readFile(journalPath());
    const lastLine = (await lines())[9] as string;
    const cut = bytes.length - 1 - Math.floor(lastLine.length / 2);
    await writeFile(journalPath(), bytes.subarray(0, cut));
    const { vault, status, ids } = await reopen();
    expect(status.problems).toEqual([{ kind: 'torn-tail', affected: [{ from: 10, to: 10 }], setAside: expect.any(String) }]);
    expect(ids).toEqual(idsOf(saved, range(1, 9)));
    const incident = await recoveredIncident();
    expect(Buffer.from(incident.pieces[0]?.bytes ?? '', 'base64url')).toEqual(bytes.subarray(bytes.lastIndexOf(0x0a, cut - 1) + 1, cut));

    const next = await vault.append(checkIn('after the tear'));
    await vault.close();
    const again = await reopen();
    expect(again.status.problems).toEqual([]);
    expect(again.ids).toEqual([...idsOf(saved, range(1, 9)), next.id]);
  });

  it('a whole last record missing only its newline is kept, and the next append starts a line of its own', async () => {
    const saved = await build(10);
    const bytes = await readFile(journalPath());
    await writeFile(journalPath(), bytes.subarray(0, bytes.length - 1));
    const { vault, status, ids } = await reopen();
    expect(status.problems).toEqual([]);
    expect(ids).toEqual(idsOf(saved, range(1, 10)));
    expect(status.recoveredFiles).toBe(0);

    const next = await vault.append(checkIn('after the missing newline'));
    expect((await lines()).map((line) => line.split('.')[1])).toEqual(range(1, 11).map(String));
    const again = await reopen();
    expect(again.status.problems).toEqual([]);
    expect(again.ids).toEqual([...idsOf(saved, range(1, 10)), next.id]);
  });

  it('truncated in the middle of the file: the records gone after the cut are named too, earlier ones all readable', async () => {
    const saved = await build(10);
    const list = await lines();
    const keep = `${list.slice(0, 4).join('\n')}\n${(list[4] as string).slice(0, 30)}`;
    await writeFile(journalPath(), keep, 'latin1');
    const { vault, status, ids } = await reopen();
    // The mark saw seq 10: 6–10 left no byte behind, and a crash never loses records the mark saw.
    expect(status.problems).toEqual([
      { kind: 'torn-tail', affected: [{ from: 5, to: 5 }], setAside: expect.any(String) },
      { kind: 'missing', affected: [{ from: 6, to: 10 }], setAside: expect.any(String) },
    ]);
    expect(ids).toEqual(idsOf(saved, range(1, 4)));
    expect((await vault.incidents()).map((incident) => incident.problems)).toEqual([
      [{ kind: 'missing', affected: [{ from: 6, to: 10 }] }],
    ]);

    // Their seqs are never taken again, and the next unlock finds a clean history (the incident stays until dismissed).
    await vault.append(checkIn('after the cut'));
    expect((await lines()).map((line) => line.split('.')[1])).toEqual(['11']);
    const again = await reopen();
    expect(again.status.problems).toEqual([]);
    expect(await again.vault.incidents()).toHaveLength(1);
    expect(again.ids).toHaveLength(5);
  });

  it('a record swapped for an authentic one from a forked copy: the broken link is reported', async () => {
    const saved = await build(4);
    const fork = tempDir();
    await cp(vaultDirIn(root), vaultDirIn(fork), { recursive: true });
    for (const [dir, note] of [
      [root, 'original 5'],
      [fork, 'forked 5'],
    ] as const) {
      const vault = makeVault(dir, { keychain });
      await vault.unlock({ method: 'keychain' });
      const entry = await vault.append(checkIn(note));
      if (dir === root) saved.push(entry, await vault.append(checkIn('original 6')));
      await vault.close();
    }
    const forkLine = (await readFile(join(vaultDirIn(fork), 'journal.log'), 'latin1')).split('\n')[4] as string;
    const list = await lines();
    list[4] = forkLine;
    await writeLines(list);
    const { status, ids } = await reopen();
    expect(status.problems).toEqual([{ kind: 'chain-broken', affected: [{ from: 6, to: 6 }], setAside: null }]);
    expect(ids).toHaveLength(6);
    expect(ids).toContain(saved[5]?.id);
  });

  it('a line from another vault fails authentication (the key id is bound in)', async () => {
    await build(3);
    const other = tempDir();
    await build(3, other);
    const foreign = (await readFile(join(vaultDirIn(other), 'journal.log'), 'latin1')).split('\n')[1] as string;
    const list = await lines();
    list[1] = foreign;
    await writeLines(list);
    const { status, ids } = await reopen();
    expect(status.problems).toEqual([{ kind: 'damaged', affected: [{ from: 2, to: 2 }], setAside: expect.any(String) }]);
    expect(ids).toHaveLength(2);
  });
});

describe('snapshot tampering', () => {
  /** 700 entries rolled into a snapshot: chunk 1 holds seq 1..512, chunk 2 holds 513..700. */
  const buildRolled = async (): Promise<Entry[]> => {
    const vault = makeVault(root, { keychain });
    await vault.setup({ useKeychain: true, createRecoveryKey: false });
    const saved: Entry[] = [];
    for (let i = 1; i <= 700; i += 1) saved.push(await vault.append(checkIn(`entry ${i}`)));
    await vault.compact();
    await vault.close();
    return saved;
  };

  it('a flipped byte in one chunk loses only that chunk, reported by its seq range', async () => {
    const saved = await buildRolled();
    const bytes = await readFile(snapshotPath());
    flip(bytes, bytes.length - 100);
    await writeFile(snapshotPath(), bytes);
    const { status, ids } = await reopen();
    expect(status.problems).toEqual([{ kind: 'snapshot-damaged', affected: [{ from: 513, to: 700 }], setAside: expect.any(String) }]);
    expect(ids).toEqual(idsOf(saved, range(1, 512)));
  });

  it('a damaged header keeps every chunk readable and is reported', async () => {
    const saved = await buildRolled();
    const bytes = await readFile(snapshotPath());
    flip(bytes, 24 + 4 + 21 + 12 + 3); // inside the header frame's ciphertext
    await writeFile(snapshotPath(), bytes);
    const { status, ids } = await reopen();
    expect(status.problems).toEqual([{ kind: 'snapshot-damaged', affected: [], setAside: expect.any(String) }]);
    expect(ids).toEqual(idsOf(saved, range(1, 700)));
  });
});

describe('interrupted roll', () => {
  it('a torn tail after records the snapshot already holds: set aside, and the next append still links', async () => {
    const saved = await build(3);
    const before = await readFile(journalPath(), 'latin1');
    const vault = makeVault(root, { keychain });
    await vault.unlock({ method: 'keychain' });
    await vault.compact();
    await vault.close();
    await writeFile(journalPath(), `${before}A1.4.cut-short`, 'latin1');

    const first = await reopen();
    expect(first.status.problems.map((p) => p.kind)).toEqual(['torn-tail']);
    expect(first.ids).toEqual(saved.map((e) => e.id));
    const next = await first.vault.append(checkIn('after'));
    const again = await reopen();
    expect(again.status.problems).toEqual([]);
    expect(again.ids).toEqual([...saved.map((e) => e.id), next.id]);
  });
});
