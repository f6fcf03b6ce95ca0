import { describe, expect, test } from 'vitest';

import { bridgeAnswers, emitBridgeEvent } from '../../../../tests/renderer-setup';
import { onVaultChange, readVaultStatus, vaultView } from './vault.svelte';

describe('vault store', () => {
  test('every view hears a change through one subscription, which ends when the last one stops listening', () => {
    let subscriptions = 0;
    const original = window.attune.events.onVaultChanged;
    window.attune.events.onVaultChanged = (listener) => {
      subscriptions += 1;
      return original(listener);
    };
    const heard: string[] = [];
    const offA = onVaultChange((state) => heard.push(`a:${state}`));
    const offB = onVaultChange((state) => heard.push(`b:${state}`));
    emitBridgeEvent('vault.changed', { state: 'locked' });
    expect(heard).toEqual(['a:locked', 'b:locked']);
    expect(subscriptions).toBe(1);
    expect(vaultView.state).toBe('locked');
    offA();
    offB();
    emitBridgeEvent('vault.changed', { state: 'unlocked' });
    expect(heard).toHaveLength(2);
    // A later listener subscribes again.
    const offC = onVaultChange((state) => heard.push(`c:${state}`));
    emitBridgeEvent('vault.changed', { state: 'unlocked' });
    expect(heard.at(-1)).toBe('c:unlocked');
    expect(subscriptions).toBe(2);
    offC();
  });

  test('reading the status keeps it for the window; a change it does not match retires it', async () => {
    bridgeAnswers.set('vault.status', () => ({
      ok: true,
      value: {
        state: 'unlocked',
        methods: { keychain: false, passphrase: true, recovery: false },
        keychainAvailable: false,
        entryCount: 3,
        problems: [],
        recoveredFiles: 0,
      },
    }));
    const result = await readVaultStatus();
    expect(result.ok).toBe(true);
    expect(vaultView.status?.entryCount).toBe(3);
    const off = onVaultChange(() => undefined);
    emitBridgeEvent('vault.changed', { state: 'locked' });
    expect(vaultView.status).toBeNull();
    expect(vaultView.state).toBe('locked');
    off();
  });
});
