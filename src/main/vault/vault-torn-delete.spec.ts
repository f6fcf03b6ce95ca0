import { beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { type FsPort, nodeFs } from '../fs/fs-port';
import type { LockEnvironment } from './file-lock';
import { createFakeKeychain } from './testing/fake-keychain';
import { checkIn, followUp, makeVault } from './testing/vault-fixtures';

/**
 * kill -9 during a delete's one write, cut where the kernel may cut it. A
 * write that a SIGKILL interrupts returns short at a page boundary, and a
 * delete writes one tombstone per entry it takes (the check-in, then the
 * follow-ups answering it) in that one write: the page boundary can fall just
 * after the check-in's tombstone. Reading back, the delete must have happened
 * whole or not at all; before, the check-in was gone and its follow-ups were
 * not (vault-crash-compaction.spec.ts: "an interrupted delete took 1 of 3").
 */
let root: string;
const tempDir = useTempDirs();
beforeEach(() => {
  root = tempDir('attune-torn-delete-');
});

const keychain = createFakeKeychain();
/** The reader after the kill: the killed process's lock names this test's own pid, which is gone in the real case. */
const afterKill: LockEnvironment = { now: () => Date.now(), isAlive: () => false, bootTime: () => 0 };

/** The journal write lands up to `keep(data)` bytes, then the process is gone: nothing after it reaches the disk. */
const killedMidWrite = (keep: (data: Buffer, offset: number) => number): FsPort => {
  let killed = false;
  const gone = (): Promise<never> => new Promise<never>(() => undefined);
  return {
    ...nodeFs,
    writeSync: (fd, buffer, offset, length, position) => {
      if (killed) throw new Error('killed');
      killed = true;
      nodeFs.writeSync(fd, buffer, offset, keep(buffer, offset), position);
      throw new Error('killed');
    },
    write: () => gone(),
    fsync: () => gone(),
    ftruncate: () => gone(),
    rename: () => gone(),
    open: (...args) => (killed ? gone() : nodeFs.open(...args)),
  };
};

const afterFirstNewline = (data: Buffer, offset: number): number => data.indexOf(0x0a, offset) + 1 - offset;

const deleteKilledAt = async (keep: (data: Buffer, offset: number) => number) => {
  const vault = makeVault(root, { keychain });
  await vault.setup({ useKeychain: true, createRecoveryKey: false });
  const kept = await vault.append(checkIn('kept'));
  const target = await vault.append(checkIn('deleted with its follow-ups'));
  const answers = [await vault.append(followUp(target.id)), await vault.append(followUp(target.id))];
  await vault.close();

  const dying = makeVault(root, { keychain, fs: killedMidWrite(keep) });
  await dying.unlock({ method: 'keychain' });
  // Never settles: the process is gone in the middle of it.
  void dying.delete(target.id);
  await new Promise((done) => setTimeout(done, 50));

  const reader = makeVault(root, { keychain, lockEnvironment: afterKill });
  const status = await reader.unlock({ method: 'keychain' });
  const ids = new Set((await reader.list({ limit: 100 })).entries.map((entry) => entry.id));
  await reader.close();
  const group = [target.id, ...answers.map((answer) => answer.id)];
  return {
    problems: status.problems.map((found) => found.kind),
    gone: group.filter((id) => !ids.has(id)).length,
    keptThere: ids.has(kept.id),
  };
};

describe('a delete cut by a kill mid-write', () => {
  it('cut just after the check-in tombstone: check-in and follow-ups all gone', async () => {
    expect(await deleteKilledAt(afterFirstNewline)).toEqual({ problems: [], gone: 3, keptThere: true });
  });

  it('cut inside the first follow-up tombstone: all gone, the cut record set aside as a torn tail', async () => {
    const result = await deleteKilledAt((data, offset) => afterFirstNewline(data, offset) + 40);
    expect(result).toEqual({ problems: ['torn-tail'], gone: 3, keptThere: true });
  });

  it('cut inside the check-in tombstone: nothing deleted', async () => {
    expect(await deleteKilledAt(() => 40)).toEqual({ problems: ['torn-tail'], gone: 0, keptThere: true });
  });
});
