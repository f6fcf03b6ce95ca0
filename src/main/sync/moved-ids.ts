import { z } from 'zod';

/**
 * After a move to a new device id (docs/sync-format.md §4.3), the old id's
 * folder stays: the other copy may still write there (a clone that stayed),
 * and only its owner may delete it. A computer that moved says so in its
 * sealed device.json, with the newest seq of the old id it had merged when it
 * moved. Readers then fold the old id into the new one — no second row with
 * the same name, no "Added on ‹its own name›" — for as long as the old
 * folder shows nothing newer and nothing to say. The moment it does (the
 * other copy goes on), it is a computer of its own again.
 */
export const MAX_MOVED_FROM = 16;
export const movedFromSchema = z
  .array(z.strictObject({ deviceId: z.string().regex(/^[0-9a-f]{32}$/), seq: z.number().int().min(0).max(0xffff_ffff) }))
  .max(MAX_MOVED_FROM);
export type MovedFrom = z.infer<typeof movedFromSchema>;

/** `list` with one more move; an id already there keeps the greater seq; the oldest go past the cap. */
export const withMove = (list: MovedFrom | undefined, move: MovedFrom[number]): MovedFrom => {
  const known = list?.find((each) => each.deviceId === move.deviceId);
  const rest = (list ?? []).filter((each) => each.deviceId !== move.deviceId);
  return [...rest, { deviceId: move.deviceId, seq: Math.max(move.seq, known?.seq ?? 0) }].slice(-MAX_MOVED_FROM);
};

/** What a device's row needs for this decision: its id, the newest seq accepted from it, and whether it has anything to say. */
export interface FoldableDevice {
  readonly deviceId: string;
  readonly newest: number;
  readonly waiting: readonly unknown[];
  readonly backwards: boolean;
  readonly pending: number;
  readonly unreadable: number;
  readonly held: number;
  readonly needsKey: readonly unknown[];
}

const quiet = (device: FoldableDevice): boolean =>
  device.waiting.length === 0 &&
  !device.backwards &&
  device.pending + device.unreadable + device.held === 0 &&
  device.needsKey.length === 0;

/**
 * Which rows to show, and what each folded old id now stands for. `moves`
 * maps each device id to what its device.json says it moved from (this
 * computer's own included). An old id folds into its successor when its
 * folder shows nothing past the seq the successor recorded and nothing to
 * say; chains (a move after a move) resolve to the newest id. A device never
 * folds into itself, and a cycle folds nothing.
 */
export const foldMoved = <D extends FoldableDevice>(
  devices: readonly D[],
  moves: ReadonlyMap<string, MovedFrom>,
): { shown: D[]; folded: Map<string, string> } => {
  const byId = new Map(devices.map((device) => [device.deviceId, device]));
  const successor = new Map<string, string>();
  for (const [newId, list] of moves)
    for (const { deviceId: oldId, seq } of list) {
      if (oldId === newId) continue;
      const old = byId.get(oldId);
      // No row for it (its folder is gone) folds too: nothing from it can be said.
      if (!old || (old.newest <= seq && quiet(old))) successor.set(oldId, newId);
    }
  const folded = new Map<string, string>();
  for (const oldId of successor.keys()) {
    let at = oldId;
    const seen = new Set<string>([at]);
    while (successor.has(at)) {
      at = successor.get(at) as string;
      if (seen.has(at)) break;
      seen.add(at);
    }
    if (at !== oldId && !successor.has(at)) folded.set(oldId, at);
  }
  return { shown: devices.filter((device) => !folded.has(device.deviceId)), folded };
};
