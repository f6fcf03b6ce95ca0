import type { VaultChannel, VaultRequest, VaultResponse } from '../../shared/ipc/vault-contract';
import { isAttuneError } from '../attune-error';
import { toStorageError } from '../fs/storage-error';
import type { DeferredDeletes } from '../vault/deferred-deletes';
import type { RekeyStage, VaultService, VaultStatus } from '../vault/vault-service';

/**
 * The vault's IPC handlers: one per channel in vaultContract, each a thin
 * call into VaultService. The dispatcher has already validated the request
 * and the sender, validates the response, and turns a thrown AttuneError into
 * the error envelope — so nothing here catches.
 */
export type VaultHandlers = {
  [C in VaultChannel]: (request: VaultRequest<C>, ctx: unknown) => Promise<VaultResponse<C>>;
};

/**
 * Where the person's check-ins and deletes go: the vault itself, or sync's
 * driver, which also publishes them to the other computers (sync-driver.ts).
 */
export type HistoryWriter = Pick<VaultService, 'append' | 'delete'> & {
  /** After Erase everything: sync's own files on this computer go too. */
  erased?: () => Promise<void>;
  /** A new key here, made by `run` (VaultService.rekey with `stage`): sync carries its link over to it (sync-format.md §4.6). */
  withNewKey?: <T>(run: (stage: RekeyStage) => Promise<T>) => Promise<T>;
  /** A recovery key is kept: sync waiting for one after a re-key here goes on (sync-format.md §4.6). */
  recoveryKept?: () => Promise<void>;
};

export function createVaultHandlers(vault: VaultService, deferred?: DeferredDeletes, writer: HistoryWriter = vault): VaultHandlers {
  // Not synced: nothing to stage beside the vault's own files.
  const withNewKey: NonNullable<HistoryWriter['withNewKey']> = (run) =>
    writer.withNewKey ? writer.withNewKey(run) : run(async () => undefined);
  /** Deletes asked for while locked are carried out as soon as the history is open again. */
  const carryOutDeferred = async (status: VaultStatus): Promise<VaultStatus> => {
    if (!deferred || status.state !== 'unlocked' || deferred.pending().length === 0) return status;
    // An older history waits for the person's choice: nothing is written to it, deletes included, until then.
    if (status.problems.some((found) => found.kind === 'older-history')) return status;
    await deferred.carryOut((id) => writer.delete(id));
    return vault.status();
  };
  return {
    'vault.status': () => vault.status(),
    'vault.setup': async (request) => {
      const { status, recoveryKey } = await vault.setup(request);
      return { status, recoveryKey: recoveryKey ?? null };
    },
    'vault.keepRecoveryKey': async ({ recoveryKey }) => {
      const status = await vault.keepRecoveryKey(recoveryKey);
      await writer.recoveryKept?.();
      return status;
    },
    'vault.unlock': async (credential) => carryOutDeferred(await vault.unlock(credential)),
    'vault.lock': () => vault.lock(),
    'vault.append': (input) => writer.append(input),
    'vault.list': (query) => vault.list(query),
    'vault.delete': async ({ id }) => {
      try {
        return { ...(await writer.delete(id)), deferred: false };
      } catch (error) {
        if (!deferred || !isAttuneError(error) || error.code !== 'vault-locked') throw error;
        // Still meant: main keeps it (a window may close before the next unlock) and does it then.
        try {
          deferred.add(id);
        } catch (cause) {
          throw toStorageError(cause);
        }
        return { deletedIds: [], compacted: false, deferred: true };
      }
    },
    'vault.erase': async () => {
      const status = await vault.erase();
      deferred?.clear();
      await writer.erased?.();
      return status;
    },
    'vault.export': (request) => vault.export(request),
    'vault.changePassphrase': async ({ current, next, replaceKey }) => {
      if (!replaceKey) return { status: await vault.changePassphrase(current, next), recoveryKey: null };
      const { status, recoveryKey } = await withNewKey((stage) => vault.rekey(current, { passphrase: next, stage }));
      return { status, recoveryKey: recoveryKey ?? null };
    },
    // The passphrase stays: VaultService.rekey wraps the new key with the current one.
    'vault.replaceKey': async ({ current }) => {
      const { status, recoveryKey } = await withNewKey((stage) => vault.rekey(current, { stage }));
      return { status, recoveryKey: recoveryKey ?? null };
    },
    'vault.acceptDamage': () => vault.acceptSnapshotDamage(),
    'vault.acceptOlder': async () => carryOutDeferred(await vault.acceptOlderHistory()),
    'vault.deleteRecovered': () => vault.deleteRecoveredFiles(),
    'vault.incidents': () => vault.incidents(),
    'vault.dismissIncident': ({ id }) => vault.dismissIncident(id),
  };
}
