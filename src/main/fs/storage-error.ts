import { AttuneError, isAttuneError } from '../attune-error';

/**
 * File-system errors, told apart and turned into the typed errors a person's
 * UI can explain. Only the codes a person can act on (no space, cannot write
 * here) get their own error code. Two ways to map, differing only in what
 * happens to every other error:
 * - `toStorageError(error)` passes it through unchanged (callers whose other
 *   errors are already meaningful, e.g. a settings applier's veto);
 * - `toStorageErrorOrInternal(error, action)` always gives an AttuneError:
 *   the rest becomes 'internal', with the original kept as `cause` for the
 *   local log and the action named in the message (the vault).
 */

export const errnoCode = (error: unknown): string | undefined => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
};

export const isNotFound = (error: unknown): boolean => errnoCode(error) === 'ENOENT';

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);

export const isDiskError = (error: unknown): boolean => {
  const code = errnoCode(error);
  return code !== undefined && (DISK_FULL.has(code) || READ_ONLY.has(code));
};

/** Raw errno or already mapped: is this "no space" or "cannot write here" (conditions that may pass)? */
export const isDiskFailure = (error: unknown): boolean =>
  isDiskError(error) || (isAttuneError(error) && (error.code === 'disk-full' || error.code === 'read-only'));

/** The typed error for a disk code, with `message`; undefined for any other error. */
const diskError = (error: unknown, code: string | undefined, message: string): AttuneError | undefined => {
  if (code && DISK_FULL.has(code)) return new AttuneError('disk-full', message, { cause: error });
  if (code && READ_ONLY.has(code)) return new AttuneError('read-only', message, { cause: error });
  return undefined;
};

/** Pure: a disk error becomes disk-full or read-only; an AttuneError or any other error passes through unchanged. */
export const toStorageError = (error: unknown): unknown => {
  if (isAttuneError(error)) return error;
  const code = errnoCode(error);
  return diskError(error, code, code ?? '') ?? error;
};

/** Pure: always an AttuneError: disk-full or read-only for a disk error, 'internal' for anything not typed already. */
export const toStorageErrorOrInternal = (error: unknown, action: string): AttuneError => {
  if (isAttuneError(error)) return error;
  const code = errnoCode(error);
  return (
    diskError(error, code, `${action}: ${code}`) ??
    new AttuneError('internal', `${action} failed${code ? `: ${code}` : ''}`, { cause: error })
  );
};
