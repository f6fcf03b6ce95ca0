import { join } from 'node:path';

import type { Entry, EntryInput } from '../../shared/entry-schema';
import { AttuneError } from '../attune-error';
import type { FsPort } from '../fs/fs-port';
import { nodeFs } from '../fs/fs-port';
import type { Logger } from '../log/logger';
import type { TimerClock, TimerHandle } from '../pauses/ports';
import { SerialQueue } from '../system/serial-queue';
import type { Credential } from '../vault/credential';
import type { RekeyStage, VaultService } from '../vault/vault-service';
import { addToBurst, type DeleteBurst, MANY_DELETED } from './deleted-by';
import { type DeviceInfo, readDeviceInfo } from './device-file';
import { type ClearFs, clearSyncFolder } from './folder-clear-fs';
import type { ScanReport } from './folder-scan';
import { addFormerIds } from './former-ids-file';
import { INSTALL_FILE } from './install-file';
import { foldMoved, type MovedFrom } from './moved-ids';
import { openLink } from './open-link';
import { type PassResult, SyncEngine } from './sync-engine';
import {
  type Linked,
  type LinkPlaces,
  type LinkRequest,
  type LinkResult,
  linkSync,
  localDirFor,
  openFolderKey,
  relinkUnderCurrentKey,
  type SetUpResult,
  setUpSync,
  stageRelink,
} from './sync-link';

/**
 * Sync in the running app: an engine while the history is unlocked and a
 * folder is linked, none otherwise. Every check-in and delete of the person's
 * goes through `append`/`delete`, which publish when sync is on and are the
 * plain vault calls when it is off. Passes run at unlock, shortly after each
 * publish, and every minute while unlocked (file-system watches are not
 * reliable on cloud and network folders, §8). Sync never runs while locked.
 */
export const PASS_EVERY_MS = 60_000;

export type AdoptResult = 'adopted' | 'not-a-recovery-key' | 'wrong-recovery-key' | 'unreadable-folder';
/** A pass soon after this computer published: what the others wrote meanwhile comes in with it. */
const PASS_AFTER_PUBLISH_MS = 2_000;

/** Another computer as this one last read it, with the name it gave itself (null: "Another computer"). */
export interface OtherDevice extends ScanReport {
  readonly name: string | null;
  /** Its deletes took more than MANY_DELETED entries here in one burst since sync started (§11 Q5): the latest such burst. */
  readonly manyDeleted: { readonly count: number; readonly at: number } | null;
}

export interface SyncStatus {
  /** needs-recovery-key: a new key here whose recovery key is not kept yet (§4.6): nothing is published until it is. */
  readonly state: 'off' | 'on' | 'unreadable' | 'another-machine' | 'locked' | 'needs-recovery-key';
  readonly folder: string | null;
  readonly deviceName: string | null;
  readonly devices: readonly OtherDevice[];
  /** Own segments the folder lacks and refused (unplugged, read-only). */
  readonly ownWaiting: number;
  readonly lastPassAt: number | null;
  /** This install took its own device id in this run (§4.3): "This copy of Attune now syncs as its own computer." */
  readonly movedToOwnId: boolean;
}

/** Sync not running (locked, off, a link that does not open): nothing of the folder, the names or the others. */
export const stoppedStatus = (state: SyncStatus['state']): SyncStatus => ({
  state,
  folder: null,
  deviceName: null,
  devices: [],
  ownWaiting: 0,
  lastPassAt: null,
  movedToOwnId: false,
});

export interface SyncDriverDeps {
  readonly vault: VaultService;
  readonly vaultDir: string;
  readonly timer: TimerClock;
  readonly log: Logger;
  readonly machineId: () => Promise<string | undefined>;
  readonly fs?: FsPort;
  /** "Also delete Attune's files in the sync folder": node:fs unless a spec makes one file refuse. */
  readonly clearFs?: ClearFs;
  /** A pass brought entries from the other computers, or took some away: windows showing the history are told. */
  readonly onHistoryChanged?: () => void;
}

export interface RemoveResult {
  readonly outcome: 'removed' | 'folder-unavailable';
  /** What became of Attune's files in the folder (`kept` unless they were asked to go). */
  readonly folderFiles: 'kept' | 'deleted' | 'another-computer' | 'some-left';
  readonly status: SyncStatus;
}

export class SyncDriver {
  private readonly queue = new SerialQueue();
  private engine: SyncEngine | undefined;
  private status: SyncStatus = stoppedStatus('locked');
  private movedFrom: string | undefined;
  private timer: TimerHandle | undefined;
  private linked: Linked | undefined;
  /** Other computers' device.json (name, moves), read once each (and again at each start). */
  private infos = new Map<string, DeviceInfo | null>();
  /** Old ids folded into the id they moved to (moved-ids.ts), as of the last pass. */
  private folded = new Map<string, string>();
  /** Each other computer's latest burst of deletes that took entries here, since sync started (deleted-by.ts). */
  private deleteBursts = new Map<string, DeleteBurst>();
  /** Each other computer's latest burst that took more than MANY_DELETED: what its row says (§11 Q5). */
  private manyDeletes = new Map<string, DeleteBurst>();

  constructor(private readonly deps: SyncDriverDeps) {}

  /** The history's state changed: start sync when it opens, stop it when it closes. */
  vaultStateChanged(state: 'unlocked' | 'locked' | 'not-set-up'): Promise<void> {
    return this.queue.run(async () => {
      if (state === 'unlocked') await this.startIfLinked();
      else await this.stopEngine(state === 'locked' ? 'locked' : 'off');
    });
  }

  append(input: EntryInput): Promise<Entry> {
    const engine = this.engine;
    if (!engine) return this.deps.vault.append(input);
    return engine.append(input).finally(() => this.passSoon(PASS_AFTER_PUBLISH_MS));
  }

  delete(id: string): Promise<{ deletedIds: string[]; compacted: boolean }> {
    const engine = this.engine;
    if (!engine) return this.deps.vault.delete(id);
    return engine.delete(id).finally(() => this.passSoon(PASS_AFTER_PUBLISH_MS));
  }

  current(): SyncStatus {
    return this.status;
  }

  /** §4.2: this computer starts a sync folder in `folder` (the history is unlocked). */
  setUp(folder: string, deviceName: string): Promise<SetUpResult['kind']> {
    return this.queue.run(async () => {
      this.refuseWhileOn();
      const result = await setUpSync(await this.places(folder), this.deps.vault, deviceName);
      if (result.kind === 'set-up') await this.startIfLinked();
      return result.kind;
    });
  }

  /** §4.4: this computer joins the history in `folder`, with none yet or with its own; on 'linked' the history is open and sync runs. */
  link(folder: string, request: LinkRequest): Promise<LinkResult['kind']> {
    return this.queue.run(async () => {
      this.refuseWhileOn();
      const result = await linkSync(await this.places(folder), this.deps.vault, request);
      if (result.kind === 'linked') await this.startIfLinked();
      return result.kind;
    });
  }

  /**
   * §4.5 "Remove this computer": a final segment for the computers linked
   * later, then this computer's files leave the folder; the history here stays.
   * 'folder-unavailable' (nothing removed, sync goes on) when the folder does
   * not take it. A link that no longer opens (a re-key here, §4.6) has no
   * engine: its local files go, so the folder can be chosen again.
   *
   * With `alsoFolderFiles` (§11 Q10, offered when no other computer syncs
   * there), Attune's files in the folder go too, the final segment with them:
   * unless a computer that may still sync has files there by then.
   */
  remove({ alsoFolderFiles = false }: { alsoFolderFiles?: boolean } = {}): Promise<RemoveResult> {
    return this.queue.run(async () => {
      const engine = this.engine;
      let folderFiles: RemoveResult['folderFiles'] = 'kept';
      if (engine) {
        const settled = alsoFolderFiles ? await this.settledIds(engine) : undefined;
        const syncRoot = this.linked?.syncRoot;
        try {
          await engine.remove();
        } catch (error) {
          this.deps.log.warn('sync: the folder did not take the final segment; nothing was removed', { error: String(error) });
          return { outcome: 'folder-unavailable' as const, folderFiles, status: this.status };
        }
        // Kept for a later return to the folder under a new id: History then still knows these check-ins as its own.
        await addFormerIds(this.fs(), localDirFor(this.deps.vaultDir), [...(this.linked?.formerIds ?? []), ...engine.ownIds()]).catch(
          (error: unknown) => this.deps.log.warn('sync: could not keep the former device ids', { error: String(error) }),
        );
        if (settled && syncRoot !== undefined) folderFiles = await this.clearFolder(syncRoot, settled);
      } else await this.forgetLocal();
      await this.stopEngine(this.status.state === 'locked' ? 'locked' : 'off');
      this.status = { ...this.status, folder: null, deviceName: null, movedToOwnId: false };
      this.movedFrom = undefined;
      return { outcome: 'removed' as const, folderFiles, status: this.status };
    });
  }

  /**
   * Device ids whose files may leave the folder with this computer's: its
   * own (now, before moves, before it last stopped), computers shown as
   * removed, and the old ids any of these moved from.
   */
  private async settledIds(engine: SyncEngine): Promise<Set<string>> {
    const { state } = await engine.linkNow();
    const settled = new Set([
      ...engine.ownIds(),
      ...(this.linked?.formerIds ?? []),
      ...(state.movedFrom ?? []).map((move) => move.deviceId),
      ...this.status.devices.filter((device) => device.final).map((device) => device.deviceId),
    ]);
    for (const [oldId, newId] of this.folded) if (settled.has(newId)) settled.add(oldId);
    return settled;
  }

  private async clearFolder(syncRoot: string, settled: ReadonlySet<string>): Promise<RemoveResult['folderFiles']> {
    try {
      const result = await clearSyncFolder(syncRoot, settled, this.deps.clearFs);
      if (result.outcome === 'some-left') this.deps.log.warn('sync: some files stay in the sync folder', { left: result.left });
      return result.outcome;
    } catch (error) {
      this.deps.log.warn('sync: the sync folder could not be listed; its files stay', { error: String(error) });
      return 'some-left';
    }
  }

  /** This computer's new name (Settings › Devices); the status carries it as stored. */
  rename(deviceName: string): Promise<SyncStatus> {
    return this.queue.run(async () => {
      const engine = this.engine;
      if (!engine) throw new AttuneError('invalid-request', 'sync is not on here');
      const name = await engine.rename(deviceName);
      this.status = { ...this.status, deviceName: name, movedToOwnId: false };
      return this.status;
    });
  }

  /** For each of `ids` another computer added: its name (null when it gave none it can still read). */
  addedElsewhere(ids: readonly string[]): Promise<{ id: string; name: string | null }[]> {
    const engine = this.engine;
    if (!engine) return Promise.resolve([]);
    const own = engine.deviceId;
    const found = [...engine.addedElsewhere(ids)]
      .map(([id, deviceId]) => [id, this.folded.get(deviceId) ?? deviceId] as const)
      .filter(([, deviceId]) => deviceId !== own);
    return Promise.all(found.map(async ([id, deviceId]) => ({ id, name: (await this.infoOf(deviceId))?.name ?? null })));
  }

  /** Whether this history keeps a link to a sync folder (known while locked too: `<vault>.sync/` is there). */
  async hasLink(): Promise<boolean> {
    return (await this.fs().size(join(localDirFor(this.deps.vaultDir), INSTALL_FILE))) !== undefined;
  }

  /**
   * After "Erase everything": sync's own files here go too (§4.5). The
   * folder is left as it is; the other computers keep their copies.
   */
  erased(): Promise<void> {
    return this.queue.run(async () => {
      await this.stopEngine('off');
      this.status = { ...this.status, folder: null, deviceName: null, movedToOwnId: false, lastPassAt: null };
      this.movedFrom = undefined;
      await this.forgetLocal().catch((error: unknown) =>
        this.deps.log.warn('sync: its files here stay after erase', { error: String(error) }),
      );
    });
  }

  private async forgetLocal(): Promise<void> {
    await this.fs().rmrf(localDirFor(this.deps.vaultDir));
  }

  private fs(): FsPort {
    return this.deps.fs ?? nodeFs;
  }

  /** Resolves once everything queued so far (a start at unlock, a pass) is done. */
  settled(): Promise<void> {
    return this.queue.run(async () => undefined);
  }

  /**
   * §4.6: a re-key here (`run` calls VaultService.rekey with the `stage` it
   * is given). Sync stops first, so the link is read as it stands and
   * nothing is published under a key about to go; the link is staged under
   * the new key before the vault commits it (a stop right after the commit
   * still leaves a link that opens), then sealed anew under it, keeping the
   * older keys, and sync starts again: once the new recovery key is kept,
   * the new key's file goes into the folder and a checkpoint under it
   * replaces what this computer wrote before; until then it publishes
   * nothing. A re-key that fails changes nothing and sync goes on as before.
   */
  withNewKey<T>(run: (stage: RekeyStage) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      const linked = await this.linkNow();
      if (!linked) return run(async () => undefined);
      return this.underNewKey(linked, run);
    });
  }

  /** Stop, re-key with the link staged, carry the link over; on a failed re-key, sync goes on under the old key. */
  private async underNewKey<T>(linked: Linked, run: (stage: RekeyStage) => Promise<T>): Promise<T> {
    await this.stopEngine('off');
    let result: T;
    try {
      result = await run((next) => stageRelink({ fs: this.fs() }, linked, next));
    } catch (error) {
      // Refused before its commit (a wrong passphrase), or failing after it (the old files could not go): the next
      // start tells which from the files — state.bin opening means the old key, and a staged link left is removed;
      // otherwise the staged link takes state.bin's place.
      await this.startIfLinked();
      throw error;
    }
    try {
      await relinkUnderCurrentKey({ fs: this.fs(), now: () => this.deps.timer.now() }, this.deps.vault, linked);
    } catch (error) {
      // The staged link is in place of it at the next start; for now sync stops, said as a link that does not open.
      this.deps.log.warn('sync: could not carry the link over to the new key', { error: String(error) });
      this.status = { ...this.status, state: 'unreadable' };
      return result;
    }
    await this.startIfLinked();
    return result;
  }

  /** The link as it stands (the engine's, when one runs: a rename or a move in this run is in it), or none. */
  private async linkNow(): Promise<Linked | undefined> {
    const linked = this.linked;
    if (!linked || !this.engine) return linked;
    const { deviceId, state } = await this.engine.linkNow();
    return { ...linked, identity: { ...linked.identity, deviceId }, state };
  }

  /** A recovery key was kept: a new key waiting for one (§4.6) can now go into the folder, and sync on. */
  recoveryKept(): Promise<void> {
    return this.queue.run(async () => {
      if (this.status.state === 'needs-recovery-key') await this.startIfLinked();
    });
  }

  /**
   * §4.6 on another computer: one of the others took a new key; with its new
   * recovery key (and what proves the person here, as for a re-key), this
   * history takes that key too — its passphrase and keychain staying — and
   * sync goes on under it. Nothing changes on any answer but 'adopted'.
   */
  adoptKey(request: { recoveryKey: string; current: Credential }): Promise<AdoptResult> {
    return this.queue.run(async () => {
      const linked = await this.linkNow();
      if (!this.engine || !linked) throw new AttuneError('invalid-request', 'sync is not on here');
      const opened = await openFolderKey(linked.syncRoot, linked.identity.vaultId, request.recoveryKey);
      if (opened.kind !== 'opened') return opened.kind;
      const { given, keys } = opened;
      try {
        // The key typed opens only the key in use here (the old recovery key, say): not the new one.
        if (given.keyId === linked.identity.keyId) return 'wrong-recovery-key';
        const withChain = { ...linked, identity: { ...linked.identity, keys: new Map([...linked.identity.keys, ...keys]) } };
        await this.underNewKey(withChain, (stage) => this.deps.vault.rekey(request.current, { adopt: given, stage }));
        return 'adopted';
      } finally {
        given.dataKey.fill(0);
      }
    });
  }

  /** §7.1 "Add them anyway": what one other computer's held files hold that this history lacks, added here, then a pass. */
  addHeld(deviceId: string): Promise<SyncStatus> {
    return this.queue.run(async () => {
      const engine = this.engine;
      if (!engine) throw new AttuneError('invalid-request', 'sync is not on here');
      const added = await engine.addHeld(deviceId);
      await this.runPass();
      if (added.put + added.deleted > 0) this.deps.onHistoryChanged?.();
      return this.status;
    });
  }

  /** Run a pass now (and keep the minute timer going). */
  passNow(): Promise<SyncStatus> {
    return this.queue.run(async () => {
      await this.runPass();
      return this.status;
    });
  }

  stop(): Promise<void> {
    return this.queue.run(() => this.stopEngine('off'));
  }

  /** One folder at a time (§4.4): choosing another means removing this computer from the first. */
  private refuseWhileOn(): void {
    if (this.engine) throw new AttuneError('invalid-request', 'sync is already on here; remove this computer from its folder first');
  }

  private async places(folder: string): Promise<LinkPlaces> {
    return {
      fs: this.fs(),
      vaultDir: this.deps.vaultDir,
      folder,
      machineId: await this.deps.machineId(),
      now: () => this.deps.timer.now(),
    };
  }

  private async startIfLinked(): Promise<void> {
    if (this.engine) return;
    const places = await this.places('');
    const opened = await openLink(places, this.deps.vault, (what, error) => this.deps.log.warn(what, { error: String(error) }));
    const { resumed } = opened;
    if (opened.movedFrom !== undefined) this.movedFrom = opened.movedFrom;
    if (resumed.kind === 'needs-recovery-key') {
      // Kept without an engine: another re-key before the key is kept carries this link over again.
      this.linked = resumed;
      this.status = { ...stoppedStatus('needs-recovery-key'), lastPassAt: this.status.lastPassAt };
      return;
    }
    if (resumed.kind !== 'resumed') {
      // A move to a new id that did not finish is a link that does not open here: said so, with "Forget the link".
      const state = resumed.kind === 'another-machine' ? 'unreadable' : resumed.kind;
      this.status = { ...this.status, state, folder: null, deviceName: null, devices: [] };
      return;
    }
    this.engine = await SyncEngine.start({
      vault: this.deps.vault,
      syncRoot: resumed.syncRoot,
      localDir: resumed.localDir,
      identity: resumed.identity,
      ...(this.deps.fs ? { fs: this.deps.fs } : {}),
      now: () => this.deps.timer.now(),
      onBackgroundError: (error) => this.deps.log.warn('sync: publishing waits for the next pass', { error: String(error) }),
      ...(places.machineId === undefined ? {} : { machineId: places.machineId }),
      state: resumed.state,
      formerIds: resumed.formerIds,
    });
    this.linked = resumed;
    this.infos = new Map();
    this.folded = new Map();
    this.deleteBursts = new Map();
    this.manyDeletes = new Map();
    this.status = { ...this.status, state: 'on', folder: resumed.state.folder, deviceName: resumed.state.deviceName };
    await this.runPass();
  }

  private async runPass(): Promise<void> {
    const engine = this.engine;
    if (!engine) return;
    this.clearTimer();
    try {
      const result: PassResult = await engine.pass();
      this.noteDeletes(result.deletedBy);
      const devices = await this.rows(engine, result.devices);
      this.movedFrom ??= engine.movedFrom;
      this.status = {
        ...this.status,
        devices,
        ownWaiting: result.ownWaiting,
        lastPassAt: this.deps.timer.now(),
        movedToOwnId: this.movedFrom !== undefined,
      };
      if (result.merged > 0 || result.appliedLocally.deleted + result.appliedLocally.put > 0)
        this.deps.log.info('sync: merged', { segments: result.merged, ...result.appliedLocally });
      if (result.appliedLocally.deleted + result.appliedLocally.put > 0) this.deps.onHistoryChanged?.();
    } catch (error) {
      // The folder or the disk refused something; nothing is lost (own/ keeps what is published) and the next pass tries again.
      this.deps.log.warn('sync: a pass did not finish; the next one tries again', { error: String(error) });
    }
    if (this.engine === engine) this.passSoon(PASS_EVERY_MS);
  }

  /**
   * The other computers' rows: each with its name, less the old ids of
   * computers that moved to a new one (this one included) while those say
   * nothing more (moved-ids.ts).
   */
  private async rows(engine: SyncEngine, reports: readonly ScanReport[]): Promise<SyncStatus['devices']> {
    const infos = new Map(await Promise.all(reports.map(async (report) => [report.deviceId, await this.infoOf(report.deviceId)] as const)));
    const moves = new Map<string, MovedFrom>([[engine.deviceId, (await engine.linkNow()).state.movedFrom ?? []]]);
    for (const [deviceId, info] of infos) if (info) moves.set(deviceId, info.movedFrom);
    const { shown, folded } = foldMoved(reports, moves);
    this.folded = folded;
    return shown.map((report) => ({
      ...report,
      name: infos.get(report.deviceId)?.name ?? null,
      manyDeleted: this.manyDeletedBy(report.deviceId),
    }));
  }

  private noteDeletes(deletedBy: ReadonlyMap<string, number>): void {
    const now = this.deps.timer.now();
    for (const [deviceId, count] of deletedBy) {
      const burst = addToBurst(this.deleteBursts.get(deviceId), count, now);
      this.deleteBursts.set(deviceId, burst);
      if (burst.count > MANY_DELETED) this.manyDeletes.set(deviceId, burst);
    }
  }

  /**
   * §11 Q5: the latest burst of this computer's deletes — under its id, or an
   * old one folded into it — that took more than MANY_DELETED entries here.
   * A smaller burst later leaves that line as it is.
   */
  private manyDeletedBy(deviceId: string): OtherDevice['manyDeleted'] {
    let latest: OtherDevice['manyDeleted'] = null;
    for (const [by, burst] of this.manyDeletes)
      if ((this.folded.get(by) ?? by) === deviceId && (latest === null || burst.at >= latest.at)) latest = burst;
    return latest;
  }

  private async infoOf(deviceId: string): Promise<DeviceInfo | null> {
    const linked = this.linked;
    if (!linked) return null;
    if (!this.infos.has(deviceId)) {
      const { vaultId, keys } = linked.identity;
      this.infos.set(deviceId, (await readDeviceInfo(linked.syncRoot, deviceId, vaultId, (keyId) => keys.get(keyId))) ?? null);
    }
    return this.infos.get(deviceId) ?? null;
  }

  private passSoon(delayMs: number): void {
    if (!this.engine) return;
    this.clearTimer();
    this.timer = this.deps.timer.setTimeout(() => {
      this.timer = undefined;
      void this.queue.run(() => this.runPass());
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.deps.timer.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async stopEngine(state: SyncStatus['state']): Promise<void> {
    this.clearTimer();
    const engine = this.engine;
    this.engine = undefined;
    this.linked = undefined;
    await engine?.idle();
    // The folder and the names are sealed (state.bin, device.json): a stopped sync says nothing of them.
    this.status = { ...this.status, state, folder: null, deviceName: null, devices: [], ownWaiting: 0 };
  }
}
