import type { KeyObject } from 'node:crypto';

import type { Entry, EntryInput } from '../../shared/entry-schema';
import { AttuneError } from '../attune-error';
import { type FsPort, nodeFs } from '../fs/fs-port';
import { isDiskFailure, toStorageErrorOrInternal } from '../fs/storage-error';
import { SerialQueue } from '../system/serial-queue';
import { importKey } from './aead';
import { type Credential, unwrapDataKey } from './credential';
import type { ListPage, ListQuery } from './entry-index';
import { type ExportRequest, type ExportResult, writeExport } from './export-file';
import { type FileLock, type LockEnvironment, systemLockEnvironment } from './file-lock';
import { MarkFile, removeMark, settleMarks, stageMark } from './history-mark-file';
import { dismissIncident, type IntegrityIncident, readIncidents, recordIncident } from './integrity-incidents';
import { assertWellFormedPassphrase, DEFAULT_SCRYPT, type ScryptParams } from './kdf';
import { type KeyFile, readKeyFile, type RecoveryWrap, writeKeyFile } from './key-file';
import { makeKeyCheck, newDataKey, verifyKeyCheck, wrapWithKeychain, wrapWithPassphrase, wrapWithRecovery } from './key-wrap';
import type { Keychain } from './keychain';
import { publicRandomBytes } from './random-pool';
import { countRecoveredFiles } from './recovered-file';
import { sweepRecovered } from './recovered-sweep';
import { formatRecoveryKey, generateRecoverySecret } from './recovery-key';
import { writeRecoveryKeyFile } from './recovery-key-file';
import { commitKeyFile, finishRekey, settleRekey, stageSnapshot } from './rekey-files';
import { decideAttempt, initialThrottle, recordFailure, recordSuccess, type ThrottleState } from './throttle';
import { loadThrottle, saveThrottle, throttleFilePath } from './throttle-file';
import { systemVaultClock, type VaultClock } from './vault-clock';
import { eraseVault } from './vault-erase';
import { openVaultFolder } from './vault-open';
import type { VaultProblem } from './vault-problem';
import { createVault, type GivenKey, type SetupRequest } from './vault-setup';
import { buildStatus, type VaultStatus } from './vault-status';
import { VaultStore } from './vault-store';

export type { Credential } from './credential';
export type { ListPage, ListQuery } from './entry-index';
export type { ExportRequest, ExportResult } from './export-file';
export { systemVaultClock, type VaultClock } from './vault-clock';
export type { SetupRequest } from './vault-setup';
export type { VaultStatus } from './vault-status';

export interface VaultServiceOptions {
  /** The vault folder. Its lock file is the sibling `<dir>.lock`, so erasing the folder leaves no vault file behind. */
  dir: string;
  keychain: Keychain;
  fs?: FsPort;
  clock?: VaultClock;
  /** Cost of new passphrase wraps; existing wraps keep the parameters stored with them. */
  scrypt?: ScryptParams;
  rollAfterRecords?: number;
  lockEnvironment?: LockEnvironment;
  /** A background compaction failed; the data is safe and it is retried later. For the local log. */
  onBackgroundError?: (error: unknown) => void;
}

export const DEFAULT_ROLL_AFTER = 1024;

export interface RekeyRequest {
  /** The passphrase the new key file carries; when absent, the current one (given as the credential) is kept. */
  passphrase?: string;
  /** Make a new recovery key; by default only when one was in use (or waiting to be kept). */
  recoveryKey?: boolean;
  /**
   * Take this key instead of a new random one, with its recovery wrap: the
   * key of a sync folder's history, which this history joins (sync-format.md
   * §4.4 step 3). No new recovery key is made: the folder's opens this one too.
   */
  adopt?: GivenKey;
  /**
   * Called with the new key just before the commit, for files that must open
   * under it from the commit on (sync's link, sync-format.md §4.6): a failure
   * here is a re-key that did not happen, and nothing changes.
   */
  stage?: RekeyStage;
}

export type RekeyStage = (next: { key: KeyObject; keyId: string }) => Promise<void>;

interface Session {
  key: KeyObject;
  store: VaultStore;
}

/**
 * The encrypted history, as one object main wires to IPC. Every operation
 * runs through one serial queue. Decisions live in pure modules (throttle,
 * journal-verify, entry-index); this class sequences effects and state:
 * not-set-up → (setup) → unlocked ⇄ locked → (erase) → not-set-up.
 */
export class VaultService {
  private readonly fs: FsPort;
  private readonly clock: VaultClock;
  private readonly scrypt: ScryptParams;
  private readonly rollAfter: number;
  private readonly queue = new SerialQueue();
  private opened = false;
  private fileLock: FileLock | undefined;
  private keyFile: KeyFile | undefined;
  private session: Session | undefined;
  private problems: VaultProblem[] = [];
  private recoveredFiles = 0;
  private throttle = initialThrottle;
  /** vault.json exists but cannot be read as a key file. */
  private keyFileError: AttuneError | undefined;
  /**
   * The recovery key made at setup, shown to the person but not yet kept: its
   * wrap waits in memory until keepRecoveryKey. Never written if the person
   * closes the key screen; gone on restart and erase.
   */
  private waitingRecovery: RecoveryWrap | undefined;
  /**
   * That same key's text, held beside its wrap only so main can copy it or
   * save it to a file the person picks without the renderer sending any text
   * back (which would let a page make main write whatever it likes). The
   * page shows this key anyway; it goes when the wrap goes.
   */
  private waitingRecoveryKey: string | undefined;

  constructor(private readonly options: VaultServiceOptions) {
    this.fs = options.fs ?? nodeFs;
    this.clock = options.clock ?? systemVaultClock;
    this.scrypt = options.scrypt ?? DEFAULT_SCRYPT;
    this.rollAfter = options.rollAfterRecords ?? DEFAULT_ROLL_AFTER;
  }

  /** Take the file lock and read the key file. Idempotent; every other call opens on demand. */
  open(): Promise<VaultStatus> {
    return this.queue.run(async () => {
      await this.ensureOpen();
      if (this.keyFileError) throw this.keyFileError;
      return this.snapshotStatus();
    });
  }

  /** Lock, then give the file lock back. */
  close(): Promise<void> {
    return this.queue.run(async () => {
      await this.dropSession();
      this.fileLock?.release();
      this.fileLock = undefined;
      this.opened = false;
    });
  }

  status(): Promise<VaultStatus> {
    return this.open();
  }

  /**
   * Set up, readable, and not unlocked: what the IPC gate asks before letting
   * a call through. Read between queued operations, without waiting for them.
   */
  get isLocked(): boolean {
    return this.keyFile !== undefined && this.keyFileError === undefined && this.session === undefined;
  }

  setup(request: SetupRequest, given?: GivenKey): Promise<{ status: VaultStatus; recoveryKey: string | undefined }> {
    return this.task(async () => {
      if (this.keyFileError) throw this.keyFileError;
      if (this.keyFile) throw new AttuneError('vault-already-set-up', 'a vault already exists here');
      if (request.passphrase !== undefined) assertWellFormedPassphrase(request.passphrase);
      const outcome = await createVault(this.fs, this.options.dir, this.options.keychain, request, this.scrypt, this.clock.now(), given);
      this.keyFile = outcome.keyFile;
      this.waitingRecovery = outcome.recoveryWrap;
      this.waitingRecoveryKey = outcome.recoveryKey;
      await this.startSession(outcome.dataKey);
      return { status: this.snapshotStatus(), recoveryKey: outcome.recoveryKey };
    });
  }

  /**
   * The person has written down the recovery key shown at setup: from now on
   * it opens the history. Only that same key keeps it (a stale or mistyped
   * call changes nothing). Needs no unlock: the wrap was made at setup.
   */
  keepRecoveryKey(recoveryKey: string): Promise<VaultStatus> {
    return this.task(async () => {
      const keyFile = this.requireKeyFile();
      const waiting = this.waitingRecovery;
      if (!waiting) throw new AttuneError('recovery-key-gone', 'no recovery key is waiting to be kept');
      const proof = await unwrapDataKey(
        { ...keyFile, wraps: { recovery: waiting } },
        { method: 'recovery', recoveryKey },
        this.options.keychain,
      );
      if (!proof.ok) throw new AttuneError('wrong-passphrase', 'that is not the recovery key that is waiting');
      proof.dataKey.fill(0);
      await this.keepWaitingRecovery(keyFile, waiting);
      return this.snapshotStatus();
    });
  }

  /**
   * A new recovery key, for a history that has none (the key screen at
   * setup was closed) or to replace one: it waits, like the one made at
   * setup, until the person keeps it; until then an existing key still works.
   * Only while unlocked: it wraps the data key of the open session.
   */
  makeRecoveryKey(): Promise<string> {
    return this.task(async () => {
      const { key } = this.requireSession();
      const keyId = this.requireKeyFile().keyId;
      const dataKey = key.export();
      const secret = generateRecoverySecret();
      try {
        this.waitingRecovery = wrapWithRecovery(dataKey, keyId, secret);
        this.waitingRecoveryKey = formatRecoveryKey(secret);
      } finally {
        dataKey.fill(0);
        secret.fill(0);
      }
      return this.waitingRecoveryKey;
    });
  }

  /** The recovery key shown at setup and not yet kept ('recovery-key-gone' when there is none), for main to copy. */
  waitingRecoveryKeyText(): Promise<string> {
    return this.task(async () => {
      this.requireKeyFile();
      if (!this.waitingRecovery || this.waitingRecoveryKey === undefined)
        throw new AttuneError('recovery-key-gone', 'no recovery key is waiting to be kept');
      return this.waitingRecoveryKey;
    });
  }

  /**
   * Saves the waiting recovery key to the file the person chose in main's
   * save dialog, then keeps it: a saved file whose key opened nothing would
   * be worse than no file. Nothing is kept if the file could not be written.
   */
  saveRecoveryKeyFile(path: string, intro: string): Promise<{ path: string; status: VaultStatus }> {
    return this.task(async () => {
      const keyFile = this.requireKeyFile();
      const waiting = this.waitingRecovery;
      const key = this.waitingRecoveryKey;
      if (!waiting || key === undefined) throw new AttuneError('recovery-key-gone', 'no recovery key is waiting to be kept');
      const written = await writeRecoveryKeyFile(this.fs, path, this.options.dir, key, intro);
      await this.keepWaitingRecovery(keyFile, waiting);
      return { path: written, status: this.snapshotStatus() };
    });
  }

  unlock(credential: Credential): Promise<VaultStatus> {
    return this.task(async () => {
      const keyFile = this.requireKeyFile();
      if (credential.method === 'passphrase') assertWellFormedPassphrase(credential.passphrase);
      if (!this.session) await this.startSession(await this.unwrap(keyFile, credential));
      return this.snapshotStatus();
    });
  }

  lock(): Promise<VaultStatus> {
    return this.task(async () => {
      await this.dropSession();
      return this.snapshotStatus();
    });
  }

  append(input: EntryInput): Promise<Entry> {
    return this.task(async () => {
      const { store } = this.requireSession();
      const at = this.clock.now();
      const entry = { id: publicRandomBytes(16).toString('base64url'), at, offsetMinutes: this.clock.offsetMinutes(at), ...input } as Entry;
      await store.append([{ op: 'put', entry }]);
      // Keep the next unlock fast without making this append wait: roll in the queue, after it.
      if (store.tailLength >= this.rollAfter * 2) {
        // Only if this same session is still open when the roll's turn comes (a lock may be queued before it).
        const roll = async (): Promise<void> => {
          if (this.session?.store === store && !store.compactionHeld) await store.roll();
        };
        this.queue.run(roll).catch((error: unknown) => this.options.onBackgroundError?.(error));
      }
      return entry;
    });
  }

  list(query: ListQuery): Promise<ListPage> {
    return this.task(async () => {
      const { store } = this.requireSession();
      // An older history waiting for the person's choice is not opened: nothing of it is shown.
      return store.olderHistory ? { entries: [], nextCursor: null } : store.index.list(query);
    });
  }

  /** Every live entry in a time range, oldest first: for insights and follow-ups, computed in main. */
  entries(from?: number, to?: number): Promise<Entry[]> {
    return this.task(async () => {
      const { store } = this.requireSession();
      return store.olderHistory ? [] : store.index.range(from, to).map(({ entry }) => entry);
    });
  }

  get(id: string): Promise<Entry | undefined> {
    return this.task(async () => {
      const { store } = this.requireSession();
      return store.olderHistory ? undefined : store.index.get(id)?.entry;
    });
  }

  /**
   * Delete one entry, and the follow-ups that answer it. The tombstones are
   * the durable decision; the roll that follows removes the entry's bytes
   * from the live files. If the roll cannot run now (disk full), the entry is
   * still gone from every list and the next unlock rolls.
   */
  delete(id: string): Promise<{ deletedIds: string[]; compacted: boolean }> {
    return this.task(async () => {
      const { store } = this.requireOpenHistory();
      if (!store.index.get(id)) throw new AttuneError('not-found', 'no entry with that id');
      const followUps = store.index
        .range(undefined, undefined)
        .filter(({ entry }) => entry.kind === 'follow-up' && entry.data.checkInId === id);
      const deletedIds = [id, ...followUps.map(({ entry }) => entry.id)];
      await store.append(deletedIds.map((deleted) => ({ op: 'del' as const, id: deleted })));
      // A snapshot that read short is kept as it is until the person accepts what is left; the tombstones hold meanwhile.
      if (store.compactionHeld) return { deletedIds, compacted: false };
      try {
        await store.roll();
        return { deletedIds, compacted: true };
      } catch (error) {
        if (!isDiskFailure(error)) throw error;
        this.options.onBackgroundError?.(error);
        return { deletedIds, compacted: false };
      }
    });
  }

  /**
   * What a sync pass compares the merged records with (docs/sync-format.md
   * §6.3): the live history by id and the ids the mark keeps as deleted.
   */
  syncView(): Promise<{ entries: Map<string, Entry>; markDeleted: Set<string> }> {
    return this.task(async () => {
      const { store } = this.requireOpenHistory();
      const entries = new Map(store.allEntries().map((entry) => [entry.id, entry]));
      return { entries, markDeleted: new Set(store.markDeletedIds) };
    });
  }

  /**
   * Writes what another computer added or deleted, through the same journal
   * as the person's own check-ins (docs/sync-format.md §6.3): one durable
   * write, then a roll when anything was deleted (so its bytes leave the live
   * files, as after a delete here) or the journal grew long; more than a
   * roll's worth goes straight into a new snapshot (VaultStore.appendByRoll). An id the mark
   * keeps as deleted, or a follow-up answering one, is never written back.
   */
  applySync(change: { deleteIds: readonly string[]; putEntries: readonly Entry[] }): Promise<{ deleted: number; put: number }> {
    return this.task(async () => {
      const { store } = this.requireOpenHistory();
      const markDeleted = new Set(store.markDeletedIds);
      const hidden = (entry: Entry): boolean =>
        markDeleted.has(entry.id) || (entry.kind === 'follow-up' && markDeleted.has(entry.data.checkInId));
      const deletes = [...new Set(change.deleteIds)].filter((id) => store.index.get(id) !== undefined);
      const gone = new Set(deletes);
      const puts = change.putEntries.filter((entry) => !hidden(entry) && !gone.has(entry.id));
      if (deletes.length + puts.length === 0) return { deleted: 0, put: 0 };
      const ops = [...deletes.map((id) => ({ op: 'del' as const, id })), ...puts.map((entry) => ({ op: 'put' as const, entry }))];
      // More than a roll's worth (a link, a long absence): straight into a snapshot, instead of journal lines rolled at once.
      if (ops.length > this.rollAfter && !store.compactionHeld) {
        await store.appendByRoll(ops);
        return { deleted: deletes.length, put: puts.length };
      }
      await store.append(ops);
      if ((deletes.length > 0 || store.tailLength >= this.rollAfter) && !store.compactionHeld) {
        try {
          await store.roll();
        } catch (error) {
          // The tombstones are durable; the next unlock rolls (as after a delete here).
          if (!isDiskFailure(error)) throw error;
          this.options.onBackgroundError?.(error);
        }
      }
      return { deleted: deletes.length, put: puts.length };
    });
  }

  /**
   * The open history's data key, and the key file whose key check and
   * recovery wrap the sync folder's keys/ file copies (docs/sync-format.md
   * §2.2). Main only: it never crosses IPC.
   */
  syncKey(): Promise<{ keyId: string; key: KeyObject; keyFile: KeyFile }> {
    return this.task(async () => {
      const { key } = this.requireOpenHistory();
      return { keyId: this.requireKeyFile().keyId, key, keyFile: this.requireKeyFile() };
    });
  }

  /** Roll the journal into a fresh snapshot now. Refused ('vault-damaged') while snapshot damage waits to be accepted. */
  compact(): Promise<void> {
    return this.task(async () => this.requireOpenHistory().store.roll());
  }

  /**
   * The snapshot read short (damaged or cut) and the person chooses to go on
   * with what could be read. Until then no compaction replaces the damaged
   * snapshot; its copy stays in recovered/ either way.
   */
  acceptSnapshotDamage(): Promise<VaultStatus> {
    return this.task(async () => {
      const { store } = this.requireOpenHistory();
      await store.acceptSnapshotDamage();
      return this.snapshotStatus();
    });
  }

  /**
   * The history on disk looked older than the last one Attune saw
   * ('older-history') and the person chooses to open it anyway: the repairs
   * it needed run now, the deletes the mark remembers stay deleted, and the
   * mark moves to this history. Not choosing (locking) leaves every file as
   * it was, and the next unlock asks again.
   */
  acceptOlderHistory(): Promise<VaultStatus> {
    return this.task(async () => {
      const { store } = this.requireSession();
      if (!store.olderHistory) return this.snapshotStatus();
      await store.acceptOlderHistory();
      await recordIncident(this.fs, this.options.dir, store.problems, this.clock.now()).catch(() => undefined);
      this.recoveredFiles = await countRecoveredFiles(this.fs, this.options.dir);
      return this.snapshotStatus();
    });
  }

  /**
   * Delete the set-aside copies in recovered/ (regular files directly inside
   * it, never through a link; see recovered-sweep.ts). Only while unlocked:
   * someone holding a locked machine cannot quietly remove the only copy of
   * damaged check-ins. While a damaged snapshot waits for the person's
   * choice, its copy is kept: History promises it stays.
   */
  deleteRecoveredFiles(): Promise<{ deleted: number; left: number; status: VaultStatus }> {
    return this.task(async () => {
      const { store } = this.requireOpenHistory();
      const held = store.compactionHeld
        ? store.problems.flatMap((found) => (found.kind === 'snapshot-damaged' && found.setAside ? [found.setAside] : []))
        : [];
      const swept = await sweepRecovered(this.fs, this.options.dir, new Set(held)).catch((error: unknown) => {
        throw toStorageErrorOrInternal(error, 'delete recovered files');
      });
      this.recoveredFiles = await countRecoveredFiles(this.fs, this.options.dir);
      return { ...swept, status: this.snapshotStatus() };
    });
  }

  /** What earlier unlocks found missing, out of order or no longer linked, until the person dismisses it. Only while unlocked. */
  incidents(): Promise<IntegrityIncident[]> {
    return this.task(async () => {
      this.requireSession();
      return readIncidents(this.options.dir);
    });
  }

  dismissIncident(id: string): Promise<IntegrityIncident[]> {
    return this.task(async () => {
      this.requireSession();
      return dismissIncident(this.fs, this.options.dir, id).catch((error: unknown) => {
        throw toStorageErrorOrInternal(error, 'dismiss incident');
      });
    });
  }

  /** Erase everything. Needs no credential: a person who lost every key must still be able to start over. */
  erase(): Promise<VaultStatus> {
    return this.task(async () => {
      await this.dropSession();
      await eraseVault(this.fs, this.options.dir);
      await removeMark(this.fs, this.options.dir).catch((error: unknown) => {
        throw toStorageErrorOrInternal(error, 'erase mark');
      });
      this.keyFile = undefined;
      this.waitingRecovery = undefined;
      this.waitingRecoveryKey = undefined;
      this.keyFileError = undefined;
      this.problems = [];
      this.recoveredFiles = 0;
      this.throttle = initialThrottle;
      await saveThrottle(this.fs, throttleFilePath(this.options.dir), initialThrottle);
      return this.snapshotStatus();
    });
  }

  export(request: ExportRequest): Promise<ExportResult> {
    return this.task(async () => {
      const { store } = this.requireOpenHistory();
      const entries = store.index.range(request.range?.from, request.range?.to).map((item) => item.entry);
      return writeExport(this.fs, request, this.options.dir, entries, this.clock.now());
    });
  }

  /** Rewrap only: the data key and every record stay as they are. Proven by any current method. */
  changePassphrase(current: Credential, next: string): Promise<VaultStatus> {
    return this.task(async () => {
      const keyFile = this.requireKeyFile();
      // Both checked before any key derivation, so a malformed one costs nothing and counts as no attempt.
      if (current.method === 'passphrase') assertWellFormedPassphrase(current.passphrase);
      assertWellFormedPassphrase(next);
      const dataKey = await this.unwrap(keyFile, current);
      try {
        const passphrase = await wrapWithPassphrase(dataKey, keyFile.keyId, next, this.scrypt);
        const updated: KeyFile = { ...keyFile, wraps: { ...keyFile.wraps, passphrase } };
        await writeKeyFile(this.fs, this.options.dir, updated).catch((error: unknown) => {
          throw toStorageErrorOrInternal(error, 'write key file');
        });
        this.keyFile = updated;
      } finally {
        dataKey.fill(0);
      }
      return this.snapshotStatus();
    });
  }

  /**
   * Re-key: a new random data key for the whole history. Every live entry is
   * written again under it (one new snapshot, an empty journal), vault.json
   * wraps it anew (the passphrase; the keychain when it was in use), the mark
   * is sealed anew, and a recovery key, when one was in use or is asked for,
   * is made new and waits to be kept like the one at setup. Afterwards an
   * older vault.json (a backup) and the old recovery key open nothing written
   * here. Crash-safe: see rekey-files.ts. Only while unlocked, proven by any
   * current method.
   */
  rekey(current: Credential, request: RekeyRequest = {}): Promise<{ status: VaultStatus; recoveryKey: string | undefined }> {
    return this.task(async () => {
      const keyFile = this.requireKeyFile();
      if (current.method === 'passphrase') assertWellFormedPassphrase(current.passphrase);
      if (request.passphrase !== undefined) assertWellFormedPassphrase(request.passphrase);
      const { store } = this.requireOpenHistory();
      const passphrase = request.passphrase ?? (current.method === 'passphrase' ? current.passphrase : undefined);
      if (keyFile.wraps.passphrase && passphrase === undefined)
        throw new AttuneError('invalid-request', 'a re-key needs the passphrase, current or new');
      if (keyFile.wraps.keychain && !this.options.keychain.isAvailable())
        throw new AttuneError('keychain-unavailable', 'the keychain must be available to wrap the new key');
      if (!keyFile.wraps.keychain && passphrase === undefined) throw new AttuneError('invalid-request', 'a re-key needs a passphrase');
      const adopt = request.adopt;
      const wantRecovery =
        adopt === undefined && (request.recoveryKey ?? (keyFile.wraps.recovery !== undefined || this.waitingRecovery !== undefined));
      const { dataKey, keyId } = adopt ?? newDataKey();
      const key = importKey(dataKey);
      if (adopt && (adopt.keyId === keyFile.keyId || !verifyKeyCheck(key, adopt.keyId, adopt.check))) {
        dataKey.fill(0);
        throw new AttuneError('invalid-request', 'the key to adopt is the one in use, or does not match its check');
      }
      try {
        (await this.unwrap(keyFile, current)).fill(0);
        await store.prepareForRekey();
      } catch (error) {
        dataKey.fill(0);
        throw error;
      }
      const wraps: KeyFile['wraps'] = {};
      let recoveryWrap: RecoveryWrap | undefined;
      let recoveryKey: string | undefined;
      try {
        if (keyFile.wraps.keychain) wraps.keychain = wrapWithKeychain(dataKey, this.options.keychain);
        if (passphrase !== undefined) wraps.passphrase = await wrapWithPassphrase(dataKey, keyId, passphrase, this.scrypt);
        if (adopt) wraps.recovery = adopt.recovery;
        if (wantRecovery) {
          const secret = generateRecoverySecret();
          recoveryWrap = wrapWithRecovery(dataKey, keyId, secret);
          recoveryKey = formatRecoveryKey(secret);
          secret.fill(0);
        }
      } catch (error) {
        dataKey.fill(0);
        throw error;
      }
      const next: KeyFile = { ...keyFile, keyId, check: adopt?.check ?? makeKeyCheck(key, keyId), wraps };
      const throughSeq = store.lastSequence;
      const deleted = [...store.markedDeletedIds];
      const logged = (error: unknown): void => this.options.onBackgroundError?.(error);
      let anchor: string;
      try {
        anchor = await stageSnapshot(this.fs, this.options.dir, key, keyId, store.index.bySeq(), throughSeq, this.clock.now());
        // The new mark is staged too, so a crash after the commit cannot leave the mark sealed with a key nothing opens.
        const markBytes = store.sealMarkForRekey(key, keyId, { seq: throughSeq, hash: anchor, throughSeq, anchor });
        if (markBytes) await stageMark(nodeFs, this.options.dir, keyId, markBytes, logged);
        await request.stage?.({ key, keyId });
        await commitKeyFile(this.fs, this.options.dir, next);
      } catch (error) {
        dataKey.fill(0);
        await this.afterFailedCommit(keyFile.keyId);
        throw toStorageErrorOrInternal(error, 're-key');
      }
      // Committed: from here only the new key opens the history, and the steps left are the ones an unlock also finishes.
      this.keyFile = next;
      this.waitingRecovery = recoveryWrap;
      this.waitingRecoveryKey = recoveryKey;
      await this.dropSession();
      try {
        await finishRekey(this.fs, this.options.dir, keyId);
      } catch (error) {
        dataKey.fill(0);
        throw toStorageErrorOrInternal(error, 'finish re-key');
      }
      // Staged marks go in place; only when staging failed is the mark sealed here, without the retired part.
      if (!(await settleMarks(nodeFs, this.options.dir, keyId, logged))) {
        const head = { seq: throughSeq, hash: anchor, throughSeq, anchor };
        await MarkFile.reseal(nodeFs, this.options.dir, key, keyId, deleted, head, logged);
      }
      await this.startSession(dataKey);
      return { status: this.snapshotStatus(), recoveryKey };
    });
  }

  /**
   * A re-key failed before or at its commit point. What vault.json on disk
   * says decides: still the old key, the staged snapshot goes and the session
   * goes on; anything else (the rename happened, or it cannot be read), the
   * session is closed and the next unlock settles the folder by it.
   */
  private async afterFailedCommit(oldKeyId: string): Promise<void> {
    const onDisk = await readKeyFile(this.options.dir, [DEFAULT_SCRYPT, this.scrypt]).catch(() => undefined);
    if (onDisk?.keyId === oldKeyId) {
      await settleRekey(this.fs, this.options.dir, oldKeyId).catch(() => undefined);
      await settleMarks(nodeFs, this.options.dir, oldKeyId, (error) => this.options.onBackgroundError?.(error));
      return;
    }
    await this.dropSession();
    if (onDisk) this.keyFile = onDisk;
    this.waitingRecovery = undefined;
    this.waitingRecoveryKey = undefined;
  }

  private task<T>(work: () => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      if (!this.opened) await this.ensureOpen();
      return work();
    });
  }

  /** Writes the waiting recovery wrap into the key file: from now on that key opens the history. */
  private async keepWaitingRecovery(keyFile: KeyFile, waiting: RecoveryWrap): Promise<void> {
    const updated: KeyFile = { ...keyFile, wraps: { ...keyFile.wraps, recovery: waiting } };
    await writeKeyFile(this.fs, this.options.dir, updated).catch((error: unknown) => {
      throw toStorageErrorOrInternal(error, 'write key file');
    });
    this.keyFile = updated;
    this.waitingRecovery = undefined;
    this.waitingRecoveryKey = undefined;
  }

  private async ensureOpen(): Promise<void> {
    if (this.opened) return;
    // Exactly what this Attune writes (the app: N=2^17, r=8, p=1; tests may build it cheaper) and nothing else.
    const acceptedScrypt = [DEFAULT_SCRYPT, this.scrypt];
    const opened = await openVaultFolder(this.fs, this.options.dir, this.options.lockEnvironment ?? systemLockEnvironment, acceptedScrypt);
    this.fileLock = opened.fileLock;
    this.keyFile = opened.keyFile;
    this.keyFileError = opened.keyFileError;
    this.opened = true;
    // Misses made before a restart still count (throttle-file.ts); what this process counted already is kept too.
    const saved = await loadThrottle(throttleFilePath(this.options.dir), this.clock.now());
    if (saved.failures > this.throttle.failures) this.throttle = saved;
  }

  /** Every change reaches the file before the answer goes back (saveThrottle never throws), so a restart resets nothing. */
  private async setThrottle(next: ThrottleState): Promise<void> {
    const changed = next.failures !== this.throttle.failures || next.lastFailureAt !== this.throttle.lastFailureAt;
    this.throttle = next;
    if (changed) await saveThrottle(this.fs, throttleFilePath(this.options.dir), next);
  }

  private async unwrap(keyFile: KeyFile, credential: Credential): Promise<Buffer> {
    if (credential.method !== 'keychain') {
      const decision = decideAttempt(this.throttle, this.clock.now());
      if (!decision.allowed) {
        const retryAfterSeconds = Math.ceil(decision.retryAfterMs / 1000);
        throw new AttuneError('too-many-attempts', `wait ${retryAfterSeconds}s before the next attempt`, { retryAfterSeconds });
      }
    }
    const result = await unwrapDataKey(keyFile, credential, this.options.keychain);
    if (!result.ok) {
      await this.setThrottle(recordFailure(this.throttle, this.clock.now()));
      throw new AttuneError('wrong-passphrase', `${credential.method} did not unlock the vault`);
    }
    await this.setThrottle(recordSuccess());
    return result.dataKey;
  }

  private async startSession(dataKey: Buffer): Promise<void> {
    const key = importKey(dataKey);
    dataKey.fill(0);
    const keyFile = this.requireKeyFile();
    // A re-key cut off by a crash: finished when vault.json names its key, dropped when not (rekey-files.ts).
    await settleRekey(this.fs, this.options.dir, keyFile.keyId).catch((error: unknown) => {
      throw toStorageErrorOrInternal(error, 'settle re-key');
    });
    const logged = (error: unknown): void => this.options.onBackgroundError?.(error);
    // Plain node:fs, not the vault's port: the mark is a best-effort side file outside the history's own durability.
    await settleMarks(nodeFs, this.options.dir, keyFile.keyId, logged);
    const mark = await MarkFile.read(nodeFs, this.options.dir, key, keyFile.keyId, logged);
    const store = await VaultStore.open({
      fs: this.fs,
      dir: this.options.dir,
      key,
      keyId: keyFile.keyId,
      now: () => this.clock.now(),
      rollAfterRecords: this.rollAfter,
      mark,
    });
    this.session = { key, store };
    this.problems = store.problems;
    // The repair has just removed the evidence; this keeps the finding for History until dismissed. A disk that
    // refuses the write loses only that lasting copy: this unlock's status still reports every problem.
    // An older history waiting for the person's choice is left exactly as it is: its findings are kept once it is opened.
    if (!store.olderHistory) await recordIncident(this.fs, this.options.dir, store.problems, this.clock.now()).catch(logged);
    this.recoveredFiles = await countRecoveredFiles(this.fs, this.options.dir);
  }

  /** Drop every reference to the key and the decrypted entries. Node cannot zero a KeyObject's copy; the GC frees it. */
  private async dropSession(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    if (session) await session.store.close();
  }

  private requireKeyFile(): KeyFile {
    if (this.keyFileError) throw this.keyFileError;
    if (!this.keyFile) throw new AttuneError('vault-not-set-up', 'no vault here yet');
    return this.keyFile;
  }

  private requireSession(): Session {
    this.requireKeyFile();
    if (!this.session) throw new AttuneError('vault-locked', 'unlock first');
    return this.session;
  }

  /** Unlocked, and not an older history still waiting for the person's choice ('history-older'). */
  private requireOpenHistory(): Session {
    const session = this.requireSession();
    if (session.store.olderHistory) throw new AttuneError('history-older', 'an older history waits for the person to choose');
    return session;
  }

  private snapshotStatus(): VaultStatus {
    const store = this.session?.store;
    return buildStatus({
      keyFile: this.keyFile,
      // Nothing of an older history is open until the person chooses, so nothing is counted either.
      unlockedCount: store ? (store.olderHistory ? 0 : store.index.size) : null,
      problems: this.problems,
      recoveredFiles: this.recoveredFiles,
      keychain: this.options.keychain,
    });
  }
}

export const createVaultService = (options: VaultServiceOptions): VaultService => new VaultService(options);
