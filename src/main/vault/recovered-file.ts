import { createHash } from 'node:crypto';
import { join } from 'node:path';

import { fsyncDir, writeFileAtomic } from '../fs/durable-write';
import type { FsPort } from '../fs/fs-port';
import { isNotFound } from '../fs/storage-error';
import { toB64u } from './encoding';
import type { VaultProblem } from './vault-problem';

/**
 * recovered/: where damaged or torn bytes go before the live files are
 * cleaned up. Bytes are copied exactly (they are ciphertext, so nothing
 * readable lands here) together with the problem report, and made durable
 * before the journal or snapshot is touched: the live file is only ever cut
 * back after its bytes are safe on disk elsewhere.
 */
export const RECOVERED_DIR = 'recovered';

export interface SetAsidePiece {
  source: 'journal' | 'snapshot';
  /** Seq the bytes claim or were placed at; null when it could not be told. */
  seq: number | null;
  /** Byte offset in the source file (for the snapshot: of the damaged frame). */
  offset: number;
  bytes: Buffer;
}

export const writeRecoveredFile = async (
  fs: FsPort,
  dir: string,
  foundAt: number,
  problems: readonly VaultProblem[],
  pieces: readonly SetAsidePiece[],
): Promise<string> => {
  const folder = join(dir, RECOVERED_DIR);
  const existed = (await fs.size(folder)) !== undefined;
  await fs.mkdir(folder, 0o700);
  if (!existed) await fsyncDir(fs, dir);
  const savedPieces = pieces.map((piece) => ({ source: piece.source, seq: piece.seq, offset: piece.offset, bytes: toB64u(piece.bytes) }));
  const serialized = JSON.stringify(savedPieces);
  // Named by its pieces: damage that stays in place (a held snapshot) is found again at every unlock and kept once.
  const tag = createHash('sha256').update(serialized).digest('hex').slice(0, 6);
  const same = await findSameIncident(fs, folder, tag, serialized);
  if (same) return same;
  const name = `incident-${foundAt}-${tag}.json`;
  const body = {
    format: 'attune-vault-incident',
    version: 1,
    foundAt,
    problems: problems.map(({ kind, affected }) => ({ kind, affected })),
    pieces: savedPieces,
  };
  await writeFileAtomic(fs, join(folder, name), Buffer.from(`${JSON.stringify(body, null, 2)}\n`, 'utf8'));
  return name;
};

const findSameIncident = async (fs: FsPort, folder: string, tag: string, serialized: string): Promise<string | undefined> => {
  for (const name of await fs.readdir(folder)) {
    if (!name.startsWith('incident-') || !name.endsWith(`-${tag}.json`)) continue;
    try {
      const kept = JSON.parse((await fs.readFile(join(folder, name))).toString('utf8')) as { pieces?: unknown };
      if (JSON.stringify(kept.pieces) === serialized) return name;
    } catch {
      // Unreadable or not ours: write a fresh copy beside it.
    }
  }
  return undefined;
};

/**
 * Something other than a regular file (a FIFO, a device, a folder) stood
 * where a live vault file belongs. It holds nothing Attune wrote, so it is
 * not copied: it is moved into recovered/ as it is, out of the way of the
 * repair that follows.
 */
export const moveNotAFileAside = async (fs: FsPort, dir: string, foundAt: number, name: string): Promise<string> => {
  const folder = join(dir, RECOVERED_DIR);
  const existed = (await fs.size(folder)) !== undefined;
  await fs.mkdir(folder, 0o700);
  if (!existed) await fsyncDir(fs, dir);
  const aside = `not-a-file-${foundAt}-${name}`;
  await fs.rename(join(dir, name), join(folder, aside));
  await fsyncDir(fs, folder);
  await fsyncDir(fs, dir);
  return aside;
};

export const countRecoveredFiles = async (fs: FsPort, dir: string): Promise<number> => {
  try {
    return (await fs.readdir(join(dir, RECOVERED_DIR))).filter((name) => !name.startsWith('.')).length;
  } catch (error) {
    if (isNotFound(error)) return 0;
    throw error;
  }
};
