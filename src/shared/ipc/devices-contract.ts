import { z } from 'zod';

import { EPOCH_MS_MAX } from '../epoch';
import { channel } from './channel';
import { presentCredentialSchema, setupRequestSchema, vaultStatusSchema } from './vault-contract';

const epochMs = z.number().min(0).max(EPOCH_MS_MAX);
const count = z.number().int().min(0);
const HEX32 = /^[0-9a-f]{32}$/;

/** One other computer as this one last read it (docs/sync-format.md §7, §9). */
const otherDevice = z.strictObject({
  deviceId: z.string().regex(HEX32),
  /** The name it gave itself, readable only with the key; null when it has none yet ("Another computer"). */
  name: z.string().max(256).nullable(),
  folder: z.enum(['listed', 'missing', 'unavailable']),
  waiting: z.array(z.strictObject({ from: count, to: count })).max(1024),
  backwards: z.boolean(),
  pending: count,
  unreadable: count,
  notOurs: count,
  held: count,
  needsKey: z.array(z.string().regex(HEX32)).max(64),
  final: z.boolean(),
  lastSeenAt: epochMs.nullable(),
  /** Its deletes took this many entries here in one burst, the last of them at this time, since sync started (docs/sync-format.md §11 Q5). */
  manyDeleted: z.strictObject({ count, at: epochMs }).nullable(),
});

export const devicesStatusSchema = z.strictObject({
  /** needs-recovery-key: this history took a new key and its recovery key is not kept yet; nothing is published until it is (§4.6). */
  state: z.enum(['off', 'on', 'unreadable', 'another-machine', 'locked', 'needs-recovery-key']),
  folder: z.string().max(4096).nullable(),
  deviceName: z.string().max(256).nullable(),
  devices: z.array(otherDevice).max(1024),
  ownWaiting: count,
  lastPassAt: epochMs.nullable(),
  /** This copy of Attune took its own device id (a restored backup or a cloned disk, §4.3). */
  movedToOwnId: z.boolean(),
  /** This history keeps a link to a sync folder: known while locked too, for Erase everything's words. */
  linked: z.boolean(),
});

const deviceName = z.string().trim().min(1).max(64);
const entryId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/**
 * Settings › Devices (issue 18). The folder is chosen in main's own folder
 * dialog: the renderer never names a path, so a page cannot point sync at
 * a folder of its choosing.
 */
export const devicesContract = {
  'devices.status': channel(z.undefined(), devicesStatusSchema),
  'devices.setUp': channel(
    z.strictObject({ deviceName }),
    z.strictObject({
      outcome: z.enum(['set-up', 'cancelled', 'already-set-up', 'needs-recovery-key', 'newer-folder', 'unreadable-folder']),
      status: devicesStatusSchema,
    }),
  ),
  'devices.syncNow': channel(z.undefined(), devicesStatusSchema),
  /**
   * §4.5: stop syncing this computer; its history here stays, the others keep
   * what they have. 'folder-unavailable': the folder did not take the final
   * file, nothing was removed and sync goes on. `alsoFolderFiles` (§11 Q10,
   * offered when no other computer syncs there): Attune's files in the folder
   * go too; `folderFiles` says how that went ('kept' when not asked).
   */
  'devices.remove': channel(
    z.strictObject({ alsoFolderFiles: z.boolean() }),
    z.strictObject({
      outcome: z.enum(['removed', 'folder-unavailable']),
      folderFiles: z.enum(['kept', 'deleted', 'another-computer', 'some-left']),
      status: devicesStatusSchema,
    }),
  ),
  /**
   * §7.1 "Add them anyway": the files of one other computer kept aside (they
   * do not match what this one has from it) are added to the history here,
   * as far as they hold anything it lacks, and go out to the others from here.
   */
  'devices.addHeld': channel(z.strictObject({ deviceId: z.string().regex(HEX32) }), devicesStatusSchema),
  /** This computer's name as the others show it. */
  'devices.rename': channel(z.strictObject({ deviceName }), devicesStatusSchema),
  /** History's "Added on ‹name›": which of the entries shown another computer added (the rest are this one's). */
  'devices.addedElsewhere': channel(
    z.strictObject({ ids: z.array(entryId).max(500) }),
    z.strictObject({ entries: z.array(z.strictObject({ id: entryId, name: z.string().max(256).nullable() })).max(500) }),
  ),
  /**
   * This computer joins the history kept in a sync folder (§4.4): main's
   * folder dialog picks the folder and the recovery key opens its key. With
   * no history here yet (`setup`), one is made around that key with the
   * person's own passphrase or keychain choice (no new recovery key: the
   * same one opens every computer). With a history here (`current`, proven
   * as for a re-key), that history takes the folder's key, keeping its
   * passphrase and keychain, and the two become one; a wrong passphrase is
   * refused like one on the unlock screen, with nothing changed.
   */
  'devices.link': channel(
    z.union([
      z.strictObject({
        recoveryKey: z.string().min(1).max(128),
        setup: setupRequestSchema.extend({ createRecoveryKey: z.literal(false) }),
        deviceName,
      }),
      z.strictObject({ recoveryKey: z.string().min(1).max(128), current: presentCredentialSchema, deviceName }),
    ]),
    z.strictObject({
      outcome: z.enum([
        'linked',
        'cancelled',
        'not-set-up',
        'newer-folder',
        'unreadable-folder',
        'not-a-recovery-key',
        'wrong-recovery-key',
        'has-history',
      ]),
      vault: vaultStatusSchema,
      status: devicesStatusSchema,
    }),
  ),
  /**
   * §4.6 here: another computer took a new encryption key. Its new recovery
   * key, and the passphrase (or keychain) that opens the history here, give
   * this history that key too; the passphrase and keychain stay, and the
   * recovery key becomes the new one. A wrong passphrase is refused as on
   * the unlock screen; every answer but 'adopted' changes nothing.
   */
  'devices.adoptKey': channel(
    z.strictObject({ recoveryKey: z.string().min(1).max(128), current: presentCredentialSchema }),
    z.strictObject({
      outcome: z.enum(['adopted', 'not-a-recovery-key', 'wrong-recovery-key', 'unreadable-folder']),
      vault: vaultStatusSchema,
      status: devicesStatusSchema,
    }),
  ),
} as const;
