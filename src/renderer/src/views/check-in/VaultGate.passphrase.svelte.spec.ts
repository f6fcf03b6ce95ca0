import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';

import { bridgeAnswers, bridgeCalls } from '../../../../../tests/renderer-setup';
import { errorCopy, vaultCopy } from '../../../../shared/copy';
import VaultGate from './VaultGate.svelte';

/** A passphrase main cannot read (a lone UTF-16 surrogate): said beside its field, focus stays in it. */
const MALFORMED = errorCopy['passphrase-malformed'];
const refusedMalformed = () => ({ ok: false, error: { code: 'passphrase-malformed', message: MALFORMED } });
const status = (state: 'locked' | 'not-set-up') => ({
  ok: true,
  value: {
    state,
    methods: { keychain: false, passphrase: state === 'locked', recovery: false },
    keychainAvailable: false,
    entryCount: null,
    problems: [],
    recoveredFiles: 0,
  },
});

describe('VaultGate: a passphrase main cannot read', () => {
  test('unlock: the message sits by the passphrase field, which keeps focus and is marked', async () => {
    const user = userEvent.setup();
    const onunlocked = vi.fn();
    bridgeAnswers.set('vault.status', () => status('locked'));
    bridgeAnswers.set('vault.unlock', refusedMalformed);
    render(VaultGate, { purpose: 'open', onunlocked, oncancel: vi.fn() });
    const field = await screen.findByLabelText(vaultCopy.unlock.passphraseField);
    await user.type(field, 'words\uD800{Enter}');
    await vi.waitFor(() => expect(field).toHaveAccessibleDescription(MALFORMED));
    expect(field).toHaveFocus();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(MALFORMED)).toHaveAttribute('role', 'status');
    // Said once, beside the field, not again in the form's line below.
    expect(screen.getAllByText(MALFORMED)).toHaveLength(1);
    expect(onunlocked).not.toHaveBeenCalled();

    // Typed again: the next try clears it.
    bridgeAnswers.set('vault.unlock', () => ({ ok: false, error: { code: 'wrong-passphrase', message: errorCopy['wrong-passphrase'] } }));
    await user.clear(field);
    await user.type(field, 'other words{Enter}');
    await vi.waitFor(() => expect(screen.getByText(errorCopy['wrong-passphrase'])).toBeInTheDocument());
    expect(screen.queryByText(MALFORMED)).not.toBeInTheDocument();
    expect(field).not.toHaveAttribute('aria-invalid');
  });

  test('set-up: the message sits by the new passphrase field, which gets focus back from the button', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.status', () => status('not-set-up'));
    bridgeAnswers.set('vault.setup', refusedMalformed);
    render(VaultGate, { purpose: 'save', onunlocked: vi.fn(), oncancel: vi.fn() });
    const field = await screen.findByLabelText(vaultCopy.setup.passphraseField);
    const lone = 'quiet words \uDC00';
    await fireEvent.input(field, { target: { value: lone } });
    await fireEvent.input(screen.getByLabelText(vaultCopy.setup.confirmField), { target: { value: lone } });
    await user.click(screen.getByRole('button', { name: vaultCopy.setup.submit }));
    await vi.waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAccessibleDescription(MALFORMED);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(bridgeCalls.filter(([c]) => c === 'vault.setup')).toHaveLength(1);
  });
});
