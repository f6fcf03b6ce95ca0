import { AttuneError, isAttuneError } from '../attune-error';
import { errnoCode } from './storage-error';

/**
 * A file written where the person chose (an export, a summary) fails for
 * reasons about that place, not about Attune's own folder: the folder went
 * away (a removed drive, a deleted folder), it cannot be written, or its disk
 * is full. Each gets its own code, so the message says which and what helps.
 * Any other error is left to the caller (logged with its stack, told calmly).
 */
const MISSING = new Set(['ENOENT', 'ENOTDIR']);
const NOT_WRITABLE = new Set(['EROFS', 'EACCES', 'EPERM', 'EISDIR']);
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/** Pure: the typed error for a failed write of a chosen file, or undefined when the error is not about the place. */
export const toExportError = (error: unknown, action: string): AttuneError | undefined => {
  if (isAttuneError(error)) return undefined;
  const code = errnoCode(error);
  const detail = `${action}: ${code ?? 'unknown'}`;
  if (code && MISSING.has(code)) return new AttuneError('export-folder-missing', detail, { cause: error });
  if (code && NOT_WRITABLE.has(code)) return new AttuneError('export-not-writable', detail, { cause: error });
  if (code && DISK_FULL.has(code)) return new AttuneError('export-disk-full', detail, { cause: error });
  return undefined;
};
