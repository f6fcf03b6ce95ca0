import { AttuneError, isAttuneError } from '../attune-error';

/**
 * Turn a file-system error into the typed error the person's UI can explain.
 * Only the codes a person can act on get their own error code; anything else
 * stays 'internal' with the original error kept as `cause` for the local log.
 */
export const errnoCode = (error: unknown): string | undefined => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
};

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);

export const isDiskError = (error: unknown): boolean => {
  const code = errnoCode(error);
  return code !== undefined && (DISK_FULL.has(code) || READ_ONLY.has(code));
};

/** Raw errno or already mapped: is this "no space" or "cannot write here" (conditions that may pass)? */
export const isDiskFailure = (error: unknown): boolean =>
  isDiskError(error) || (isAttuneError(error) && (error.code === 'disk-full' || error.code === 'read-only'));

export const toVaultError = (error: unknown, action: string): AttuneError => {
  if (isAttuneError(error)) return error;
  const code = errnoCode(error);
  if (code && DISK_FULL.has(code)) return new AttuneError('disk-full', `${action}: ${code}`, { cause: error });
  if (code && READ_ONLY.has(code)) return new AttuneError('read-only', `${action}: ${code}`, { cause: error });
  return new AttuneError('internal', `${action} failed${code ? `: ${code}` : ''}`, { cause: error });
};
