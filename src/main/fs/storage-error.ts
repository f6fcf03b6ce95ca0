import { AttuneError, isAttuneError } from '../attune-error';

const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const READ_ONLY = new Set(['EACCES', 'EPERM', 'EROFS']);

/** Pure: maps a file-system error to the calm, typed error a person sees; other errors pass through. */
export const toStorageError = (error: unknown): unknown => {
  if (isAttuneError(error)) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && FULL.has(code)) return new AttuneError('disk-full', code, { cause: error });
  if (code && READ_ONLY.has(code)) return new AttuneError('read-only', code, { cause: error });
  return error;
};
