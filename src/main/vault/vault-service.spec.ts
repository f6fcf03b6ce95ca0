import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { DEFAULT_SCRYPT } from './kdf';
import { checkIn, followUp, makeVault, manualClock, vaultDirIn } from './testing/vault-fixtures';
import type { VaultService } from './vault-service';

let root: string;
const open: VaultService[] = [];
const track = <T extends VaultService>(vault: T): T => {
  open.push(vault);
  return vault;
};

const tempDir = useTempDirs();
beforeEach(() => {
  root = tempDir();
});

afterEach(async () => {
  for (const vault of open.splice(0)) await vault.close();
});

describe('round trip', () => {
  it('stores entries with real scrypt parameters and reads them back after a restart', async () => {
    const clock = manualClock();
    const first = track(makeVault(root, { clock, scrypt: DEFAULT_SCRYPT }));
    const setup = await first.setup({ passphrase: 'correct horse battery', useKeychain: false, createRecoveryKey: false });
    expect(setup.status).toMatchObject({
      state: 'unlocked',
      methods: { keychain: false, passphrase: true, recovery: false },
      entryCount: 0,
    });
    expect(setup.recoveryKey).toBeUndefined();

    const saved = await first.append(checkIn('first'));
    clock.advance(60_000);
    const second = await first.append(followUp(saved.id));
    expect(saved).toMatchObject({ at: clock.now() - 60_000, offsetMinutes: 60, kind: 'check-in' });
    expect(saved.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await first.close();

    const keyFile = JSON.parse(await readFile(join(vaultDirIn(root), 'vault.json'), 'utf8')) as { wraps: { passphrase: { N: number } } };
    expect(keyFile.wraps.passphrase.N).toBe(2 ** 17);

    const reopened = track(makeVault(root, { clock }));
    expect(await reopened.status()).toMatchObject({ state: 'locked', entryCount: null });
    const status = await reopened.unlock({ method: 'passphrase', passphrase: 'correct horse battery' });
    expect(status).toMatchObject({ state: 'unlocked', entryCount: 2, problems: [] });
    const page = await reopened.list({ limit: 10 });
    expect(page.entries).toEqual([second, saved]);
    expect(await reopened.get(saved.id)).toEqual(saved);
  });

  it('unlocks with the keychain alone and refuses it when the keychain is gone', async () => {
    const vault = track(makeVault(root));
    await vault.setup({ useKeychain: true, createRecoveryKey: false });
    const saved = await vault.append(checkIn());
    await vault.lock();
    await expect(vault.list({ limit: 5 })).rejects.toMatchObject({ code: 'vault-locked' });
    await vault.unlock({ method: 'keychain' });
    expect((await vault.list({ limit: 5 })).entries).toEqual([saved]);
    await vault.lock();
    vault.keychainFake.available = false;
    await expect(vault.unlock({ method: 'keychain' })).rejects.toMatchObject({ code: 'keychain-unavailable' });
  });

  it('refuses setup twice, setup without any method, and the keychain when it is not real', async () => {
    const vault = track(makeVault(root));
    await expect(vault.setup({ useKeychain: false, createRecoveryKey: true })).rejects.toMatchObject({ code: 'invalid-request' });
    vault.keychainFake.available = false;
    await expect(vault.setup({ useKeychain: true, createRecoveryKey: false })).rejects.toMatchObject({ code: 'keychain-unavailable' });
    expect((await vault.status()).state).toBe('not-set-up');
    await vault.setup({ passphrase: 'a passphrase', useKeychain: false, createRecoveryKey: false });
    await expect(vault.setup({ passphrase: 'another one', useKeychain: false, createRecoveryKey: false })).rejects.toMatchObject({
      code: 'vault-already-set-up',
    });
  });

  it('pages newest first by time range with a stable cursor', async () => {
    const clock = manualClock(1_000_000);
    const vault = track(makeVault(root, { clock }));
    await vault.setup({ passphrase: 'a passphrase', useKeychain: false, createRecoveryKey: false });
    const saved = [];
    for (let i = 0; i < 7; i += 1) {
      saved.push(await vault.append(checkIn(`n${i}`)));
      clock.advance(1000);
    }
    const first = await vault.list({ limit: 3, from: 1_001_000, to: 1_006_000 });
    expect(first.entries.map((e) => e.id)).toEqual([saved[5], saved[4], saved[3]].map((e) => e?.id));
    await vault.append(checkIn('newer, outside the range'));
    const next = await vault.list({ limit: 3, from: 1_001_000, to: 1_006_000, cursor: first.nextCursor ?? undefined });
    expect(next.entries.map((e) => e.id)).toEqual([saved[2], saved[1]].map((e) => e?.id));
    expect(next.nextCursor).toBeNull();
  });
});

describe('concurrent calls', () => {
  it('serializes appends fired at once: all durable, in call order, and a lock waits for them', async () => {
    const clock = manualClock();
    const vault = track(makeVault(root, { clock }));
    await vault.setup({ useKeychain: true, createRecoveryKey: false });
    const pending = Array.from({ length: 50 }, (_, i) => vault.append(checkIn(`at once ${i}`)));
    const locked = vault.lock();
    const saved = await Promise.all(pending);
    expect((await locked).state).toBe('locked');
    await vault.close();
    const again = track(makeVault(root, { keychain: vault.keychainFake }));
    expect(await again.unlock({ method: 'keychain' })).toMatchObject({ entryCount: 50, problems: [] });
    // Same millisecond for all: the list falls back to saving order, newest first.
    expect((await again.list({ limit: 100 })).entries.map((e) => e.id)).toEqual(saved.map((e) => e.id).reverse());
  });

  it('runs parallel wrong guesses one at a time, so the throttle still counts each', async () => {
    const vault = track(makeVault(root, { clock: manualClock() }));
    await vault.setup({ passphrase: 'the right one', useKeychain: false, createRecoveryKey: false });
    await vault.lock();
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => vault.unlock({ method: 'passphrase', passphrase: 'guess' })));
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'ok'));
    expect(codes).toEqual([
      'wrong-passphrase',
      'wrong-passphrase',
      'wrong-passphrase',
      'too-many-attempts',
      'too-many-attempts',
      'too-many-attempts',
    ]);
  });
});

describe('wrong passphrase', () => {
  it('says so, changes nothing on disk, and throttles repeated misses', async () => {
    const clock = manualClock();
    const vault = track(makeVault(root, { clock }));
    await vault.setup({ passphrase: 'the right one', useKeychain: false, createRecoveryKey: false });
    await vault.append(checkIn());
    await vault.lock();
    const dir = vaultDirIn(root);
    const before = await Promise.all((await readdir(dir)).map(async (name) => [name, await readFile(join(dir, name))] as const));

    for (let i = 0; i < 3; i += 1) {
      await expect(vault.unlock({ method: 'passphrase', passphrase: 'the wrong one' })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    }
    await expect(vault.unlock({ method: 'passphrase', passphrase: 'the right one' })).rejects.toMatchObject({
      code: 'too-many-attempts',
      retryAfterSeconds: 1,
    });
    clock.advance(1000);
    await expect(vault.unlock({ method: 'passphrase', passphrase: 'wrong again' })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await expect(vault.unlock({ method: 'passphrase', passphrase: 'the right one' })).rejects.toMatchObject({
      code: 'too-many-attempts',
      retryAfterSeconds: 2,
    });
    clock.advance(2000);
    expect(await vault.unlock({ method: 'passphrase', passphrase: 'the right one' })).toMatchObject({ state: 'unlocked', entryCount: 1 });

    const after = await Promise.all((await readdir(dir)).map(async (name) => [name, await readFile(join(dir, name))] as const));
    expect(after).toEqual(before);
  });
});

describe('recovery key', () => {
  it('is shown once, unlocks, tolerates case and look-alikes, and tells a typo apart', async () => {
    const vault = track(makeVault(root));
    const { recoveryKey } = await vault.setup({ passphrase: 'forgotten later', useKeychain: false, createRecoveryKey: true });
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    await vault.keepRecoveryKey(recoveryKey as string);
    const saved = await vault.append(checkIn());
    await vault.lock();
    expect(await readFile(join(vaultDirIn(root), 'vault.json'), 'utf8')).not.toContain(recoveryKey as string);

    const typed = (recoveryKey as string).toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    const last = (recoveryKey as string).slice(-1);
    const typo = `${(recoveryKey as string).slice(0, -1)}${last === 'A' ? 'B' : 'A'}`;
    await expect(vault.unlock({ method: 'recovery', recoveryKey: typo })).rejects.toMatchObject({
      code: 'wrong-passphrase',
      message: expect.stringContaining('typo'),
    });
    await vault.unlock({ method: 'recovery', recoveryKey: typed });
    expect((await vault.list({ limit: 1 })).entries).toEqual([saved]);
  });
});

describe('recovery key: counts only once the person has kept it', () => {
  it('after setup it is waiting: not in vault.json and no way in, until kept with the same key', async () => {
    const vault = track(makeVault(root));
    const { status, recoveryKey } = await vault.setup({ passphrase: 'forgotten later', useKeychain: false, createRecoveryKey: true });
    // Shown, not yet kept: nothing on disk can be opened with it, and the status says so.
    expect(status.methods).toEqual({ keychain: false, passphrase: true, recovery: false });
    const keyFilePath = join(vaultDirIn(root), 'vault.json');
    expect(JSON.parse(await readFile(keyFilePath, 'utf8'))).not.toHaveProperty('wraps.recovery');
    await vault.append(checkIn());
    await vault.lock();
    await expect(vault.unlock({ method: 'recovery', recoveryKey: recoveryKey as string })).rejects.toMatchObject({
      code: 'invalid-request',
    });

    // Only the key that was shown keeps it (a typo, or another key, changes nothing). A lock in between is fine.
    const other = `${(recoveryKey as string).slice(0, -4)}${(recoveryKey as string).endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    await expect(vault.keepRecoveryKey(other)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect((await vault.keepRecoveryKey(recoveryKey as string)).methods).toEqual({ keychain: false, passphrase: true, recovery: true });
    expect(JSON.parse(await readFile(keyFilePath, 'utf8'))).toHaveProperty('wraps.recovery');
    expect(await vault.unlock({ method: 'recovery', recoveryKey: recoveryKey as string })).toMatchObject({
      state: 'unlocked',
      entryCount: 1,
    });
    // Kept once; there is nothing left waiting.
    await expect(vault.keepRecoveryKey(recoveryKey as string)).rejects.toMatchObject({ code: 'recovery-key-gone' });
  });

  it('a key never kept is gone after a restart, and after erase', async () => {
    const vault = track(makeVault(root));
    const { recoveryKey } = await vault.setup({ passphrase: 'forgotten later', useKeychain: false, createRecoveryKey: true });
    await vault.close();
    const reopened = track(makeVault(root));
    await reopened.unlock({ method: 'passphrase', passphrase: 'forgotten later' });
    await expect(reopened.keepRecoveryKey(recoveryKey as string)).rejects.toMatchObject({ code: 'recovery-key-gone' });
    expect((await reopened.status()).methods.recovery).toBe(false);

    const { recoveryKey: second } = await (async () => {
      await reopened.erase();
      return reopened.setup({ passphrase: 'a new start', useKeychain: false, createRecoveryKey: true });
    })();
    await reopened.erase();
    await expect(reopened.keepRecoveryKey(second as string)).rejects.toMatchObject({ code: 'vault-not-set-up' });
  });
});

describe('change passphrase', () => {
  it('rewraps the key only: records are byte-identical, the old passphrase stops working', async () => {
    const vault = track(makeVault(root));
    const { recoveryKey } = await vault.setup({ passphrase: 'old passphrase', useKeychain: false, createRecoveryKey: true });
    await vault.keepRecoveryKey(recoveryKey as string);
    await vault.append(checkIn());
    await vault.lock();
    const dir = vaultDirIn(root);
    const journal = await readFile(join(dir, 'journal.log'));
    const snapshot = await readFile(join(dir, 'snapshot.bin'));

    await expect(vault.changePassphrase({ method: 'passphrase', passphrase: 'not it' }, 'new passphrase')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    await vault.changePassphrase({ method: 'passphrase', passphrase: 'old passphrase' }, 'new passphrase');
    expect(await readFile(join(dir, 'journal.log'))).toEqual(journal);
    expect(await readFile(join(dir, 'snapshot.bin'))).toEqual(snapshot);
    expect((await vault.status()).state).toBe('locked');

    await expect(vault.unlock({ method: 'passphrase', passphrase: 'old passphrase' })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(await vault.unlock({ method: 'passphrase', passphrase: 'new passphrase' })).toMatchObject({ entryCount: 1 });
    await vault.lock();
    // Lost passphrase: prove with the recovery key, set a new one.
    await vault.changePassphrase({ method: 'recovery', recoveryKey: recoveryKey as string }, 'third passphrase');
    expect(await vault.unlock({ method: 'passphrase', passphrase: 'third passphrase' })).toMatchObject({ entryCount: 1 });
  });
});

describe('delete', () => {
  it('writes tombstones, compacts the entry and its follow-ups out of every file, and survives a restart', async () => {
    const vault = track(makeVault(root));
    await vault.setup({ useKeychain: true, createRecoveryKey: false });
    const keep = await vault.append(checkIn('keep'));
    const drop = await vault.append(checkIn('drop'));
    const answer = await vault.append(followUp(drop.id));
    const dir = vaultDirIn(root);
    const journalBefore = (await stat(join(dir, 'journal.log'))).size;
    expect(journalBefore).toBeGreaterThan(0);

    expect(await vault.delete(drop.id)).toEqual({ deletedIds: [drop.id, answer.id], compacted: true });
    expect((await stat(join(dir, 'journal.log'))).size).toBe(0);
    expect((await vault.list({ limit: 10 })).entries).toEqual([keep]);
    await expect(vault.delete(drop.id)).rejects.toMatchObject({ code: 'not-found' });
    await vault.close();

    const again = track(makeVault(root, { keychain: vault.keychainFake }));
    expect(await again.unlock({ method: 'keychain' })).toMatchObject({ entryCount: 1, problems: [] });
    const after = await again.append(checkIn('after compaction'));
    await again.close();
    const third = track(makeVault(root, { keychain: vault.keychainFake }));
    await third.unlock({ method: 'keychain' });
    expect((await third.list({ limit: 10 })).entries).toEqual([after, keep]);
  });
});

describe('a damaged key file', () => {
  it('is reported on every call, and erase still works so a person can start over', async () => {
    const first = track(makeVault(root));
    await first.setup({ passphrase: 'a passphrase', useKeychain: false, createRecoveryKey: false });
    await first.close();
    await import('node:fs/promises').then((fs) => fs.writeFile(join(vaultDirIn(root), 'vault.json'), '{"format":"attune-vault","vers'));
    const vault = track(makeVault(root));
    await expect(vault.status()).rejects.toMatchObject({ code: 'vault-damaged' });
    await expect(vault.unlock({ method: 'passphrase', passphrase: 'a passphrase' })).rejects.toMatchObject({ code: 'vault-damaged' });
    await expect(vault.setup({ useKeychain: true, createRecoveryKey: false })).rejects.toMatchObject({ code: 'vault-damaged' });
    expect(await vault.erase()).toMatchObject({ state: 'not-set-up' });
    expect((await vault.setup({ useKeychain: true, createRecoveryKey: false })).status.state).toBe('unlocked');
  });
});

describe('setup over leftovers', () => {
  it('moves files found without a key file into recovered/ instead of overwriting them', async () => {
    const dir = vaultDirIn(root);
    await import('node:fs/promises').then(async (fs) => {
      await fs.mkdir(dir);
      await fs.writeFile(join(dir, 'journal.log'), 'A1.1.from-an-older-vault\n');
    });
    const vault = track(makeVault(root));
    await vault.setup({ useKeychain: true, createRecoveryKey: false });
    const recovered = await readdir(join(dir, 'recovered'));
    expect(recovered).toEqual([expect.stringMatching(/^orphaned-\d+-journal\.log$/)]);
    expect(await readFile(join(dir, 'recovered', recovered[0] as string), 'utf8')).toBe('A1.1.from-an-older-vault\n');
    expect((await vault.status()).recoveredFiles).toBe(1);
  });
});

describe('erase', () => {
  it('removes every file, wrapped keys and recovered/ included, and starts over as not set up', async () => {
    const vault = track(makeVault(root));
    await vault.setup({ passphrase: 'a passphrase', useKeychain: true, createRecoveryKey: true });
    await vault.append(checkIn());
    const dir = vaultDirIn(root);
    // A torn tail puts something in recovered/.
    await vault.close();
    await import('node:fs/promises').then((fs) => fs.appendFile(join(dir, 'journal.log'), 'A1.2.torn'));
    const reopened = track(makeVault(root, { keychain: vault.keychainFake }));
    expect((await reopened.unlock({ method: 'keychain' })).recoveredFiles).toBe(1);

    expect(await reopened.erase()).toMatchObject({
      state: 'not-set-up',
      methods: { keychain: false, passphrase: false, recovery: false },
      entryCount: null,
    });
    expect(await readdir(root)).toEqual(['vault.lock']);
    await reopened.close();
    expect(await readdir(root)).toEqual([]);

    const fresh = track(makeVault(root));
    expect((await fresh.status()).state).toBe('not-set-up');
    await expect(fresh.unlock({ method: 'passphrase', passphrase: 'a passphrase' })).rejects.toMatchObject({ code: 'vault-not-set-up' });
  });
});

describe('entries (for insights, in main)', () => {
  it('all live entries in a range, oldest first; deleted ones gone; locked refuses', async () => {
    const root = tempDir();
    // A clock moved by hand: two appends in one millisecond would share a time and blur the range.
    const clock = manualClock();
    const vault = makeVault(root, { clock });
    await vault.setup({ passphrase: 'long enough', useKeychain: false, createRecoveryKey: false });
    const a = await vault.append(checkIn('a'));
    clock.advance(1000);
    const b = await vault.append(checkIn('b'));
    clock.advance(1000);
    const c = await vault.append(checkIn('c'));
    await vault.delete(b.id);
    expect((await vault.entries()).map((e) => e.id)).toEqual([a.id, c.id]);
    expect((await vault.entries(c.at, c.at + 1)).map((e) => e.id)).toEqual([c.id]);
    await vault.lock();
    await expect(vault.entries()).rejects.toMatchObject({ code: 'vault-locked' });
    await vault.close();
  });
});
