import type { ErrorCode } from '../ipc/result';
import { plural } from './plural';

/**
 * What a person reads when something does not work. Say what happened, that
 * nothing was lost (only where that is true), and what they can do next.
 * Never blame, never alarm, never a stack trace.
 */
export const errorCopy: Record<ErrorCode, string> = {
  'unknown-channel': 'Attune could not do that. Nothing was changed.',
  'untrusted-sender': 'Attune could not do that. Nothing was changed.',
  'invalid-request': 'Attune could not read that request. Nothing was changed.',
  internal: 'Something went wrong inside Attune. Nothing was changed. You can try again.',
  'shortcut-invalid': 'That key combination cannot be used as a shortcut. Your current shortcut still works.',
  'shortcut-taken': 'Another app is using that shortcut. Your current shortcut still works. Try a different one?',
  'vault-not-set-up': 'Your private history is not set up yet.',
  'vault-already-set-up': 'Your private history is already set up.',
  'vault-locked': 'Your history is locked. Unlock it to save or read entries.',
  locked: 'Attune is locked. Unlock it to change this. Nothing was changed.',
  'vault-busy': 'Attune is open in another window or process. Close it and try again.',
  'wrong-passphrase': 'That passphrase did not unlock your history. Nothing was changed. Try again?',
  'passphrase-malformed': 'That passphrase has a character Attune cannot read. Nothing was changed. Try typing it again?',
  'too-many-attempts': 'Let’s wait a moment before trying again. Nothing was changed.',
  'keychain-unavailable': 'This computer’s keychain is not available. You can use a passphrase instead.',
  'not-found': 'That entry is no longer there.',
  'disk-full': 'Couldn’t save — the disk is full. Everything saved before is safe. Free some space and try again.',
  'read-only': 'Couldn’t save — Attune cannot write to its folder. Everything saved before is safe.',
  'vault-damaged': 'Part of your history could not be read. Everything that could be read is safe and has been kept.',
  'confirm-required': 'Please confirm before Attune writes an unencrypted copy.',
  'recovery-key-gone': 'This recovery key was not kept, so it cannot open your history. Nothing else was changed.',
  'history-older':
    'This history looks older than the last one Attune saw, so Attune has not opened it. Nothing was changed. You can choose what to do in History.',
  // Saving a copy where the person chose: say which place, that the history is as it was, and what helps.
  'export-folder-missing':
    'Couldn’t save the file — that folder is not there any more. Your history is unchanged. Try again and choose another folder?',
  'export-not-writable':
    'Couldn’t save the file — Attune can’t write in that folder. Your history is unchanged. Try again and choose another folder, like Documents?',
  'export-disk-full':
    'Couldn’t save the file — there is no space left on that disk. Your history is unchanged. Free some space, or try again and choose another place.',
};

/** Added to a throttled answer, so nobody waits without knowing for how long. */
export const waitCopy = (seconds: number): string =>
  seconds < 60
    ? `You can try again in ${plural(Math.max(1, Math.ceil(seconds)), { one: '# second', other: '# seconds' })}.`
    : `You can try again in about ${plural(Math.ceil(seconds / 60), { one: '# minute', other: '# minutes' })}.`;
