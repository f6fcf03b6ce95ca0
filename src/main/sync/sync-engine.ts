import { join } from 'node:path';

import type { Entry, EntryInput } from '../../shared/entry-schema';
import { type FsPort, nodeFs } from '../fs/fs-port';
import { SerialQueue } from '../system/serial-queue';
import type { VaultService } from '../vault/vault-service';
import { checkpointRecords } from './checkpoint-records';
import { EMPTY_SCAN_STATE, scanFolder, type ScanReport, type ScanState } from './folder-scan';
import { observe, type Stamp, tick, ZERO_STAMP } from './hybrid-clock';
import { diffAgainstLocal } from './local-diff';
import { collectRecords, EMPTY_RECORD_SET, type RecordSet, resolveRecords } from './merge-records';
import { listOwnSegments, NO_TIP, type OwnPlace, type OwnTip, pruneBelow, publishSegment, republishMissing } from './own-segments';
import { decodeSegment } from './segment-codec';
import type { SegmentType } from './segment-header';
import type { SyncIdentity } from './sync-identity';
import type { SyncRecord } from './sync-record';

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
}

export interface PassResult {
  /** Segments from other devices merged in this pass. */
  readonly merged: number;
  readonly appliedLocally: { readonly deleted: number; readonly put: number };
  /** Records this device published in this pass (entries it held that the folder lacked, deletes it made). */
  readonly published: number;
  /** Own segments the folder lacks and refused again (unplugged, read-only). */
  readonly ownWaiting: number;
  readonly devices: readonly ScanReport[];
}

const MAX_LIVE_SEGMENTS = 256;

export type { SyncIdentity } from './sync-identity';

export class SyncEngine {
  private readonly queue = new SerialQueue();
  private readonly fs: FsPort;
  private readonly place: OwnPlace;
  private readonly now: () => number;
  private records: RecordSet = EMPTY_RECORD_SET;
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

  private constructor(private readonly options: SyncEngineOptions) {
    this.fs = options.fs ?? nodeFs;
    this.now = options.now ?? Date.now;
    this.place = {
      fs: this.fs,
      ownDir: join(options.localDir, 'own'),
      folderDir: join(options.syncRoot, 'devices', options.identity.deviceId),
    };
  }

  /** Rebuild the state from own/ (the folder is read by the first pass, which the caller runs). */
  static async start(options: SyncEngineOptions): Promise<SyncEngine> {
    const engine = new SyncEngine(options);
    await engine.readOwn();
    return engine;
  }

  get deviceId(): string {
    return this.options.identity.deviceId;
  }

  /** A check-in or follow-up written here: saved in the vault first, then published. */
  append(input: EntryInput): Promise<Entry> {
    return this.queue.run(async () => {
      const entry = await this.options.vault.append(input);
      await this.publishQuietly('delta', [this.stamp({ op: 'put', id: entry.id, entry })]);
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
      if ((await this.options.vault.get(id)) !== undefined) await this.publish('delta', [this.stamp({ op: 'del', id })]);
      const result = await this.options.vault.delete(id);
      this.checkpointDue = true;
      return result;
    });
  }

  /** Read what arrived, merge it into the vault, publish what the folder lacks. */
  pass(): Promise<PassResult> {
    return this.queue.run(() => this.runPass());
  }

  /** Waits for everything queued so far. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async runPass(): Promise<PassResult> {
    const { identity } = this.options;
    const wall = this.now();
    const scan = await scanFolder(this.options.syncRoot, this.scanState, {
      vaultId: identity.vaultId,
      ownDeviceId: identity.deviceId,
      keyFor: (keyId) => identity.keys.get(keyId),
    });
    this.scanState = scan.state;
    for (const { segment } of scan.accepted) this.take(segment.records, wall);

    let appliedLocally = { deleted: 0, put: 0 };
    let published = 0;
    if (scan.accepted.length > 0 || this.dirty) {
      const outcomes = resolveRecords(this.records);
      const diff = diffAgainstLocal(outcomes, await this.options.vault.syncView());
      if (diff.deleteLocally.length + diff.putLocally.length > 0)
        appliedLocally = await this.options.vault.applySync({ deleteIds: diff.deleteLocally, putEntries: diff.putLocally });
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
    const republished = await republishMissing(this.place, this.base);
    if (republished.waiting === 0 && this.base > 1) await pruneBelow(this.place, this.base);
    return { merged: scan.accepted.length, appliedLocally, published, ownWaiting: republished.waiting, devices: scan.report };
  }

  /** A new own record, stamped now. */
  private stamp(record: { op: 'put'; id: string; entry: Entry } | { op: 'del'; id: string }): SyncRecord {
    this.clock = tick(this.clock, this.now());
    return { ...record, hlc: this.clock, by: this.options.identity.deviceId };
  }

  private take(records: readonly SyncRecord[], wall: number): void {
    this.records = collectRecords(records, this.records);
    for (const record of records) this.clock = observe(this.clock, record.hlc, wall);
  }

  private async publish(type: SegmentType, records: readonly SyncRecord[]): Promise<void> {
    const { identity } = this.options;
    const key = identity.keys.get(identity.keyId);
    if (!key) throw new Error('the current key is not among the keys');
    const published = await publishSegment(this.place, key, identity, this.tip, type, records);
    this.tip = published.tip;
    this.take(records, this.now());
    if (type !== 'delta') {
      this.base = published.tip.seq;
      this.carried = new Set();
    }
    for (const record of records) this.carried.add(record.id);
  }

  /** A local append that could not be published now is published by the next pass's diff: saving it here stands. */
  private async publishQuietly(type: SegmentType, records: readonly SyncRecord[]): Promise<void> {
    try {
      await this.publish(type, records);
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
    const { identity } = this.options;
    const names = [...(await listOwnSegments(this.fs, this.place.ownDir))].sort(([a], [b]) => a - b);
    const wall = this.now();
    for (const [seq, name] of names) {
      const bytes = await this.fs.readFile(join(this.place.ownDir, name));
      const hash = name.slice(-69, -5);
      const decoded = decodeSegment(bytes, { vaultId: identity.vaultId, deviceId: identity.deviceId, seq, hash }, (keyId) =>
        identity.keys.get(keyId),
      );
      if (!decoded.ok) throw new Error(`own segment ${name} cannot be read: ${JSON.stringify(decoded.problem)}`);
      const { segment } = decoded;
      if (segment.header.type !== 'delta') {
        this.base = seq;
        this.carried = new Set();
      }
      this.take(segment.records, wall);
      for (const record of segment.records) this.carried.add(record.id);
      this.tip = { seq, hash: Buffer.from(hash, 'hex'), lastFrame: segment.lastFrame };
    }
  }
}
