/**
 * The envelope every IPC call resolves to. Nothing throws across the bridge:
 * Electron only carries an Error's `message`, so errors travel as data with a
 * stable code the renderer can branch on, and a calm message it can show.
 */
export const ERROR_CODES = [
  // transport / contract
  'unknown-channel',
  'untrusted-sender',
  'invalid-request',
  'internal',
  // settings / platform
  'shortcut-invalid',
  'shortcut-taken',
  // vault
  'vault-not-set-up',
  'vault-already-set-up',
  'vault-locked',
  'locked',
  'vault-busy',
  'wrong-passphrase',
  'passphrase-malformed',
  'too-many-attempts',
  'keychain-unavailable',
  'not-found',
  'disk-full',
  'read-only',
  'vault-damaged',
  'confirm-required',
  'recovery-key-gone',
  // synced: a new recovery key alone would leave the folder's key file opening with the old one (sync-format.md §11 Q11)
  'synced-new-key',
  // the history on disk is older than the last one Attune saw, and the person has not chosen yet
  'history-older',
  // a file the person chose where to save (export, summary): the place, not Attune's own folder
  'export-folder-missing',
  'export-not-writable',
  'export-disk-full',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface IpcError {
  code: ErrorCode;
  message: string;
  /** Seconds to wait before trying again, for throttled calls. */
  retryAfterSeconds?: number;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = (error: IpcError): IpcResult<never> => ({ ok: false, error });
