import { constants } from 'node:fs';
import { dirname, join } from 'node:path';

import type { Entry, EntryInput } from '../../shared/entry-schema';
import { type FsPort, nodeFs } from '../fs/fs-port';
import { blockingWritesFit, WritePace } from '../fs/write-pace';
import { SerialQueue } from '../system/serial-queue';
import type { VaultService } from '../vault/vault-service';
import { checkpointRecords } from './checkpoint-records';
import { deletedBy } from './deleted-by';
import { DEVICE_FILE, writeDeviceFile } from './device-file';
import { listRetired, moveInstall, readStateDuringMove, retiredDir } from './device-move';
import { EMPTY_SCAN_STATE, scanFolder, type ScanReport, type ScanState } from './folder-scan';
import { addsAnything, heldAddition } from './held-addition';
import { observe, type Stamp, tick, ZERO_STAMP } from './hybrid-clock';
import { diffAgainstLocal } from './local-diff';
import { collectInto, type GrowingRecordSet, growingRecordSet, resolveRecords } from './merge-records';
import { withMove } from './moved-ids';
import { findForeignSegments, type ForeignSegment, judgeOwnFolder } from './own-folder-check';
import {
  listOwnSegments,
  NO_TIP,
  type OwnPlace,
  type OwnTip,
  pruneBelow,
  type Published,
  publishSegment,
  republishMissing,
} from './own-segments';
import { type DecodedSegment, decodeSegment } from './segment-codec';
import type { SegmentType } from './segment-header';
import type { SyncIdentity } from './sync-identity';
import type { SyncRecord } from './sync-record';
import { type SyncState, writeSyncState } from './sync-state-file';

/**
 * One device's sync (docs/sync-format.md §5.4, §6.3, §7.3), sequencing
 * effects on one queue: the person's appends and deletes on this computer
 * are published as they happen; a pass reads what other computers
 * published, merges it and writes the difference into the local vault
 * through its own journal. Decisions are the pure modules' (merge, local
 * diff, peer marks, checkpoint records); this class holds the state between
 * them: the merged record set, the clock, the end of its own chain.
 *
 * The state is rebuilt at start from own/ and a full read of the folder
 * (§4.1: everything in state.bin is derived), so a kill at any point leaves
 * nothing to repair here.
 */
export interface SyncEngineOptions {
  /** Unlocked, with an open history. */
  readonly vault: VaultService;
  /** `F/attune-sync` */
  readonly syncRoot: string;
  /** `<vault>.sync` */
  readonly localDir: string;
  readonly identity: SyncIdentity;
  readonly fs?: FsPort;
  /** Wall time for new stamps; tests skew it. */
  readonly now?: () => number;
  /** Own live segments past which a checkpoint replaces them (§5.3 (d)). */
  readonly maxLiveSegments?: number;
  /** Something failed that the next pass retries (a full disk while publishing). For the local log. */
  readonly onBackgroundError?: (error: unknown) => void;
  /** This machine's id (machine-id.ts), for the install.json of a new device id (§4.3); none: the folder check alone. */
  readonly machineId?: string;
  /** The folder and this computer's name (state.bin), re-sealed under a new device id; read from state.bin when absent. */
  readonly state?: SyncState;
  /** Ids this history wrote as before it stopped syncing and joined again (former-ids-file.ts): its own, for History's marks. */
  readonly formerIds?: readonly string[];
}

/** A name for this computer when state.bin cannot say (specs that never wrote one). */
const FALLBACK_NAME = 'This computer';

export interface PassResult {
  /** Segments from other devices merged in this pass. */
  readonly merged: number;
  readonly appliedLocally: { readonly deleted: number; readonly put: number };
  /** Entries this pass deleted here, by the other device whose delete it was (deleted-by.ts). */
  readonly deletedBy: ReadonlyMap<string, number>;
  /** Records this device published in this pass (entries it held that the folder lacked, deletes it made). */
  readonly published: number;
  /** Own segments the folder lacks and refused again (unplugged, read-only). */
  readonly ownWaiting: number;
  readonly devices: readonly ScanReport[];
}

const MAX_LIVE_SEGMENTS = 256;

export type { SyncIdentity } from './sync-identity';

interface PublishOptions {
  /** §4.3 rule 2's check already ran for this delta (beside the local append). */
  readonly folderChecked?: boolean;
}

export class SyncEngine {
  private readonly queue = new SerialQueue();
  private readonly fs: FsPort;
  /** own/ sits beside the vault, in Attune's data folder: its small writes block as the journal's do, while the disk is fast. */
  private readonly pace = new WritePace(blockingWritesFit(process.platform, constants.O_DSYNC));
  private place: OwnPlace;
  /**
   * own/'s segment names, listed once and then kept as this engine writes
   * (own/ has no other writer: the vault's lock), for §4.3 rule 2's check
   * before every check-in; forgotten on a prune, a move or a failed write.
   */
  private ownNames: Set<string> | undefined;
  private identity: SyncIdentity;
  private readonly now: () => number;
  /** §4.3: the device id this install wrote as before it moved to its own, in this run. */
  private moved: string | undefined;
  /** Old ids whose move is not finished (device.json, old-folder deletes): retried by every pass. */
  private retiring = new Set<string>();
  private removed = false;
  /** state.bin as this run last wrote it (a rename, a move): newer than the one it started with. */
  private written: SyncState | undefined;
  /** Grown in place by every record taken: a publish adds one record, and copying every id for it made each check-in O(n). */
  private readonly records: GrowingRecordSet = growingRecordSet();
  private clock: Stamp = ZERO_STAMP;
  private tip: OwnTip = NO_TIP;
  /** Seq of the newest own checkpoint: own segments below it are restated by it. */
  private base = 0;
  /** Every id this device wrote or restated in its live segments: what its next checkpoint restates. */
  private carried = new Set<string>();
  private scanState: ScanState = EMPTY_SCAN_STATE;
  /** The local history may differ from the merged set: run the diff on the next pass. */
  private dirty = true;
  private checkpointDue = false;
  /** Passes run since start: the first checks the folder's copies of own segments by hash, the others by size. */
  private passes = 0;
  /** The base own segments below which were last pruned (again on checking passes: a sync tool may bring them back). */
  private prunedBase = 0;

  private constructor(private readonly options: SyncEngineOptions) {
    this.fs = options.fs ?? nodeFs;
    this.now = options.now ?? Date.now;
    this.identity = options.identity;
    this.place = this.placeFor(options.identity.deviceId);
  }

  private placeFor(deviceId: string): OwnPlace {
    return {
      fs: this.fs,
      ownDir: join(this.options.localDir, 'own'),
      folderDir: join(this.options.syncRoot, 'devices', deviceId),
      pace: this.pace,
    };
  }

  /**
   * Rebuild the state from own/ (the folder is read by the first pass, which
   * the caller runs), finish a move to a new id that a kill cut short, and
   * look at its own folder for another install writing as this id (§4.3).
   */
  static async start(options: SyncEngineOptions): Promise<SyncEngine> {
    const engine = new SyncEngine(options);
    await engine.readOwn();
    const retired = await listRetired(engine.fs, options.localDir);
    // A kill between retiring own/ and the new install.json: still the old id, with nothing of its own left to write as it.
    if (retired.includes(engine.deviceId)) await engine.moveToNewId();
    for (const oldId of retired)
      if (oldId !== options.identity.deviceId) {
        engine.retiring.add(oldId);
        engine.moved ??= oldId; // moved before this start (§4.3 rule 1, or a kill mid-move): still to be told
      }
    await engine.finishMoves();
    await engine.checkOwnFolder();
    return engine;
  }

  get deviceId(): string {
    return this.identity.deviceId;
  }

  /**
   * The link as it stands now — a rename or a move to a new id in this run
   * included — for carrying it over to a new key (§4.6).
   */
  linkNow(): Promise<{ deviceId: string; state: SyncState }> {
    return this.queue.run(async () => ({ deviceId: this.identity.deviceId, state: await this.syncState() }));
  }

  /**
   * The device id this install wrote as until it moved to a new one in this
   * run (§4.3: a restored backup or a clone was writing as it), for the one
   * calm line "This copy of Attune now syncs as its own computer".
   */
  get movedFrom(): string | undefined {
    return this.moved;
  }

  /** A check-in or follow-up written here: saved in the vault first, then published. */
  append(input: EntryInput): Promise<Entry> {
    return this.queue.run(async () => {
      this.alive();
      // §4.3 rule 2's look at its own folder runs beside the local append: both wait on the disk, neither needs the
      // other, and a check-in is published only once both are done (the vault first: it is the source of truth).
      const checked = this.checkOwnFolder().then(
        () => undefined,
        (error: unknown) => ({ error }),
      );
      const entry = await this.options.vault.append(input).finally(() => checked);
      const check = await checked;
      if (check) {
        this.dirty = true;
        this.options.onBackgroundError?.(check.error);
      } else await this.publishQuietly('delta', [this.stamp({ op: 'put', id: entry.id, entry })], { folderChecked: true });
      return entry;
    });
  }

  /**
   * A delete made here. Its tombstone is published before the local delete
   * (§5.4): a kill between them leaves a `del` in own/ that the next pass
   * applies here, never a deleted entry the folder could bring back.
   */
  delete(id: string): Promise<{ deletedIds: string[]; compacted: boolean }> {
    return this.queue.run(async () => {
      this.alive();
      if ((await this.options.vault.get(id)) !== undefined) await this.publish('delta', [this.stamp({ op: 'del', id })]);
      const result = await this.options.vault.delete(id);
      this.checkpointDue = true;
      return result;
    });
  }

  /**
   * This computer's new name (Settings › Devices): sealed in state.bin and
   * device.json; the other computers read it at their next start or unlock.
   * Returns the name as stored (trimmed and cut to the limit).
   */
  rename(deviceName: string): Promise<string> {
    return this.queue.run(async () => {
      this.alive();
      const { identity } = this;
      const key = identity.keys.get(identity.keyId);
      if (!key) throw new Error('the current key is not among the keys');
      const before = await this.syncState();
      const name = await writeDeviceFile(this.fs, this.options.syncRoot, {
        ...identity,
        key,
        name: deviceName,
        now: this.now(),
        movedFrom: before.movedFrom,
      });
      const state = { ...before, deviceName: name };
      await writeSyncState(this.fs, this.options.localDir, key, identity, state);
      this.written = state;
      return name;
    });
  }

  /**
   * The device that added each of `ids`, for the ones another computer
   * added (History's "Added on ‹name›"). The merged set is read as it stands,
   * without waiting for the queue: this runs to its end before any other
   * code touches the set, so it sees one state of it.
   */
  addedElsewhere(ids: readonly string[]): Map<string, string> {
    const own = new Set([...this.ownIds(), ...(this.options.formerIds ?? [])]);
    const found = new Map<string, string>();
    for (const id of ids) {
      const by = this.records.byId.get(id)?.latest?.by;
      if (by !== undefined && !own.has(by)) found.set(id, by);
    }
    return found;
  }

  /** Every id this install writes or wrote as in this run: the current one, and the ones it moved from. */
  ownIds(): string[] {
    return [...new Set([this.identity.deviceId, ...this.retiring, ...(this.moved === undefined ? [] : [this.moved])])];
  }

  /** Read what arrived, merge it into the vault, publish what the folder lacks. */
  pass(): Promise<PassResult> {
    return this.queue.run(() => this.runPass());
  }

  /**
   * §4.5 "Remove this device": a final segment restating every id this
   * device carries, then every other file of its folder, then device.json,
   * then `<vault>.sync/`. The local history stays. Throws, having deleted
   * nothing in the folder, when the folder does not take the final segment.
   * The engine does nothing after this.
   */
  remove(): Promise<void> {
    return this.queue.run(async () => {
      this.alive();
      const restated = checkpointRecords(resolveRecords(this.records), this.carried);
      let keep: string | undefined;
      if (restated.length > 0) {
        const published = await this.publish('final', restated);
        if (!published.inFolder) {
          // The final segment is committed in own/ and would reach the folder with the next pass, showing this device as
          // removed while it goes on: a checkpoint above it (restating the same) supersedes it before anyone can read it alone.
          await this.publish('checkpoint', restated);
          throw new Error('the sync folder did not take the final segment');
        }
        keep = published.segment.name;
      }
      const names = await this.fs.readdir(this.place.folderDir).catch((): string[] => []);
      for (const name of names)
        if (name !== keep && name !== DEVICE_FILE) await this.fs.rmrf(join(this.place.folderDir, name)).catch(() => undefined);
      await this.fs.unlink(join(this.place.folderDir, DEVICE_FILE)).catch(() => undefined);
      if (keep === undefined) await this.fs.rmrf(this.place.folderDir).catch(() => undefined);
      await this.fs.rmrf(this.options.localDir);
      this.removed = true;
    });
  }

  private alive(): void {
    if (this.removed) throw new Error('this device was removed from sync');
  }

  /** Waits for everything queued so far. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async runPass(): Promise<PassResult> {
    this.alive();
    await this.finishMoves();
    await this.checkOwnFolder();
    const { identity } = this;
    const wall = this.now();
    const scan = await scanFolder(this.options.syncRoot, this.scanState, {
      vaultId: identity.vaultId,
      ownDeviceId: identity.deviceId,
      keyFor: (keyId) => identity.keys.get(keyId),
    });
    this.scanState = scan.state;
    for (const { segment } of scan.accepted) {
      this.take(segment.records, wall);
      // §5.3 (e): a removed device's ids go on in this device's next checkpoint, so they outlive its final segment.
      if (segment.header.type === 'final') this.adopt(segment);
    }

    let appliedLocally = { deleted: 0, put: 0 };
    let deleted: ReadonlyMap<string, number> = new Map();
    let published = 0;
    if (scan.accepted.length > 0 || this.dirty) {
      const outcomes = resolveRecords(this.records);
      const local = await this.options.vault.syncView();
      const diff = diffAgainstLocal(outcomes, local);
      if (diff.deleteLocally.length + diff.putLocally.length > 0)
        appliedLocally = await this.options.vault.applySync({ deleteIds: diff.deleteLocally, putEntries: diff.putLocally });
      if (diff.deleteLocally.length > 0) {
        const answersTo = (id: string): string | undefined => {
          const entry = local.entries.get(id);
          return entry?.kind === 'follow-up' ? entry.data.checkInId : undefined;
        };
        deleted = deletedBy(outcomes, diff.deleteLocally, answersTo, new Set(this.ownIds()));
      }
      const own: SyncRecord[] = [
        ...diff.publishPuts.map((entry) => this.stamp({ op: 'put', id: entry.id, entry })),
        ...diff.publishDeletes.map((id) => this.stamp({ op: 'del', id })),
      ];
      if (own.length > 0) await this.publish('delta', own);
      if (diff.publishDeletes.length > 0 || diff.deleteLocally.length > 0) this.checkpointDue = true;
      published = own.length;
      this.dirty = false;
    }
    if (this.checkpointDue || this.tip.seq - this.base >= (this.options.maxLiveSegments ?? MAX_LIVE_SEGMENTS)) await this.checkpoint();
    // The folder's copies: by hash at the first pass (a power cut may have torn one), by size after (a sync tool may have
    // cut one short) — an empty pass opens none of them (§8).
    const republished = await republishMissing(this.place, this.base, this.passes === 0 ? 'content' : 'size');
    // Pruned when the base moves, and every tenth pass (a sync tool may bring superseded files back).
    if (republished.waiting === 0 && this.base > 1 && (this.prunedBase < this.base || this.passes % 10 === 0)) {
      this.ownNames = undefined;
      await pruneBelow(this.place, this.base);
      this.prunedBase = this.base;
    }
    this.passes += 1;
    return {
      merged: scan.accepted.length,
      appliedLocally,
      deletedBy: deleted,
      published,
      ownWaiting: republished.waiting,
      devices: this.heldThatAdd(scan.report),
    };
  }

  /** A new own record, stamped now. */
  private stamp(record: { op: 'put'; id: string; entry: Entry } | { op: 'del'; id: string }): SyncRecord {
    this.clock = tick(this.clock, this.now());
    return { ...record, hlc: this.clock, by: this.identity.deviceId };
  }

  /**
   * §7.1: a held branch is worth a line (and "Add them anyway") only while it
   * holds something this history lacks: once added here — or when the copy
   * that stays wrote the same check-ins — it is counted no more, after a
   * restart too, with nothing of the choice kept on disk.
   */
  private heldThatAdd(reports: readonly ScanReport[]): ScanReport[] {
    if (!reports.some((report) => report.held > 0)) return [...reports];
    const outcomes = resolveRecords(this.records);
    return reports.map((report) => {
      const held = [...(this.scanState.devices.get(report.deviceId)?.held.values() ?? [])];
      return { ...report, held: held.filter((fork) => addsAnything(heldAddition(outcomes, fork.records))).length };
    });
  }

  /**
   * §7.1 "Add them anyway", for one other device's held files: what they hold
   * that this history lacks is written here as this computer's own — deletes
   * as tombstones first (§5.4), new entries into the vault, published by the
   * next pass — so it reaches every computer. The caller runs that pass.
   */
  addHeld(deviceId: string): Promise<{ put: number; deleted: number }> {
    return this.queue.run(async () => {
      this.alive();
      const records = [...(this.scanState.devices.get(deviceId)?.held.values() ?? [])].flatMap((fork) => fork.records);
      const { puts, deleteIds } = heldAddition(resolveRecords(this.records), records);
      if (deleteIds.length > 0) {
        await this.publish(
          'delta',
          deleteIds.map((id) => this.stamp({ op: 'del', id })),
        );
        this.checkpointDue = true;
      }
      if (puts.length > 0) await this.options.vault.applySync({ deleteIds: [], putEntries: [...puts] });
      this.dirty = true;
      return { put: puts.length, deleted: deleteIds.length };
    });
  }

  private take(records: readonly SyncRecord[], wall: number): void {
    collectInto(this.records, records);
    for (const record of records) this.clock = observe(this.clock, record.hlc, wall);
  }

  private adopt(segment: DecodedSegment): void {
    for (const record of segment.records) this.carried.add(record.id);
    this.checkpointDue = true;
  }

  private async publish(
    type: SegmentType,
    records: readonly SyncRecord[],
    { folderChecked = false }: PublishOptions = {},
  ): Promise<Published> {
    this.alive();
    if (type === 'delta') {
      // §4.3 rule 2, before every publish: a delta is the one write that could land in seqs another copy uses.
      if (!folderChecked) await this.checkOwnFolder();
      // A move to a new id in that check: the records are this install's, under the id it writes as now.
      records = records.map((record) => (record.by === this.identity.deviceId ? record : { ...record, by: this.identity.deviceId }));
    }
    const { identity } = this;
    const key = identity.keys.get(identity.keyId);
    if (!key) throw new Error('the current key is not among the keys');
    let published: Published;
    try {
      published = await publishSegment(this.place, key, identity, this.tip, type, records);
    } catch (error) {
      // own/ may or may not hold it now: the next check lists own/ again.
      this.ownNames = undefined;
      throw error;
    }
    this.ownNames?.add(published.segment.name);
    this.tip = published.tip;
    this.take(records, this.now());
    if (type !== 'delta') {
      this.base = published.tip.seq;
      this.carried = new Set();
    }
    for (const record of records) this.carried.add(record.id);
    return published;
  }

  /** A local append that could not be published now is published by the next pass's diff: saving it here stands. */
  private async publishQuietly(type: SegmentType, records: readonly SyncRecord[], options: PublishOptions = {}): Promise<void> {
    try {
      await this.publish(type, records, options);
    } catch (error) {
      this.dirty = true;
      this.options.onBackgroundError?.(error);
    }
  }

  /** §5.3: restate every carried id's deciding record in one segment that replaces the older ones. */
  private async checkpoint(): Promise<void> {
    this.checkpointDue = false;
    const restated = checkpointRecords(resolveRecords(this.records), this.carried);
    if (restated.length === 0) return;
    await this.publish('checkpoint', restated);
  }

  /**
   * own/ holds every live segment this device published, from its newest
   * checkpoint up: their records join the merged set, their ids are carried,
   * and the last one is where the chain goes on.
   */
  private async readOwn(): Promise<void> {
    const wall = this.now();
    for (const { seq, hash, segment } of await this.readSegmentsIn(this.place.ownDir, this.identity.deviceId)) {
      if (segment.header.type !== 'delta') {
        this.base = seq;
        this.carried = new Set();
      }
      this.take(segment.records, wall);
      for (const record of segment.records) this.carried.add(record.id);
      this.tip = { seq, hash: Buffer.from(hash, 'hex'), lastFrame: segment.lastFrame };
      // §4.6: written under an older key (a re-key since): a checkpoint under the current one replaces it, and the older
      // files go, so a computer that joins later needs only the new key.
      if (segment.header.keyId !== this.identity.keyId) this.checkpointDue = true;
    }
  }

  /** Every segment in one of this install's own folders (own/ or a retired one), seq ascending; they must all open. */
  private async readSegmentsIn(
    dir: string,
    deviceId: string,
  ): Promise<Array<{ seq: number; name: string; hash: string; segment: DecodedSegment }>> {
    const { identity } = this;
    const names = [...(await listOwnSegments(this.fs, dir))].sort(([a], [b]) => a - b);
    const read = [];
    for (const [seq, name] of names) {
      const bytes = await this.fs.readFile(join(dir, name));
      const hash = name.slice(-69, -5);
      const decoded = decodeSegment(bytes, { vaultId: identity.vaultId, deviceId, seq, hash }, (keyId) => identity.keys.get(keyId));
      if (!decoded.ok) throw new Error(`own segment ${name} cannot be read: ${JSON.stringify(decoded.problem)}`);
      read.push({ seq, name, hash, segment: decoded.segment });
    }
    return read;
  }

  /**
   * §4.3 rule 2: an authenticated segment in its own folder that own/ lacks,
   * not superseded by its own checkpoint, was written by another copy of
   * this install. The older copy (or, at a tie, the one with the greater
   * hash) moves to a new id; the other stays and goes on above its own tip,
   * in seqs the other copy never used.
   */
  private async checkOwnFolder(): Promise<void> {
    const { identity } = this;
    const own = (this.ownNames ??= new Set((await listOwnSegments(this.fs, this.place.ownDir)).values()));
    const foreign = await findForeignSegments(this.fs, this.place.folderDir, own, this.base, {
      vaultId: identity.vaultId,
      deviceId: identity.deviceId,
      keyFor: (keyId) => identity.keys.get(keyId),
    }).catch((): ForeignSegment[] => []);
    const verdict = judgeOwnFolder(foreign, { seq: this.tip.seq, hash: this.tip.hash.toString('hex') });
    if (verdict === 'move') await this.moveToNewId();
    // Staying: a checkpoint above every seq the other copy used supersedes its files for every reader (no fork left to hold,
    // even if a sync tool brings them back) and prunes them here; its records reach peers in its own checkpoint.
    else if (verdict === 'stay') this.checkpointDue = true;
  }

  /** §4.3 "Moving": retire own/, a new install.json and state.bin, then finish (checkpoint under the new id, old-folder deletes). */
  private async moveToNewId(): Promise<void> {
    // own/ is retired (renamed away) first: whatever happens next, list it afresh.
    this.ownNames = undefined;
    const { identity, options } = this;
    const key = identity.keys.get(identity.keyId);
    if (!key) throw new Error('the current key is not among the keys');
    const oldId = identity.deviceId;
    const newId = await moveInstall(
      this.fs,
      options.localDir,
      key,
      { vaultId: identity.vaultId, keyId: identity.keyId, oldId },
      await this.syncState(),
      options.machineId,
      this.now(),
    );
    this.identity = { ...identity, deviceId: newId };
    this.place = this.placeFor(newId);
    this.tip = NO_TIP;
    this.base = 0;
    this.moved = oldId;
    this.retiring.add(oldId);
    await this.finishMoves();
  }

  private async syncState(): Promise<SyncState> {
    if (this.written) return this.written;
    if (this.options.state) return this.options.state;
    const { identity } = this;
    const key = identity.keys.get(identity.keyId);
    // During a move state.bin may still be sealed under the retired id (a kill between install.json and state.bin).
    const read =
      key && (await readStateDuringMove(this.fs, this.options.localDir, key, { deviceId: identity.deviceId, keyId: identity.keyId }));
    return read?.kind === 'ok' ? read.state : { folder: dirname(this.options.syncRoot), deviceName: FALLBACK_NAME };
  }

  /**
   * The rest of a move, for every retired id: merge what the other copy
   * wrote there (as a peer's, and carried on here so it survives that copy
   * too), a checkpoint under the new id, device.json, then delete from the
   * old folder the segments this install wrote there from the fork point up
   * (their records are in the checkpoint; peers holding the other branch
   * release it, §7.1), and the retired folder. A folder that refuses any of
   * it leaves the retired folder for the next pass to finish.
   */
  private async finishMoves(): Promise<void> {
    for (const oldId of [...this.retiring]) {
      try {
        await this.finishMove(oldId);
        this.retiring.delete(oldId);
      } catch (error) {
        this.options.onBackgroundError?.(error);
      }
    }
  }

  private async finishMove(oldId: string): Promise<void> {
    const { identity, options } = this;
    const key = identity.keys.get(identity.keyId);
    if (!key) throw new Error('the current key is not among the keys');
    const retired = retiredDir(options.localDir, oldId);
    const mine = await listOwnSegments(this.fs, retired);
    const oldFolder = join(options.syncRoot, 'devices', oldId);
    const wall = this.now();
    let retiredBase = 0;
    // This install's own history under the old id, carried on under the new one (again after a kill: a union changes nothing).
    for (const { seq, segment } of await this.readSegmentsIn(retired, oldId)) {
      if (segment.header.type !== 'delta') retiredBase = seq;
      this.take(segment.records, wall);
      for (const record of segment.records) this.carried.add(record.id);
    }
    const foreign = await findForeignSegments(this.fs, oldFolder, new Set(mine.values()), retiredBase, {
      vaultId: identity.vaultId,
      deviceId: oldId,
      keyFor: (keyId) => identity.keys.get(keyId),
    });
    for (const segment of foreign) {
      this.take(segment.records, wall);
      for (const record of segment.records) this.carried.add(record.id);
    }
    const restated = checkpointRecords(resolveRecords(this.records), this.carried);
    if (restated.length > 0) await this.publish('checkpoint', restated);
    // Readers fold the old id into this one while its folder shows nothing past what was merged here (moved-ids.ts).
    const merged = Math.max(0, ...mine.keys(), ...foreign.map((segment) => segment.seq));
    const before = await this.syncState();
    const state = { ...before, movedFrom: withMove(before.movedFrom, { deviceId: oldId, seq: merged }) };
    await writeSyncState(this.fs, options.localDir, key, identity, state);
    this.written = state;
    await writeDeviceFile(this.fs, options.syncRoot, {
      ...identity,
      key,
      name: state.deviceName,
      now: this.now(),
      movedFrom: state.movedFrom,
    });
    const forkPoint = foreign.length === 0 ? Infinity : Math.min(...foreign.map((segment) => segment.seq));
    for (const [seq, name] of mine) if (seq >= forkPoint) await this.fs.unlink(join(oldFolder, name)).catch(() => undefined);
    await this.fs.rmrf(retired);
    this.scanState = EMPTY_SCAN_STATE;
    this.dirty = true;
  }
}
