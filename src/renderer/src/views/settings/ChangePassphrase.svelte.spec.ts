import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';

import { bridgeAnswers } from '../../../../../tests/renderer-setup';
import { errorCopy, settingsCopy } from '../../../../shared/copy';
import ChangePassphrase from './ChangePassphrase.svelte';

const t = settingsCopy.privacy;
const MALFORMED = errorCopy['passphrase-malformed'];

const openForm = async (hasPassphrase = true) => {
  const user = userEvent.setup();
  const onchanged = vi.fn();
  bridgeAnswers.set('vault.changePassphrase', () => ({ ok: false, error: { code: 'passphrase-malformed', message: MALFORMED } }));
  render(ChangePassphrase, { hasPassphrase, onchanged });
  await user.click(screen.getByRole('button', { name: hasPassphrase ? t.changePassphrase : t.addPassphrase }));
  return { user, onchanged };
};

describe('ChangePassphrase: a passphrase main cannot read', () => {
  test('the new one: said beside it, focus goes into it, the form stays open', async () => {
    const { user, onchanged } = await openForm();
    await user.type(screen.getByLabelText(t.current), 'old quiet words');
    const next = screen.getByLabelText(t.next);
    await fireEvent.input(next, { target: { value: 'new quiet \uD800words' } });
    await fireEvent.input(screen.getByLabelText(t.again), { target: { value: 'new quiet \uD800words' } });
    await user.click(screen.getByRole('button', { name: t.savePassphrase }));
    await vi.waitFor(() => expect(next).toHaveFocus());
    expect(next).toHaveAccessibleDescription(MALFORMED);
    expect(next).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(t.current)).not.toHaveAttribute('aria-invalid');
    expect(screen.getAllByText(MALFORMED)).toHaveLength(1);
    expect(onchanged).not.toHaveBeenCalled();
  });

  test('the current one: said beside the current field, which gets focus', async () => {
    const { user } = await openForm();
    const current = screen.getByLabelText(t.current);
    await fireEvent.input(current, { target: { value: 'old \uDC00words' } });
    await user.type(screen.getByLabelText(t.next), 'new quiet words');
    await user.type(screen.getByLabelText(t.again), 'new quiet words');
    await user.click(screen.getByRole('button', { name: t.savePassphrase }));
    await vi.waitFor(() => expect(current).toHaveFocus());
    expect(current).toHaveAccessibleDescription(MALFORMED);
    expect(screen.getByLabelText(t.next)).not.toHaveAttribute('aria-invalid');
  });

  test('adding one (keychain only): beside the new field', async () => {
    const { user } = await openForm(false);
    const next = screen.getByLabelText(t.next);
    expect(next).toHaveFocus();
    await user.type(next, 'new quiet words');
    await user.type(screen.getByLabelText(t.again), 'new quiet words');
    await user.click(screen.getByRole('button', { name: t.savePassphrase }));
    await vi.waitFor(() => expect(next).toHaveFocus());
    expect(next).toHaveAccessibleDescription(MALFORMED);
  });

  test('Cancel clears it; opening again starts clean', async () => {
    const { user } = await openForm();
    await user.type(screen.getByLabelText(t.current), 'old quiet words');
    await user.type(screen.getByLabelText(t.next), 'new quiet words');
    await user.type(screen.getByLabelText(t.again), 'new quiet words');
    await user.click(screen.getByRole('button', { name: t.savePassphrase }));
    await vi.waitFor(() => expect(screen.getByText(MALFORMED)).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: t.cancel }));
    await user.click(screen.getByRole('button', { name: t.changePassphrase }));
    expect(screen.queryByText(MALFORMED)).not.toBeInTheDocument();
  });
});
