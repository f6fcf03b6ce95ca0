import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';

import { bridgeAnswers, bridgeCalls } from '../../../../../tests/renderer-setup';
import { errorCopy, settingsCopy } from '../../../../shared/copy';
import ReplaceKey from './ReplaceKey.svelte';
import { ok, refused, vaultStatus } from './settings-test-kit';

const t = settingsCopy.privacy;
const k = t.newKey;
const KEY = '7K3M-QX9P-7K3M-QX9P-7K3M-QX9P-7K3M-QX9P';
const calls = () => bridgeCalls.filter(([channel]) => channel === 'vault.replaceKey').map(([, request]) => request);

const renderIt = (hasPassphrase = true) => {
  const user = userEvent.setup();
  const onchanged = vi.fn();
  const onrecoverykey = vi.fn();
  render(ReplaceKey, { hasPassphrase, onchanged, onrecoverykey });
  return { user, onchanged, onrecoverykey };
};

describe('ReplaceKey: a new encryption key, the passphrase staying', () => {
  test('idle: one button, described by a calm line; opening it says what happens and asks for the passphrase', async () => {
    const { user } = renderIt();
    const start = screen.getByRole('button', { name: k.start });
    expect(start).toHaveAccessibleDescription(k.hint);
    await user.click(start);
    const form = screen.getByRole('form', { name: k.heading });
    expect(form).toHaveAccessibleDescription(k.what);
    expect(screen.getByLabelText(t.current)).toHaveFocus();
  });

  test('with the passphrase: sent as the proof, busy while it runs, a second press sends nothing, then the new recovery key', async () => {
    const { user, onchanged, onrecoverykey } = renderIt();
    let answer: (value: unknown) => void = () => undefined;
    bridgeAnswers.set('vault.replaceKey', () => new Promise((resolve) => (answer = resolve)));
    await user.click(screen.getByRole('button', { name: k.start }));
    await user.type(screen.getByLabelText(t.current), 'old quiet words');
    await user.keyboard('{Enter}');
    const busy = await screen.findByRole('button', { name: k.working });
    expect(busy).toHaveAttribute('aria-disabled', 'true');
    // Still focused (aria-disabled, not disabled): pressing again, or Esc, changes nothing.
    busy.focus();
    await user.keyboard('{Enter}');
    await user.click(busy);
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: k.working })).toBeInTheDocument();
    expect(calls()).toEqual([{ current: { method: 'passphrase', passphrase: 'old quiet words' } }]);

    const status = vaultStatus({ methods: { keychain: false, passphrase: true, recovery: false } });
    answer(ok({ status, recoveryKey: KEY }));
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(k.done(true)));
    expect(k.done(true)).toContain('old recovery key has already stopped working');
    expect(onchanged).toHaveBeenCalledWith(status);
    expect(onrecoverykey).toHaveBeenCalledWith(KEY);
    // The new recovery key (shown by the section) takes focus, as at set-up: the button does not take it back.
    expect(screen.getByRole('button', { name: k.start })).not.toHaveFocus();
    expect(calls()).toHaveLength(1);
  });

  test('no recovery key in use: the confirmation says only what old key files can do', async () => {
    const { user, onrecoverykey } = renderIt();
    bridgeAnswers.set('vault.replaceKey', () => ok({ status: vaultStatus(), recoveryKey: null }));
    await user.click(screen.getByRole('button', { name: k.start }));
    await user.type(screen.getByLabelText(t.current), 'old quiet words');
    await user.click(screen.getByRole('button', { name: k.confirm }));
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(k.done(false)));
    expect(k.done(false)).not.toContain('recovery key');
    expect(k.done(false)).toContain('Old copies of the key file');
    expect(onrecoverykey).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: k.start })).toHaveFocus();
  });

  test('keychain only: no passphrase is asked, the keychain is the proof', async () => {
    const { user } = renderIt(false);
    bridgeAnswers.set('vault.replaceKey', () => ok({ status: vaultStatus(), recoveryKey: null }));
    await user.click(screen.getByRole('button', { name: k.start }));
    expect(screen.queryByLabelText(t.current)).not.toBeInTheDocument();
    expect(screen.getByText(k.keychain)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: k.confirm })).toHaveFocus();
    await user.keyboard('{Enter}');
    await vi.waitFor(() => expect(calls()).toEqual([{ current: { method: 'keychain' } }]));
  });

  test('Esc closes it, nothing is sent, and focus goes back to the button', async () => {
    const { user } = renderIt();
    await user.click(screen.getByRole('button', { name: k.start }));
    await user.type(screen.getByLabelText(t.current), 'half typed');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: k.start })).toHaveFocus();
    // Opening again starts clean.
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText(t.current)).toHaveValue('');
    expect(calls()).toEqual([]);
  });

  test('an empty passphrase is not sent', async () => {
    const { user } = renderIt();
    await user.click(screen.getByRole('button', { name: k.start }));
    await user.click(screen.getByRole('button', { name: k.confirm }));
    expect(screen.getByRole('status')).toHaveTextContent(t.needCurrent);
    expect(calls()).toEqual([]);
  });

  test('a wrong passphrase: main’s calm words, the form stays open, the field selected to type again', async () => {
    const { user, onchanged } = renderIt();
    bridgeAnswers.set('vault.replaceKey', () => refused('wrong-passphrase', errorCopy['wrong-passphrase']));
    await user.click(screen.getByRole('button', { name: k.start }));
    await user.type(screen.getByLabelText(t.current), 'not it');
    await user.click(screen.getByRole('button', { name: k.confirm }));
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(errorCopy['wrong-passphrase']));
    const field = screen.getByLabelText(t.current);
    expect(field).toHaveFocus();
    expect(field).toHaveValue('not it');
    expect(onchanged).not.toHaveBeenCalled();
  });

  test.each([
    ['disk-full', k.diskFull],
    ['vault-damaged', k.held],
    ['history-older', errorCopy['history-older']],
  ] as const)('%s: said for this action, the form stays open', async (code, said) => {
    const { user } = renderIt();
    bridgeAnswers.set('vault.replaceKey', () => refused(code, errorCopy[code]));
    await user.click(screen.getByRole('button', { name: k.start }));
    await user.type(screen.getByLabelText(t.current), 'old quiet words');
    await user.click(screen.getByRole('button', { name: k.confirm }));
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(said));
    expect(screen.getByRole('button', { name: k.confirm })).toBeInTheDocument();
  });
});
