import { isAbsolute, relative, resolve } from 'node:path';

import type { Entry } from '../../shared/entry-schema';
import { AttuneError } from '../attune-error';
import { writeFileAtomic } from '../fs/durable-write';
import { toExportError } from '../fs/export-error';
import type { FsPort } from '../fs/fs-port';
import { toStorageErrorOrInternal } from '../fs/storage-error';
import { toCsv } from './export-csv';

/**
 * A plaintext copy of (part of) the history, written where the person chose.
 * Only after an explicit confirm, never inside the vault folder (that folder
 * promises ciphertext only), and atomically: the destination is the old file
 * or the complete export, never half of one.
 */
export type ExportFormat = 'json' | 'csv';

export interface ExportRange {
  from?: number | undefined;
  to?: number | undefined;
}

export interface ExportRequest {
  path: string;
  format: ExportFormat;
  range?: ExportRange | undefined;
  confirmPlaintext?: boolean | undefined;
}

export interface ExportResult {
  path: string;
  count: number;
  bytes: number;
}

export const toJson = (entries: readonly Entry[], range: ExportRange | undefined, exportedAt: number): string =>
  `${JSON.stringify({ format: 'attune-export', version: 1, exportedAt, range: { from: range?.from ?? null, to: range?.to ?? null }, entries }, null, 2)}\n`;

const inside = (parent: string, child: string): boolean => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** Pure checks before any byte is written. */
export const checkExportTarget = (request: ExportRequest, vaultDir: string): string => {
  if (request.confirmPlaintext !== true)
    throw new AttuneError('confirm-required', 'export writes readable text; it needs confirmPlaintext: true');
  if (!isAbsolute(request.path)) throw new AttuneError('invalid-request', 'export path must be absolute');
  const target = resolve(request.path);
  if (inside(resolve(vaultDir), target) || target === `${resolve(vaultDir)}.lock`) {
    throw new AttuneError('invalid-request', 'export path is inside the vault folder');
  }
  return target;
};

export const writeExport = async (
  fs: FsPort,
  request: ExportRequest,
  vaultDir: string,
  entries: readonly Entry[],
  exportedAt: number,
): Promise<ExportResult> => {
  const target = checkExportTarget(request, vaultDir);
  const text = request.format === 'csv' ? toCsv(entries) : toJson(entries, request.range, exportedAt);
  const data = Buffer.from(text, 'utf8');
  try {
    await writeFileAtomic(fs, target, data, 0o600);
  } catch (error) {
    // About the chosen place (gone, not writable, full), never "could not read that request".
    throw toExportError(error, 'write export') ?? toStorageErrorOrInternal(error, 'write export');
  }
  return { path: target, count: entries.length, bytes: data.length };
};
