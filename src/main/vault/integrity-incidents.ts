import { createHash } from 'node:crypto';
import { join } from 'node:path';

import { isLastingProblem as isLasting, type LastingProblemKind, MAX_INCIDENTS } from '../../shared/vault-incidents';
import { writeFileAtomic } from '../fs/durable-write';
import type { FsPort } from '../fs/fs-port';
import { readRegularFile } from '../fs/regular-file';
import { isNotFound } from '../fs/storage-error';
import { problem, type SeqRange, type VaultProblem } from './vault-problem';

/**
 * Records that went missing, came back out of order, or no longer link to
 * the one before (one was swapped in from another copy) are found at unlock,
 * and the roll that follows leaves a clean journal: the next unlock finds
 * nothing. So the finding is kept here, in `<vault>/incidents.json`, until the
 * person dismisses it in History. Damaged and torn bytes need no entry here:
 * their copies in recovered/ are their lasting trace.
 *
 * The file holds only kinds, seq ranges and when they were found (the journal
 * shows seqs in the clear anyway), never entry content. Unreadable or not
 * ours: read as none, never waited on (a FIFO is not read).
 */
export const INCIDENTS_FILE = 'incidents.json';
const FORMAT = 'attune-vault-incidents';

export interface IntegrityIncident {
  /** `<foundAt>-<6 hex>`: the time and a hash of what was found. */
  id: string;
  foundAt: number;
  problems: Array<{ kind: LastingProblemKind; affected: SeqRange[] }>;
}

/** Pure: the incident an unlock's problems make, or undefined when none of them needs one. */
export const incidentFrom = (problems: readonly VaultProblem[], foundAt: number): IntegrityIncident | undefined => {
  const lasting = problems.flatMap(({ kind, affected }) =>
    isLasting(kind) ? [{ kind, affected: affected.map(({ from, to }) => ({ from, to })) }] : [],
  );
  if (lasting.length === 0) return undefined;
  const tag = createHash('sha256').update(JSON.stringify(lasting)).digest('hex').slice(0, 6);
  return { id: `${foundAt}-${tag}`, foundAt, problems: lasting };
};

/**
 * Pure: the list with `incident` added, newest last. The same findings again
 * (disorder left in place while a damaged snapshot is held is found at every
 * unlock) are kept once, under their first time.
 */
export const withIncident = (list: readonly IntegrityIncident[], incident: IntegrityIncident): IntegrityIncident[] => {
  const same = JSON.stringify(incident.problems);
  if (list.some((kept) => JSON.stringify(kept.problems) === same)) return [...list];
  return [...list, incident].slice(-MAX_INCIDENTS);
};

const isRange = (value: unknown): value is SeqRange => {
  const { from, to } = (value ?? {}) as Partial<SeqRange>;
  return Number.isSafeInteger(from) && Number.isSafeInteger(to) && (from as number) >= 0 && (to as number) >= (from as number);
};

const isIncident = (value: unknown): value is IntegrityIncident => {
  const { id, foundAt, problems } = (value ?? {}) as Partial<IntegrityIncident>;
  return (
    typeof id === 'string' &&
    /^\d{1,16}-[0-9a-f]{6}$/.test(id) &&
    Number.isSafeInteger(foundAt) &&
    (foundAt as number) >= 0 &&
    Array.isArray(problems) &&
    problems.length > 0 &&
    problems.every((found) => isLasting(found?.kind) && Array.isArray(found.affected) && found.affected.every(isRange))
  );
};

const onePerKind = (problems: IntegrityIncident['problems']): IntegrityIncident['problems'] => {
  const kinds = new Set<string>();
  return problems
    .filter(({ kind }) => !kinds.has(kind) && Boolean(kinds.add(kind)))
    .map(({ kind, affected }) => ({
      kind,
      affected: problem(
        kind,
        affected.map(({ from, to }) => ({ from, to })),
      ).affected,
    }));
};

/** Pure: the incidents in the file's text; what is not ours is left out. */
export const parseIncidents = (text: string): IntegrityIncident[] => {
  try {
    const value = JSON.parse(text) as { format?: unknown; incidents?: unknown };
    if (value.format !== FORMAT || !Array.isArray(value.incidents)) return [];
    // Shaped to what the status channel accepts, whatever the file says: each id and each kind once, ranges capped.
    const ids = new Set<string>();
    return value.incidents
      .filter(isIncident)
      .filter(({ id }) => !ids.has(id) && Boolean(ids.add(id)))
      .map(({ id, foundAt, problems }) => ({ id, foundAt, problems: onePerKind(problems) }))
      .slice(-MAX_INCIDENTS);
  } catch {
    return [];
  }
};

/** Twenty small incidents are a few KiB; a larger file is not ours and is not read. */
const MAX_INCIDENTS_BYTES = 256 * 1024;

export const readIncidents = async (dir: string): Promise<IntegrityIncident[]> => {
  try {
    return parseIncidents((await readRegularFile(join(dir, INCIDENTS_FILE), MAX_INCIDENTS_BYTES)).toString('utf8'));
  } catch {
    // Missing, unreadable, or not a regular file: nothing kept (the next write puts a real file in its place).
    return [];
  }
};

const writeIncidents = async (fs: FsPort, dir: string, list: readonly IntegrityIncident[]): Promise<void> => {
  const path = join(dir, INCIDENTS_FILE);
  if (list.length === 0) {
    await fs.unlink(path).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
    return;
  }
  await writeFileAtomic(fs, path, Buffer.from(`${JSON.stringify({ format: FORMAT, version: 1, incidents: list }, null, 2)}\n`, 'utf8'));
};

/** Keeps what an unlock found, durably. Throws what the disk refuses. */
export const recordIncident = async (fs: FsPort, dir: string, problems: readonly VaultProblem[], foundAt: number): Promise<void> => {
  const incident = incidentFrom(problems, foundAt);
  if (!incident) return;
  const kept = await readIncidents(dir);
  const next = withIncident(kept, incident);
  if (next.length !== kept.length || next[0]?.id !== kept[0]?.id) await writeIncidents(fs, dir, next);
};

/** The person has seen it: it goes. Unknown ids change nothing. */
export const dismissIncident = async (fs: FsPort, dir: string, id: string): Promise<IntegrityIncident[]> => {
  const kept = await readIncidents(dir);
  const next = kept.filter((incident) => incident.id !== id);
  if (next.length !== kept.length) await writeIncidents(fs, dir, next);
  return next;
};
