import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A sync tool at its worst, between replicas of one sync folder on one
 * machine (docs/sync-format.md §10, issue 18's copier). Each replica is one
 * computer's `F/attune-sync`; each computer writes only its own
 * `devices/<id>/` there. Driven by a seeded random source, a step copies a
 * file between replicas — faithfully, cut short, as zero bytes, as a
 * Syncthing temp file, or as a Syncthing/Dropbox/OneDrive/Nextcloud conflict
 * copy — or propagates a delete, reverts a folder to an earlier snapshot,
 * brings a deleted file back, duplicates a device folder under another
 * name or id, or drops garbage under an exact-looking name. `settle` then
 * behaves: every replica's copy of a device's folder becomes what that
 * device's own replica holds (the leftovers a tool leaves beside — conflict
 * copies, temp files, duplicated folders — stay, as they do in life).
 */
export type Random = () => number;

const HEX32 = /^[0-9a-f]{32}$/;
const EXACT = /^(seg-\d{8}-[0-9a-f]{64}\.alog|device\.json)$/;

export interface CopierCounts {
  faithful: number;
  truncated: number;
  zeroByte: number;
  syncthingTemp: number;
  conflict: number;
  deletePropagated: number;
  reverted: number;
  resurrected: number;
  duplicated: number;
  garbage: number;
}

type Snapshot = { replica: number; device: string; files: Map<string, Buffer> };

const pick = <T>(random: Random, items: readonly T[]): T | undefined =>
  items.length === 0 ? undefined : items[Math.floor(random() * items.length)];

const names = async (dir: string): Promise<string[]> => readdir(dir).catch((): string[] => []);

const CONFLICT_NAMES: ((name: string, random: Random) => string)[] = [
  (name) => name.replace(/\.(alog|json)$/, '.sync-conflict-20261204-094500-ABCDEFG.$1'),
  (name) => name.replace(/\.(alog|json)$/, " (Sam's conflicted copy 2026-12-04).$1"),
  (name) => name.replace(/\.(alog|json)$/, ' (conflicted copy 2026-12-04 094500).$1'),
  (name, random) => name.replace(/\.(alog|json)$/, `-${random() < 0.5 ? 'LAPTOP' : '2'}.$1`),
  (name) => name.replace(/\.(alog|json)$/, '_conflict-20261204-094500.$1'),
  (name) => name.replace(/\.(alog|json)$/, ' (1).$1'),
];

export class AdversarialCopier {
  readonly counts: CopierCounts = {
    faithful: 0,
    truncated: 0,
    zeroByte: 0,
    syncthingTemp: 0,
    conflict: 0,
    deletePropagated: 0,
    reverted: 0,
    resurrected: 0,
    duplicated: 0,
    garbage: 0,
  };
  private readonly snapshots: Snapshot[] = [];
  /**
   * Device ids written from more than one replica (a cloned computer with
   * its own copy of the folder, §4.3): every writer replica, and the names
   * the tool agreed on at the last settle, so that a file one writer
   * deleted since is deleted everywhere and one it added is added.
   */
  private readonly shared = new Map<string, { writers: number[]; agreed: Set<string> }>();

  /**
   * `replicas[i]` is computer i's `F/attune-sync`; `owners` maps each device id
   * to the replica its computer writes. Either may grow during a run (a new
   * replica for a clone, a new id after a move).
   */
  constructor(
    private readonly random: Random,
    private readonly replicas: readonly string[],
    private readonly owners: ReadonlyMap<string, number>,
  ) {}

  private devicesDir(replica: number): string {
    return join(this.replicas[replica] as string, 'devices');
  }

  private async deviceFolders(replica: number): Promise<string[]> {
    return (await names(this.devicesDir(replica))).filter((name) => HEX32.test(name));
  }

  private otherReplica(not: number): number {
    const others = this.replicas.map((_, index) => index).filter((index) => index !== not);
    return pick(this.random, others) as number;
  }

  /** One misbehaviour (or an ordinary copy); returns what it did, for a failing seed's log. */
  async step(): Promise<string> {
    const roll = this.random();
    if (roll < 0.55) return this.copy();
    if (roll < 0.67) return this.propagateDelete();
    if (roll < 0.75) return this.snapshotOrRevert();
    if (roll < 0.83) return this.resurrect();
    if (roll < 0.9) return this.duplicate();
    return this.garbage();
  }

  private async copy(): Promise<string> {
    const from = Math.floor(this.random() * this.replicas.length);
    const device = pick(this.random, await this.deviceFolders(from));
    if (!device) return 'copy: nothing to copy';
    const file = pick(
      this.random,
      (await names(join(this.devicesDir(from), device))).filter((name) => EXACT.test(name)),
    );
    if (!file) return 'copy: empty folder';
    const to = this.otherReplica(from);
    const bytes = await readFile(join(this.devicesDir(from), device, file)).catch(() => undefined);
    if (!bytes) return 'copy: vanished';
    const dir = join(this.devicesDir(to), device);
    await mkdir(dir, { recursive: true });
    const how = this.random();
    const what = `${file.slice(0, 12)} of ${device.slice(0, 6)} ${from}→${to}`;
    if (how < 0.62) {
      await writeAtomic(join(dir, file), bytes);
      this.counts.faithful += 1;
      return `copy ${what}`;
    }
    if (how < 0.72) {
      await writeFile(join(dir, file), bytes.subarray(0, Math.floor(this.random() * bytes.length)));
      this.counts.truncated += 1;
      return `truncated copy ${what}`;
    }
    if (how < 0.77) {
      await writeFile(join(dir, file), Buffer.alloc(0));
      this.counts.zeroByte += 1;
      return `zero-byte copy ${what}`;
    }
    if (how < 0.85) {
      const temp = this.random() < 0.5 ? `.syncthing.${file}.tmp` : `~syncthing~${file}.tmp`;
      await writeFile(join(dir, temp), bytes.subarray(0, Math.floor(this.random() * bytes.length)));
      this.counts.syncthingTemp += 1;
      return `syncthing temp ${what}`;
    }
    const conflict = (pick(this.random, CONFLICT_NAMES) as (typeof CONFLICT_NAMES)[number])(file, this.random);
    // A conflict copy holds either the same bytes or another version of the file; neither may ever be read.
    const content = this.random() < 0.5 ? bytes : Buffer.concat([bytes, Buffer.from('edited elsewhere')]);
    await writeFile(join(dir, conflict), content);
    this.counts.conflict += 1;
    return `conflict copy ${conflict.slice(0, 12)}… ${what}`;
  }

  /** The owner removed a file (a checkpoint superseded it); a replica learns of it. */
  private async propagateDelete(): Promise<string> {
    const to = Math.floor(this.random() * this.replicas.length);
    const device = pick(this.random, await this.deviceFolders(to));
    const owner = device === undefined ? undefined : this.owners.get(device);
    if (device === undefined || owner === undefined || owner === to) return 'delete: nothing to propagate';
    const ownerHas = new Set(await names(join(this.devicesDir(owner), device)));
    const gone = (await names(join(this.devicesDir(to), device))).filter((name) => EXACT.test(name) && !ownerHas.has(name));
    const file = pick(this.random, gone);
    if (!file) return 'delete: nothing to propagate';
    await rm(join(this.devicesDir(to), device, file), { force: true });
    this.counts.deletePropagated += 1;
    return `delete ${file.slice(0, 12)} of ${device.slice(0, 6)} in ${to}`;
  }

  /** Remember a device folder as it is now, or put one back as it was (a restored backup, a reverted cloud folder). */
  private async snapshotOrRevert(): Promise<string> {
    const replica = Math.floor(this.random() * this.replicas.length);
    const device = pick(this.random, await this.deviceFolders(replica));
    if (!device) return 'snapshot: nothing';
    const earlier = this.snapshots.filter((snapshot) => snapshot.replica === replica && snapshot.device === device);
    const dir = join(this.devicesDir(replica), device);
    if (earlier.length === 0 || this.random() < 0.5) {
      const files = new Map<string, Buffer>();
      for (const name of (await names(dir)).filter((found) => EXACT.test(found))) {
        const bytes = await readFile(join(dir, name)).catch(() => undefined);
        if (bytes) files.set(name, bytes);
      }
      this.snapshots.push({ replica, device, files });
      return `snapshot ${device.slice(0, 6)} in ${replica}`;
    }
    const snapshot = pick(this.random, earlier) as Snapshot;
    for (const name of (await names(dir)).filter((found) => EXACT.test(found)))
      if (!snapshot.files.has(name)) await rm(join(dir, name), { force: true });
    for (const [name, bytes] of snapshot.files) await writeAtomic(join(dir, name), bytes);
    this.counts.reverted += 1;
    return `revert ${device.slice(0, 6)} in ${replica} to ${snapshot.files.size} files`;
  }

  /** A file deleted since a snapshot comes back (a sync tool's restore, a second computer that was offline). */
  private async resurrect(): Promise<string> {
    const snapshot = pick(this.random, this.snapshots);
    if (!snapshot) return 'resurrect: no snapshot yet';
    const to = Math.floor(this.random() * this.replicas.length);
    const dir = join(this.devicesDir(to), snapshot.device);
    const present = new Set(await names(dir));
    const file = pick(
      this.random,
      [...snapshot.files.keys()].filter((name) => !present.has(name)),
    );
    if (!file) return 'resurrect: nothing missing';
    await mkdir(dir, { recursive: true });
    await writeAtomic(join(dir, file), snapshot.files.get(file) as Buffer);
    this.counts.resurrected += 1;
    return `resurrect ${file.slice(0, 12)} of ${snapshot.device.slice(0, 6)} in ${to}`;
  }

  /** A device folder copied beside itself: `<id> (1)`, `<id>-2`, or under another device's id. */
  private async duplicate(): Promise<string> {
    const replica = Math.floor(this.random() * this.replicas.length);
    const device = pick(this.random, await this.deviceFolders(replica));
    if (!device) return 'duplicate: nothing';
    const how = this.random();
    const otherId = [...device].reverse().join('');
    const target = how < 0.4 ? `${device} (1)` : how < 0.7 ? `${device}-2` : otherId;
    const from = join(this.devicesDir(replica), device);
    const to = join(this.devicesDir(replica), target);
    await mkdir(to, { recursive: true });
    for (const name of await names(from)) {
      const bytes = await readFile(join(from, name)).catch(() => undefined);
      if (bytes && (await stat(join(from, name))).isFile()) await writeFile(join(to, name), bytes);
    }
    this.counts.duplicated += 1;
    return `duplicate ${device.slice(0, 6)} as ${target.slice(0, 10)} in ${replica}`;
  }

  private async garbage(): Promise<string> {
    const replica = Math.floor(this.random() * this.replicas.length);
    const device = pick(this.random, await this.deviceFolders(replica));
    if (!device) return 'garbage: nothing';
    const hex = Array.from({ length: 64 }, () => '0123456789abcdef'[Math.floor(this.random() * 16)]).join('');
    const name = `seg-${String(1 + Math.floor(this.random() * 30)).padStart(8, '0')}-${hex}.alog`;
    const bytes = Buffer.from(Array.from({ length: Math.floor(this.random() * 2000) }, () => Math.floor(this.random() * 256)));
    await writeFile(join(this.devicesDir(replica), device, name), bytes);
    this.counts.garbage += 1;
    return `garbage ${name.slice(0, 12)} in ${device.slice(0, 6)} of ${replica}`;
  }

  /** A second replica writes as `device` from now on (a clone of its computer, with a copy of the folder as it is now). */
  async shareDevice(device: string, replica: number): Promise<void> {
    const owner = this.owners.get(device);
    if (owner === undefined) throw new Error(`no owner for ${device}`);
    const agreed = new Set((await names(join(this.devicesDir(owner), device))).filter((name) => EXACT.test(name)));
    this.shared.set(device, { writers: [owner, replica], agreed });
  }

  /** What a two-way tool settles on for a device written from several replicas: additions and deletions from each writer. */
  private async sharedWanted(device: string): Promise<Map<string, Buffer>> {
    const share = this.shared.get(device) as { writers: number[]; agreed: Set<string> };
    const held = await Promise.all(
      share.writers.map(async (writer) => new Set((await names(join(this.devicesDir(writer), device))).filter((name) => EXACT.test(name)))),
    );
    const truth = new Set<string>();
    for (const each of held) for (const name of each) if (!share.agreed.has(name)) truth.add(name);
    for (const name of share.agreed) if (held.every((each) => each.has(name))) truth.add(name);
    const wanted = new Map<string, Buffer>();
    for (const name of truth) {
      // The whole file from whichever writer has it whole (a writer's replica may hold a cut copy of the other's).
      for (const writer of share.writers) {
        const bytes = await readFile(join(this.devicesDir(writer), device, name)).catch(() => undefined);
        if (bytes && (name === 'device.json' || createHash('sha256').update(bytes).digest('hex') === name.slice(-69, -5))) {
          wanted.set(name, bytes);
          break;
        }
      }
    }
    share.agreed = new Set(wanted.keys());
    return wanted;
  }

  /**
   * The tool catches up: each replica's copy of each device's folder
   * becomes, byte for byte, what the device's own replica holds (exact names
   * only; leftovers beside them stay); a device written from several
   * replicas becomes what they agree on. Returns how many files it changed.
   */
  async settle(): Promise<number> {
    let changed = 0;
    for (const [device, owner] of this.owners) {
      const source = join(this.devicesDir(owner), device);
      let wanted = new Map<string, Buffer>();
      if (this.shared.has(device)) wanted = await this.sharedWanted(device);
      else
        for (const name of (await names(source)).filter((found) => EXACT.test(found))) wanted.set(name, await readFile(join(source, name)));
      for (let replica = 0; replica < this.replicas.length; replica += 1) {
        if (replica === owner && !this.shared.has(device)) continue;
        const dir = join(this.devicesDir(replica), device);
        await mkdir(dir, { recursive: true });
        for (const name of (await names(dir)).filter((found) => EXACT.test(found)))
          if (!wanted.has(name)) {
            await rm(join(dir, name), { force: true });
            changed += 1;
          }
        for (const [name, bytes] of wanted) {
          const there = await readFile(join(dir, name)).catch(() => undefined);
          if (there?.equals(bytes)) continue;
          await writeAtomic(join(dir, name), bytes);
          changed += 1;
        }
      }
    }
    return changed;
  }
}

const writeAtomic = async (path: string, bytes: Buffer): Promise<void> => {
  const temp = `${path}.copier-${process.pid}.part`;
  await writeFile(temp, bytes);
  await rename(temp, path);
};
