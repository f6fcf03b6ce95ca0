import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';

import { bridgeAnswers, bridgeCalls } from '../../../../../tests/renderer-setup';
import VaultGate from './VaultGate.svelte';

const keychainOnly = (recovery: boolean) => ({
  ok: true,
  value: {
    state: 'locked',
    methods: { keychain: true, passphrase: false, recovery },
    keychainAvailable: false,
    entryCount: null,
    problems: [],
    recoveredFiles: 0,
  },
});

describe('VaultGate: a keychain-only vault where the keychain is not available', () => {
  test('no Unlock button and no empty field: one calm sentence and a way out', async () => {
    bridgeAnswers.set('vault.status', () => keychainOnly(false));
    render(VaultGate, { purpose: 'open', onunlocked: vi.fn(), oncancel: vi.fn() });
    expect(await screen.findByText(/keychain is not available right now/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Unlock' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Passphrase')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Recovery key')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Close' })).toBeInTheDocument();
    expect(bridgeCalls.map(([c]) => c)).not.toContain('vault.unlock');
  });

  test('with a recovery key: the recovery key field, and Unlock sends the key', async () => {
    const user = userEvent.setup();
    const onunlocked = vi.fn();
    bridgeAnswers.set('vault.status', () => keychainOnly(true));
    bridgeAnswers.set('vault.unlock', () => ({ ok: true, value: null }));
    render(VaultGate, { purpose: 'open', onunlocked, oncancel: vi.fn() });
    expect(await screen.findByText(/recovery key can open your history/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Use the passphrase/ })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Recovery key'), 'ABCD-EFGH');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(bridgeCalls.find(([c]) => c === 'vault.unlock')?.[1]).toEqual({ method: 'recovery', recoveryKey: 'ABCD-EFGH' });
    expect(onunlocked).toHaveBeenCalled();
  });
});

describe('VaultGate: one live region, always there', () => {
  test('empty at first, then only its text changes', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.status', () => ({
      ok: true,
      value: {
        state: 'locked',
        methods: { keychain: false, passphrase: true, recovery: false },
        keychainAvailable: false,
        entryCount: null,
        problems: [],
        recoveredFiles: 0,
      },
    }));
    bridgeAnswers.set('vault.unlock', () => ({
      ok: false,
      error: { code: 'wrong-passphrase', message: 'That passphrase did not unlock your history.' },
    }));
    render(VaultGate, { onunlocked: vi.fn(), oncancel: vi.fn() });
    await screen.findByLabelText('Passphrase');
    const region = screen.getByRole('status');
    expect(region.textContent?.trim()).toBe('');
    expect(region).not.toHaveClass('notice');
    await user.type(screen.getByLabelText('Passphrase'), 'nope nope');
    await user.click(screen.getByRole('button', { name: 'Unlock and save' }));
    expect(screen.getAllByRole('status')).toHaveLength(1);
    expect(screen.getByRole('status')).toBe(region);
    expect(region).toHaveTextContent('did not unlock');
    expect(region).toHaveClass('notice');
  });
});
