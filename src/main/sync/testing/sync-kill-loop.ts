import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import type { Entry } from '../../../shared/entry-schema';
import type { RecoveryWrap } from '../../vault/key-file';
import { createFakeKeychain } from '../../vault/testing/fake-keychain';
import { bundleChild, checkAcknowledged, reopenAfterKill, runKills } from '../../vault/testing/kill-harness';
import { checkIn } from '../../vault/testing/vault-fixtures';
import { createVaultService, type VaultService } from '../../vault/vault-service';
import { SyncEngine } from '../sync-engine';
import { createLedger, sameHistory } from './acknowledged-ledger';

/**
 * kill -9 while publishing and while merging (issue 18): two computers share
 * one sync folder. Each round, computer B (in this process) checks in `batch`
 * times and publishes; a child then runs computer A: it merges B's new
 * records into its vault (the journal path, or a roll when many arrive),
 * then checks in, answers and deletes, publishing each, until it is killed at
 * a random moment. After each kill A is opened here as the next start would:
 * its vault must open with at most a torn tail, hold every entry it
 * acknowledged and none it acknowledged deleting; then both computers pass
 * and must show the same history, B's entries included.
 */
export interface SyncKillOptions {
  root: string;
  kills: number;
  /** B's check-ins per round (every tenth round: 1 100, over the 1024 that takes A's merge down the roll path). */
  batch?: number;
  onProgress?: (done: number) => void;
}

export interface SyncKillResult {
  kills: number;
  beforeOpen: number;
  /** Kills that came while A was merging (after "open", before "merged"). */
  duringMerge: number;
  acknowledgedPuts: number;
  acknowledgedDeletes: number;
  tornTails: number;
  entriesAtEnd: number;
}

const SCRYPT = { N: 2 ** 10, r: 8, p: 1 };
const historyEntry = (i: number): Entry => ({
  id: '',
  at: Date.UTC(2025, 0, 1) + i * 3_600_000,
  offsetMinutes: 60,
  kind: 'check-in',
  data: { states: ['flight'], needs: ['rest'], note: `from B's long history, ${i}` },
});
const hex = (): string => randomBytes(16).toString('hex');

export const runSyncKillLoop = async (options: SyncKillOptions): Promise<SyncKillResult> => {
  const syncRoot = join(options.root, 'F', 'attune-sync');
  await mkdir(join(syncRoot, 'devices'), { recursive: true });
  const dirs = { a: join(options.root, 'a', 'vault'), b: join(options.root, 'b', 'vault') };
  for (const dir of Object.values(dirs)) await mkdir(`${dir}.sync`, { recursive: true });
  const keychain = createFakeKeychain();
  const vaultId = hex();
  const deviceA = hex();
  const deviceB = hex();

  // A is set up first; B is made around A's data key, as linking does.
  const a = createVaultService({ dir: dirs.a, keychain, scrypt: SCRYPT });
  const made = await a.setup({ useKeychain: true, createRecoveryKey: true });
  await a.keepRecoveryKey(made.recoveryKey as string);
  const { key, keyId, keyFile } = await a.syncKey();
  const b: VaultService = createVaultService({ dir: dirs.b, keychain, scrypt: SCRYPT });
  await b.setup(
    { useKeychain: true, createRecoveryKey: false },
    { dataKey: key.export(), keyId, check: keyFile.check, recovery: keyFile.wraps.recovery as RecoveryWrap },
  );
  await a.close();
  const keys = new Map([[keyId, key]]);
  const startB = (): Promise<SyncEngine> =>
    SyncEngine.start({ vault: b, syncRoot, localDir: `${dirs.b}.sync`, identity: { vaultId, deviceId: deviceB, keyId, keys } });
  let engineB = await startB();

  const ledger = createLedger();
  const { alive, deleted } = ledger;
  const result: SyncKillResult = {
    kills: 0,
    beforeOpen: 0,
    duringMerge: 0,
    acknowledgedPuts: 0,
    acknowledgedDeletes: 0,
    tornTails: 0,
    entriesAtEnd: 0,
  };
  const command = await bundleChild(join('..', '..', 'sync', 'testing', 'sync-kill-child.ts'), options.root);

  await runKills({
    command,
    args: [dirs.a, syncRoot, vaultId, deviceA],
    kills: options.kills,
    maxWindowMs: 150,
    beforeOpenShare: 0.05,
    // Some kills aimed anywhere after the unlock (mostly mid-merge), the rest after the merge, among appends and deletes.
    pace: { line: /^merged$/, count: () => (Math.random() < 0.4 ? 0 : 1) },
    goLine: () => 'go',
    afterKill: async ({ index, child, beforeOpen }) => {
      const round = `kill ${index + 1}`;
      result.kills += 1;
      if (beforeOpen) result.beforeOpen += 1;
      else if (!child.lines.includes('merged')) result.duringMerge += 1;
      const counted = ledger.read(child.lines);
      result.acknowledgedPuts += counted.puts;
      result.acknowledgedDeletes += counted.deletes;
      if (child.stderr.length > 0 && child.stderr.join('').includes('failed'))
        throw new Error(`${round}: child failed\n${child.stderr.join('')}`);

      const vaultA = createVaultService({ dir: dirs.a, keychain, scrypt: SCRYPT });
      const reopened = await reopenAfterKill(vaultA, { method: 'keychain' }, round);
      result.tornTails += reopened.tornTails;
      const engineA = await SyncEngine.start({
        vault: vaultA,
        syncRoot,
        localDir: `${dirs.a}.sync`,
        identity: { vaultId, deviceId: deviceA, keyId, keys },
      });
      // A delete killed between its publish and the local tombstone is finished by this pass (§5.4).
      await engineA.pass();
      await engineB.pass();
      await engineA.pass();
      const present = new Set((await vaultA.entries()).map((entry) => entry.id));
      checkAcknowledged(round, present, alive, deleted);
      const onB = new Set((await b.entries()).map((entry) => entry.id));
      checkAcknowledged(`${round}, on B`, onB, alive, deleted);
      sameHistory(round, present, onB);
      await engineA.idle();
      await vaultA.close();

      // B's next batch, for the next child to merge.
      if (index % 10 === 4) {
        // Every tenth round a batch over 1024 (as after B linked with a long history): A's next merge takes the roll path.
        const many = Array.from({ length: 1_100 }, (_, i) => ({ ...historyEntry(i), id: `b-${index}-${String(i).padStart(6, '0')}` }));
        await b.applySync({ deleteIds: [], putEntries: many });
        // Written past the engine, as a history from before the link is: its first pass after a start publishes them.
        await engineB.idle();
        engineB = await startB();
        await engineB.pass();
        for (const entry of many) alive.add(entry.id);
      } else for (let i = 0; i < (options.batch ?? 40); i += 1) alive.add((await engineB.append(checkIn(`B round ${index + 1}`))).id);
      options.onProgress?.(index + 1);
    },
  });
  await engineB.pass();
  result.entriesAtEnd = (await b.entries()).length;
  await engineB.idle();
  await b.close();
  return result;
};
