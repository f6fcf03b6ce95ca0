import { render, screen } from '@testing-library/svelte';
import { describe, expect, test, vi } from 'vitest';

import { bridgeAnswers } from '../../../../../tests/renderer-setup';
import VaultGate from './VaultGate.svelte';

const notSetUp = (keychainAvailable: boolean) => ({
  ok: true,
  value: {
    state: 'not-set-up',
    methods: { keychain: false, passphrase: false, recovery: false },
    keychainAvailable,
    entryCount: null,
    problems: [],
    recoveredFiles: 0,
  },
});

const NO_KEYCHAIN = 'This computer has no keychain Attune can use, so a passphrase protects your history.';

describe('VaultGate set-up: what protects the history, said before anything is typed', () => {
  test('no keychain: one sentence says so, and the passphrase rule is read with the field', async () => {
    bridgeAnswers.set('vault.status', () => notSetUp(false));
    render(VaultGate, { onunlocked: vi.fn(), oncancel: vi.fn() });
    expect(await screen.findByText(NO_KEYCHAIN)).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'How to unlock it' })).not.toBeInTheDocument();
    const field = screen.getByLabelText('Passphrase');
    expect(field).toHaveAccessibleDescription('At least 8 characters.');
    expect(screen.getByText('At least 8 characters.')).toBeVisible();
  });

  test('with a keychain: it is the default, no passphrase asked, and no sentence about a missing keychain', async () => {
    bridgeAnswers.set('vault.status', () => notSetUp(true));
    render(VaultGate, { onunlocked: vi.fn(), oncancel: vi.fn() });
    expect(await screen.findByRole('radio', { name: /This computer’s keychain/ })).toBeChecked();
    expect(screen.queryByText(NO_KEYCHAIN)).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Passphrase')).not.toBeInTheDocument();
  });
});
