import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';

import { bridgeAnswers, bridgeCalls } from '../../../../../tests/renderer-setup';
import RecoveryKeyNotice from './RecoveryKeyNotice.svelte';

const KEY = 'ABCD-EFGH-JKMN-PQRS';
const statusWithRecovery = { state: 'unlocked', methods: { keychain: false, passphrase: true, recovery: true } };
const called = () => bridgeCalls.map(([channel]) => channel);

describe('RecoveryKeyNotice: copy and save through main', () => {
  test('Copy asks main (no key text sent), says the clipboard is cleared in a minute, and keeps nothing', async () => {
    const user = userEvent.setup();
    const ondone = vi.fn();
    bridgeAnswers.set('vault.copyRecoveryKey', () => ({ ok: true, value: null }));
    render(RecoveryKeyNotice, { recoveryKey: KEY, ondone });
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Copied. Attune clears it from the clipboard in a minute.');
    expect(bridgeCalls.find(([c]) => c === 'vault.copyRecoveryKey')).toEqual(['vault.copyRecoveryKey', undefined]);
    // Copying is not keeping: the key still waits for "I’ve written it down".
    expect(called()).not.toContain('vault.keepRecoveryKey');
    expect(ondone).not.toHaveBeenCalled();
    expect(screen.getByText(/If you close this first, no recovery key is made\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'I’ve written it down' })).toBeInTheDocument();
  });

  test('Save as file names the file, says the key now works, and the last button only closes', async () => {
    const user = userEvent.setup();
    const ondone = vi.fn();
    bridgeAnswers.set('vault.saveRecoveryKey', () => ({
      ok: true,
      value: { saved: true, path: '/home/sam/Documents/attune-recovery-key.txt', status: statusWithRecovery },
    }));
    render(RecoveryKeyNotice, { recoveryKey: KEY, ondone });
    await user.click(screen.getByRole('button', { name: 'Save as file…' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved as attune-recovery-key.txt. This key now opens your history.');
    expect(bridgeCalls.find(([c]) => c === 'vault.saveRecoveryKey')).toEqual(['vault.saveRecoveryKey', undefined]);
    expect(screen.queryByText(/no recovery key is made/)).not.toBeInTheDocument();
    // Main holds no key any more: Copy and Save go (they would be refused), and focus is on Done.
    expect(screen.queryByRole('button', { name: 'Copy' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save as file…' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Done' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(ondone).toHaveBeenCalledOnce();
    // Main kept it with the file; asking again would be refused as gone.
    expect(called()).not.toContain('vault.keepRecoveryKey');
  });

  test('a Windows path shows its file name too', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.saveRecoveryKey', () => ({
      ok: true,
      value: { saved: true, path: 'C:\\Users\\sam\\key.txt', status: statusWithRecovery },
    }));
    render(RecoveryKeyNotice, { recoveryKey: KEY, ondone: vi.fn() });
    await user.click(screen.getByRole('button', { name: 'Save as file…' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved as key.txt.');
  });

  test('cancelling the dialog says nothing was saved; the key still waits', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.saveRecoveryKey', () => ({ ok: true, value: { saved: false } }));
    render(RecoveryKeyNotice, { recoveryKey: KEY, ondone: vi.fn() });
    await user.click(screen.getByRole('button', { name: 'Save as file…' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Nothing was saved.');
    expect(screen.getByRole('button', { name: 'I’ve written it down' })).toBeInTheDocument();
  });

  test('what main refuses is said in the one live region', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.copyRecoveryKey', () => ({
      ok: false,
      error: { code: 'recovery-key-gone', message: 'This recovery key was not kept.' },
    }));
    render(RecoveryKeyNotice, { recoveryKey: KEY, ondone: vi.fn() });
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await screen.findByRole('status')).toHaveTextContent('This recovery key was not kept.');
    expect(screen.getAllByRole('status')).toHaveLength(1);
  });
});
