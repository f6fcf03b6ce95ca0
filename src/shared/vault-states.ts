/**
 * The history's states and the passphrase limits, in one zod-free module: the
 * IPC contract (main), the copy and the renderer all read them from here, so
 * a change happens in one place.
 */
export const VAULT_STATES = ['not-set-up', 'locked', 'unlocked'] as const;
export type VaultState = (typeof VAULT_STATES)[number];

/** Shortest passphrase accepted; said before the person types one. */
export const PASSPHRASE_MIN = 8;
export const PASSPHRASE_MAX = 1024;
