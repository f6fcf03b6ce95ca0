import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Entry } from '../../shared/entry-schema';
import { AttuneError } from '../attune-error';
import { type FsPort, nodeFs } from '../fs/fs-port';
import type { RecoveryWrap } from './key-file';
import { type KeyFile } from './key-file';
import { byId, checkIn, makeVault, openVaults, seedVault } from './testing/vault-fixtures';

/**
 * The vault's side of sync (docs/sync-format.md §4.4, §6.3): what a pass
 * reads (syncView), writes (applySync) and seals with (syncKey), and a
 * vault made around another computer's data key (setup with a given key).
 * Everything runs on real files; "durable" means read back after a restart.
 */
const vaults = openVaults();
afterEach(vaults.closeAll);
const tempDir = useTempDirs();
let root: string;
beforeEach(() => {
  root = tempDir('attune-sync-api-');
});

const PASS = 'sync api passphrase';

const fromElsewhere = (id: string, note: string, at = 1_795_000_000_000): Entry => ({
  id,
  at,
  offsetMinutes: 60,
  kind: 'check-in',
  data: { states: [], needs: [], note },
});

const reopen = async (dir: string): Promise<ReturnType<typeof makeVault>> => {
  const vault = vaults.track(makeVault(dir));
  const status = await vault.unlock({ method: 'passphrase', passphrase: PASS });
  expect(status.problems).toEqual([]);
  return vault;
};

describe('applySync', () => {
  it('writes entries from another computer under their own ids, durably, and deletes by id with a roll', async () => {
    const { vault, live } = await seedVault(vaults.track(makeVault(root)), { passphrase: PASS, useKeychain: false });
    const other = [
      fromElsewhere('from-laptop-aaaaaaaaaa', 'written on the laptop'),
      fromElsewhere('from-laptop-bbbbbbbbbb', 'and another'),
    ];
    const gone = live.find((entry) => entry.kind === 'check-in') as Entry;
    const answers = live.filter((entry) => entry.kind === 'follow-up' && entry.data.checkInId === gone.id);

    const applied = await vault.applySync({ deleteIds: [gone.id, ...answers.map((entry) => entry.id), 'never-here'], putEntries: other });
    expect(applied).toEqual({ deleted: 1 + answers.length, put: 2 });
    await vault.close();

    const reopened = await reopen(root);
    const expected = byId([...live.filter((entry) => entry.id !== gone.id && !answers.includes(entry)), ...other]);
    expect(byId(await reopened.entries())).toEqual(expected);
    const view = await reopened.syncView();
    expect([...view.entries.keys()].sort()).toEqual(expected.map((entry) => entry.id).sort());
    expect(view.markDeleted.has(gone.id)).toBe(true);
    // The delete rolled: the journal holds nothing, so the deleted entry's bytes are only in what the roll replaced.
    expect((await readFile(join(root, 'vault', 'journal.log'))).length).toBe(0);
  });

  it('never writes back an id the person deleted here, nor a follow-up answering it', async () => {
    const { vault, deletedIds } = await seedVault(vaults.track(makeVault(root)), { passphrase: PASS, useKeychain: false });
    const [checkInId] = deletedIds as [string];
    const view = await vault.syncView();
    expect(deletedIds.every((id) => view.markDeleted.has(id))).toBe(true);
    const stale = fromElsewhere(checkInId, 'an old copy from the laptop');
    const staleAnswer: Entry = {
      id: 'answer-from-laptop',
      at: 1,
      offsetMinutes: 0,
      kind: 'follow-up',
      data: { checkInId, outcome: 'a-bit' },
    };
    const fresh = fromElsewhere('fresh-from-laptop-xxx', 'new');
    expect(await vault.applySync({ deleteIds: [], putEntries: [stale, staleAnswer, fresh] })).toEqual({ deleted: 0, put: 1 });
    expect(await vault.get(checkInId)).toBeUndefined();
    expect(await vault.get('answer-from-laptop')).toBeUndefined();
    expect(await vault.get(fresh.id)).toEqual(fresh);
  });

  it('a put of an entry it already holds replaces it (a later edit wins), and nothing to do writes nothing', async () => {
    const vault = vaults.track(makeVault(root));
    await vault.setup({ passphrase: PASS, useKeychain: false, createRecoveryKey: false });
    const mine = await vault.append(checkIn('first words'));
    const edited = { ...mine, data: { ...mine.data, note: 'changed on the laptop' } } as Entry;
    expect(await vault.applySync({ deleteIds: [], putEntries: [edited] })).toEqual({ deleted: 0, put: 1 });
    const journal = await readFile(join(root, 'vault', 'journal.log'));
    expect(await vault.applySync({ deleteIds: ['not-here'], putEntries: [] })).toEqual({ deleted: 0, put: 0 });
    expect(await readFile(join(root, 'vault', 'journal.log'))).toEqual(journal);
    await vault.close();
    expect(await (await reopen(root)).get(mine.id)).toEqual(edited);
  });

  describe("more than a roll's worth at once: straight into a snapshot", () => {
    const many = (count: number): Entry[] =>
      Array.from({ length: count }, (_, i) =>
        fromElsewhere(`bulk-from-laptop-${String(i).padStart(4, '0')}`, `number ${i}`, 1_795_000_000_000 + i),
      );

    it('only new ids, their times between the ones held: listed in time order, paged whole, the same after a restart', async () => {
      const { vault, live } = await seedVault(vaults.track(makeVault(root, { rollAfterRecords: 4 })), {
        passphrase: PASS,
        useKeychain: false,
      });
      const times = live.map((entry) => entry.at).sort((a, b) => a - b);
      const [first, last] = [times[0] as number, times.at(-1) as number];
      // Before, between and after the held entries, and one in the same millisecond as the first of them.
      const other = [first - 1, first, Math.round((first + last) / 2), last + 1, first + 3, last - 2].map((at, i) =>
        fromElsewhere(`only-new-from-laptop-${i}`, `new ${i}`, at),
      );
      expect(await vault.applySync({ deleteIds: [], putEntries: other })).toEqual({ deleted: 0, put: other.length });
      const everything = [...live, ...other];
      const newestFirst = async (from: Pick<ReturnType<typeof makeVault>, 'list'>): Promise<string[]> => {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await from.list({ limit: 3, ...(cursor === undefined ? {} : { cursor }) });
          seen.push(...page.entries.map((entry) => entry.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor !== undefined);
        return seen;
      };
      const listed = await newestFirst(vault);
      expect([...listed].sort()).toEqual(everything.map((entry) => entry.id).sort());
      const at = new Map(everything.map((entry) => [entry.id, entry.at]));
      for (let i = 1; i < listed.length; i += 1)
        expect(at.get(listed[i - 1] as string) as number).toBeGreaterThanOrEqual(at.get(listed[i] as string) as number);
      await vault.close();
      const reopened = await reopen(root);
      expect(await newestFirst(reopened)).toEqual(listed);
    });

    it('holds the same as the journal way, with an empty journal; deletes reach the mark; appends go on after it', async () => {
      const { vault, live, deletedIds } = await seedVault(vaults.track(makeVault(root, { rollAfterRecords: 4 })), {
        passphrase: PASS,
        useKeychain: false,
      });
      const gone = live.find((entry) => entry.kind === 'check-in') as Entry;
      const answers = live.filter((entry) => entry.kind === 'follow-up' && entry.data.checkInId === gone.id);
      const kept = live.filter((entry) => entry.id !== gone.id && !answers.includes(entry));
      const edited = { ...(kept.find((entry) => entry.kind === 'check-in') as Entry), offsetMinutes: -300 } as Entry;
      const other = many(6);
      const applied = await vault.applySync({ deleteIds: [gone.id, ...answers.map((entry) => entry.id)], putEntries: [...other, edited] });
      expect(applied).toEqual({ deleted: 1 + answers.length, put: 7 });
      const expected = byId([...kept.filter((entry) => entry.id !== edited.id), edited, ...other]);
      expect(byId(await vault.entries())).toEqual(expected);
      expect((await readFile(join(root, 'vault', 'journal.log'))).length).toBe(0);
      // Deleted here before, or by this write: never written back.
      expect(await vault.applySync({ deleteIds: [], putEntries: [gone, fromElsewhere(deletedIds[0] as string, 'stale')] })).toEqual({
        deleted: 0,
        put: 0,
      });
      const after = await vault.append(checkIn('after the bulk write'));
      await vault.close();

      const reopened = await reopen(root);
      expect(byId(await reopened.entries())).toEqual(byId([...expected, after]));
      expect((await reopened.syncView()).markDeleted.has(gone.id)).toBe(true);
    });

    it('a snapshot the disk refuses: nothing changes, in memory or on disk, and the next try lands', async () => {
      let refuse = false;
      const fs: FsPort = {
        ...nodeFs,
        rename: (from, to) =>
          refuse && to.endsWith('snapshot.bin')
            ? Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' }))
            : nodeFs.rename(from, to),
      };
      const vault = vaults.track(makeVault(root, { rollAfterRecords: 4, fs }));
      await vault.setup({ passphrase: PASS, useKeychain: false, createRecoveryKey: false });
      const mine = await vault.append(checkIn('before'));
      const journal = await readFile(join(root, 'vault', 'journal.log'));
      refuse = true;
      await expect(vault.applySync({ deleteIds: [mine.id], putEntries: many(5) })).rejects.toMatchObject({ code: 'disk-full' });
      expect(await vault.entries()).toEqual([mine]);
      expect(await readFile(join(root, 'vault', 'journal.log'))).toEqual(journal);
      refuse = false;
      expect(await vault.applySync({ deleteIds: [mine.id], putEntries: many(5) })).toEqual({ deleted: 1, put: 5 });
      await vault.close();
      expect(byId(await (await reopen(root)).entries())).toEqual(byId(many(5)));
    });

    it('stopped after the snapshot landed and before the journal was emptied: the next open finds everything once', async () => {
      let cutJournal = true;
      const fs: FsPort = {
        ...nodeFs,
        ftruncate: (fd, length) =>
          cutJournal ? nodeFs.ftruncate(fd, length) : Promise.reject(Object.assign(new Error('gone'), { code: 'EIO' })),
      };
      const vault = vaults.track(makeVault(root, { rollAfterRecords: 4, fs }));
      await vault.setup({ passphrase: PASS, useKeychain: false, createRecoveryKey: false });
      const mine = await vault.append(checkIn('in the journal'));
      cutJournal = false;
      await expect(vault.applySync({ deleteIds: [], putEntries: many(5) })).rejects.toBeInstanceOf(AttuneError);
      expect((await readFile(join(root, 'vault', 'journal.log'))).length).toBeGreaterThan(0);
      await vault.close();
      cutJournal = true;
      const reopened = await reopen(root);
      expect(byId(await reopened.entries())).toEqual(byId([mine, ...many(5)]));
    });
  });

  it('is refused while locked, like every other read and write of the history', async () => {
    const vault = vaults.track(makeVault(root));
    await vault.setup({ passphrase: PASS, useKeychain: false, createRecoveryKey: false });
    await vault.lock();
    await expect(vault.applySync({ deleteIds: [], putEntries: [] })).rejects.toMatchObject({ code: 'vault-locked' });
    await expect(vault.syncView()).rejects.toBeInstanceOf(AttuneError);
    await expect(vault.syncKey()).rejects.toMatchObject({ code: 'vault-locked' });
  });
});

describe('setup around a given key (linking)', () => {
  it('makes a vault with the same data key and recovery wrap, so one recovery key opens both', async () => {
    const { vault: first, recoveryKey } = await seedVault(vaults.track(makeVault(join(root, 'one'))), {
      passphrase: PASS,
      useKeychain: false,
    });
    const { key, keyId, keyFile } = await first.syncKey();
    const given = { dataKey: key.export(), keyId, check: keyFile.check, recovery: keyFile.wraps.recovery as RecoveryWrap };

    const second = vaults.track(makeVault(join(root, 'two')));
    const made = await second.setup({ passphrase: 'another passphrase here', useKeychain: false, createRecoveryKey: true }, given);
    expect(made.recoveryKey).toBeUndefined();
    expect(given.dataKey.every((byte) => byte === 0)).toBe(true);
    const entry = await second.append(checkIn('on the second computer'));
    await second.close();

    const written = JSON.parse(await readFile(join(root, 'two', 'vault', 'vault.json'), 'utf8')) as KeyFile;
    expect(written.keyId).toBe(keyId);
    expect(written.wraps.recovery).toEqual(keyFile.wraps.recovery);
    const byRecovery = vaults.track(makeVault(join(root, 'two')));
    expect((await byRecovery.unlock({ method: 'recovery', recoveryKey })).state).toBe('unlocked');
    expect(await byRecovery.get(entry.id)).toEqual(entry);
  });

  it('refuses a key that does not match its key check, and leaves no vault behind', async () => {
    const first = vaults.track(makeVault(join(root, 'one')));
    await first.setup({ passphrase: PASS, useKeychain: false, createRecoveryKey: true });
    const { key, keyId, keyFile } = await first.syncKey();
    const wrongKey = key.export();
    wrongKey.writeUInt8((wrongKey.readUInt8(0) ^ 1) & 0xff, 0);
    const second = vaults.track(makeVault(join(root, 'two')));
    await expect(
      second.setup(
        { passphrase: 'another passphrase here', useKeychain: false, createRecoveryKey: false },
        {
          dataKey: wrongKey,
          keyId,
          check: keyFile.check,
          recovery: { kdf: 'hmac-sha256', salt: 'AAAA', iv: 'AAAA', ct: 'AAAA', tag: 'AAAA' },
        },
      ),
    ).rejects.toMatchObject({ code: 'invalid-request' });
    expect(wrongKey.every((byte) => byte === 0)).toBe(true);
    expect((await second.status()).state).toBe('not-set-up');
  });
});
