import type { ErrorCode } from '../shared/ipc/result';

/**
 * A domain error with a stable code. Domain modules throw these; the IPC
 * dispatcher turns them into `{ ok: false, error }` with the calm message from
 * the copy module, so no stack trace ever reaches a person.
 */
export class AttuneError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(detail ?? code, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AttuneError';
    this.code = code;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

export const isAttuneError = (value: unknown): value is AttuneError => value instanceof AttuneError;
