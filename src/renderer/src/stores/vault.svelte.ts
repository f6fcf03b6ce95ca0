import type { IpcResult } from '../../../shared/ipc/result';
import type { VaultResponse } from '../../../shared/ipc/vault-contract';
import type { VaultState } from '../../../shared/vault-states';
import { bridge } from '../lib/bridge';

type Status = VaultResponse<'vault.status'>;

/**
 * The history's state as this window knows it, for every view in it: one
 * subscription to main's `vault.changed` (made while any view listens) and
 * one way to ask for the status. Views keep their own reactions (a lock
 * screen, clearing a list); where the state comes from is decided here.
 */
class VaultView {
  /** null until main has said. */
  state = $state<VaultState | null>(null);
  /** The last full status read in this window. */
  status = $state.raw<Status | null>(null);
}

export const vaultView = new VaultView();

// eslint-disable-next-line svelte/prefer-svelte-reactivity -- who to tell, not state a view draws
const listeners = new Set<(state: VaultState) => void>();
let unsubscribe: (() => void) | null = null;

/** Calls `listener` on every change main announces (lock, unlock, set-up, erase) until the returned function is called. */
export function onVaultChange(listener: (state: VaultState) => void): () => void {
  unsubscribe ??= bridge().events.onVaultChanged(({ state }) => {
    vaultView.state = state;
    if (vaultView.status && vaultView.status.state !== state) vaultView.status = null;
    for (const each of [...listeners]) each(state);
  });
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && unsubscribe) {
      unsubscribe();
      unsubscribe = null;
    }
  };
}

/** Asks main for the status now and keeps it; answers as the bridge does, so a view can show a problem. */
export async function readVaultStatus(): Promise<IpcResult<Status>> {
  const result = await bridge().vault.status();
  if (result.ok) {
    vaultView.status = result.value;
    vaultView.state = result.value.state;
  }
  return result;
}
