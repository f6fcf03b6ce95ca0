import { z } from 'zod';

import { STATE_IDS } from '../entry-ids';
import { entryInputSchema, entrySchema } from '../entry-schema';
import { EPOCH_MS_MAX } from '../epoch';
import { LASTING_PROBLEM_KINDS, MAX_INCIDENTS } from '../vault-incidents';
import { PASSPHRASE_MAX, PASSPHRASE_MIN, VAULT_STATES } from '../vault-states';
import { channel } from './channel';

/**
 * The vault's IPC channels. Nothing here carries key material: the renderer
 * sends a passphrase or recovery key in, and gets status, entries and counts
 * back. The one exception by design is `vault.setup`'s `recoveryKey`, which
 * exists to be shown to the person once and is never stored. It opens the
 * history only after `vault.keepRecoveryKey` (the person has written it down),
 * which sends that same key back as proof it is the one that was shown.
 */

export const LIST_LIMIT_MAX = 200;

const passphraseSchema = z.string().min(PASSPHRASE_MIN).max(PASSPHRASE_MAX);
/** Unlock accepts any non-empty string: a passphrase set under an older minimum must still open the vault. */
const anyPassphraseSchema = z.string().min(1).max(PASSPHRASE_MAX);
const epochMs = z.number().int().min(0).max(EPOCH_MS_MAX);
const entryId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** What proves the person can open the history now, for a change to its key: the keychain, or the passphrase it has. */
export const presentCredentialSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('keychain') }),
  z.strictObject({ method: z.literal('passphrase'), passphrase: anyPassphraseSchema }),
]);

export const credentialSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('keychain') }),
  z.strictObject({ method: z.literal('passphrase'), passphrase: anyPassphraseSchema }),
  z.strictObject({ method: z.literal('recovery'), recoveryKey: z.string().min(1).max(128) }),
]);

/** What an unlock can find that is not as written. Nothing is dropped silently; each names the seqs it affects. */
export const PROBLEM_KIND_IDS = [
  /** The last line was cut short (crash or power loss mid-append). Set aside; everything before it is intact. */
  'torn-tail',
  /** A record failed authentication (flipped or altered bytes). Set aside. */
  'damaged',
  /** Sequence numbers that should be there and are not (a record was removed). */
  'missing',
  /** Records out of order or duplicated. Their content is authentic and kept. */
  'reordered',
  /** A record does not link to its predecessor (one was replaced). Content authentic and kept. */
  'chain-broken',
  /** Part of the snapshot failed authentication or is missing. Set aside. */
  'snapshot-damaged',
  /** Damage was found but could not be moved aside yet (disk full or read-only); retried on the next write or unlock. */
  'cleanup-deferred',
  /**
   * The history is older than the last one Attune saw (its high-water mark):
   * nothing is shown or written until the person chooses (vault.acceptOlder).
   * `affected`: the seqs it lacks at its end, when that is how it is older.
   */
  'older-history',
] as const;

const affectedSchema = z.array(z.strictObject({ from: z.number().int().min(0), to: z.number().int().min(0) })).max(1000);

export const vaultProblemSchema = z.strictObject({
  kind: z.enum(PROBLEM_KIND_IDS),
  /** Affected sequence numbers as inclusive ranges; empty when they could not be told. */
  affected: affectedSchema,
  /** File under recovered/ holding the set-aside (still encrypted) bytes. */
  setAside: z.string().max(255).nullable(),
});

const incidentIdSchema = z.string().regex(/^\d{1,16}-[0-9a-f]{6}$/);
export const integrityIncidentSchema = z.strictObject({
  /** `<foundAt>-<6 hex>`. */
  id: incidentIdSchema,
  foundAt: z.number().int().min(0).max(EPOCH_MS_MAX),
  problems: z
    .array(z.strictObject({ kind: z.enum(LASTING_PROBLEM_KINDS), affected: affectedSchema }))
    .min(1)
    .max(LASTING_PROBLEM_KINDS.length),
});
const incidentsSchema = z.array(integrityIncidentSchema).max(MAX_INCIDENTS);

export const vaultStatusSchema = z.strictObject({
  state: z.enum(VAULT_STATES),
  methods: z.strictObject({ keychain: z.boolean(), passphrase: z.boolean(), recovery: z.boolean() }),
  keychainAvailable: z.boolean(),
  /** Only while unlocked. */
  entryCount: z.number().int().min(0).nullable(),
  /** What the last unlock found damaged or out of order; empty when all was as written. */
  problems: z.array(vaultProblemSchema).max(100),
  /** Files under recovered/ from this and earlier unlocks. */
  recoveredFiles: z.number().int().min(0),
});

const rangeSchema = z.strictObject({ from: epochMs.optional(), to: epochMs.optional() });

export const setupRequestSchema = z.strictObject({
  passphrase: passphraseSchema.optional(),
  useKeychain: z.boolean(),
  createRecoveryKey: z.boolean(),
});

export const listRequestSchema = z.strictObject({
  from: epochMs.optional(),
  to: epochMs.optional(),
  limit: z.number().int().min(1).max(LIST_LIMIT_MAX),
  cursor: z.string().max(64).optional(),
  /** Only entries of this kind (History shows check-ins); filtered in main, so only matches cross IPC. */
  kind: z.enum(['check-in', 'follow-up']).optional(),
  /** Only check-ins where this state was present. */
  state: z.enum(STATE_IDS).optional(),
});

export const exportRequestSchema = z.strictObject({
  /** Chosen in main's save dialog; must be absolute. */
  path: z
    .string()
    .min(1)
    .max(4096)
    .refine((path) => !path.includes('\0'), 'No NUL characters.')
    .refine((path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\'), 'Must be an absolute path.'),
  format: z.enum(['json', 'csv']),
  range: rangeSchema.optional(),
  /** Must be true: the export is readable by anyone who opens the file. Missing or false → 'confirm-required'. */
  confirmPlaintext: z.boolean().optional(),
});

export const vaultContract = {
  'vault.status': channel(z.undefined(), vaultStatusSchema),
  'vault.setup': channel(setupRequestSchema, z.strictObject({ status: vaultStatusSchema, recoveryKey: z.string().max(64).nullable() })),
  'vault.keepRecoveryKey': channel(z.strictObject({ recoveryKey: z.string().min(1).max(128) }), vaultStatusSchema),
  'vault.unlock': channel(credentialSchema, vaultStatusSchema),
  'vault.lock': channel(z.undefined(), vaultStatusSchema),
  'vault.append': channel(entryInputSchema, entrySchema),
  'vault.list': channel(
    listRequestSchema,
    z.strictObject({ entries: z.array(entrySchema).max(LIST_LIMIT_MAX), nextCursor: z.string().max(64).nullable() }),
  ),
  /** Locked: nothing is deleted yet; main keeps the delete (`deferred`) and carries it out at the next unlock. */
  'vault.delete': channel(
    z.strictObject({ id: entryId }),
    z.strictObject({ deletedIds: z.array(entryId).max(10_000), compacted: z.boolean(), deferred: z.boolean() }),
  ),
  'vault.erase': channel(z.strictObject({ confirm: z.literal(true) }), vaultStatusSchema),
  'vault.export': channel(
    exportRequestSchema,
    z.strictObject({ path: z.string().max(4096), count: z.number().int().min(0), bytes: z.number().int().min(0) }),
  ),
  /**
   * A new passphrase. With `replaceKey`, also a new encryption key for the
   * whole history (a re-key, see docs/vault-format.md): an older vault.json
   * and the old recovery key then open nothing written here. A recovery key
   * in use is made new then; it is answered once, like at setup, and works
   * once kept (vault.keepRecoveryKey or vault.saveRecoveryKey).
   */
  'vault.changePassphrase': channel(
    z.strictObject({ current: credentialSchema, next: passphraseSchema, replaceKey: z.boolean().optional() }),
    z.strictObject({ status: vaultStatusSchema, recoveryKey: z.string().max(64).nullable() }),
  ),
  /**
   * A new encryption key for the whole history, the passphrase staying as it
   * is (a re-key, see docs/vault-format.md): for when someone may have seen
   * the files. Proven by the passphrase when the history has one, else by the
   * keychain. Afterwards an older vault.json and the old recovery key open
   * nothing written here; a recovery key in use is made new, answered once
   * like at setup, and works once kept. Refused while locked, while an older
   * history waits ('history-older') and while snapshot damage waits
   * ('vault-damaged'); a wrong passphrase counts against the unlock throttle.
   */
  'vault.replaceKey': channel(
    z.strictObject({ current: presentCredentialSchema }),
    z.strictObject({ status: vaultStatusSchema, recoveryKey: z.string().max(64).nullable() }),
  ),
  /**
   * The snapshot read short ('snapshot-damaged') and the person chooses to go
   * on with what could be read. Until then no compaction replaces the damaged
   * snapshot (its copy is in recovered/ either way).
   */
  'vault.acceptDamage': channel(z.strictObject({ confirm: z.literal(true) }), vaultStatusSchema),
  /**
   * The history looks older than the last one Attune saw ('older-history')
   * and the person chooses to open it anyway: it opens, the deletes Attune
   * remembers stay deleted, and the mark moves to it.
   */
  'vault.acceptOlder': channel(z.strictObject({ confirm: z.literal(true) }), vaultStatusSchema),
  /**
   * Delete the set-aside copies in recovered/: only regular files directly in
   * that folder, never through a link. Refused while locked ('vault-locked').
   * The copy of a damaged snapshot still waiting for vault.acceptDamage is
   * kept, as are things that are not regular files (`left`).
   */
  'vault.deleteRecovered': channel(
    z.strictObject({ confirm: z.literal(true) }),
    z.strictObject({ deleted: z.number().int().min(0), left: z.number().int().min(0), status: vaultStatusSchema }),
  ),
  /** Integrity incidents found at earlier unlocks and not yet dismissed, oldest first. Only while unlocked. */
  'vault.incidents': channel(z.undefined(), incidentsSchema),
  /** The person has read it: it goes. Answers with what is left. */
  'vault.dismissIncident': channel(z.strictObject({ id: incidentIdSchema }), incidentsSchema),
} as const;

export type VaultChannel = keyof typeof vaultContract;
export type VaultRequest<C extends VaultChannel> = z.infer<(typeof vaultContract)[C]['request']>;
export type VaultResponse<C extends VaultChannel> = z.infer<(typeof vaultContract)[C]['response']>;
