import type { VaultChannel, VaultRequest, VaultResponse } from '../../shared/ipc/vault-contract';
import type { VaultService } from '../vault/vault-service';

/**
 * The vault's IPC handlers: one per channel in vaultContract, each a thin
 * call into VaultService. The dispatcher has already validated the request
 * and the sender, validates the response, and turns a thrown AttuneError into
 * the error envelope — so nothing here catches.
 */
export type VaultHandlers = {
  [C in VaultChannel]: (request: VaultRequest<C>, ctx: unknown) => Promise<VaultResponse<C>>;
};

export function createVaultHandlers(vault: VaultService): VaultHandlers {
  return {
    'vault.status': () => vault.status(),
    'vault.setup': async (request) => {
      const { status, recoveryKey } = await vault.setup(request);
      return { status, recoveryKey: recoveryKey ?? null };
    },
    'vault.keepRecoveryKey': ({ recoveryKey }) => vault.keepRecoveryKey(recoveryKey),
    'vault.unlock': (credential) => vault.unlock(credential),
    'vault.lock': () => vault.lock(),
    'vault.append': (input) => vault.append(input),
    'vault.list': (query) => vault.list(query),
    'vault.delete': ({ id }) => vault.delete(id),
    'vault.erase': () => vault.erase(),
    'vault.export': (request) => vault.export(request),
    'vault.changePassphrase': ({ current, next }) => vault.changePassphrase(current, next),
  };
}
