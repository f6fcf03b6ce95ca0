import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';

import { bridgeAnswers, bridgeCalls } from '../../../../../tests/renderer-setup';
import { errorCopy, settingsCopy } from '../../../../shared/copy';
import PrivacySection from './PrivacySection.svelte';
import SectionHost from './SectionHost.svelte';
import { loadWith, ok, refused, vaultStatus } from './settings-test-kit';

const t = settingsCopy.privacy;
const deletes = () => bridgeCalls.filter(([c]) => c === 'vault.deleteRecovered').map(([, request]) => request);
const renderPrivacy = async (status = vaultStatus({ recoveredFiles: 2 })) => {
  await loadWith();
  bridgeAnswers.set('vault.status', () => ok(status));
  render(SectionHost, { section: PrivacySection, headingId: 'settings-privacy' });
  await screen.findByRole('heading', { name: t.unlockHeading });
};

describe('PrivacySection: set-aside copies in recovered/', () => {
  test('none there: nothing is shown', async () => {
    await renderPrivacy(vaultStatus({ recoveredFiles: 0 }));
    await screen.findByRole('button', { name: t.eraseStart });
    expect(screen.queryByRole('heading', { name: t.recoveredHeading })).not.toBeInTheDocument();
  });

  test('lists how many, and that only the key opens them', async () => {
    await renderPrivacy();
    expect(await screen.findByRole('heading', { name: t.recoveredHeading })).toBeInTheDocument();
    expect(screen.getByText(t.recoveredBody(2))).toBeInTheDocument();
    expect(t.recoveredBody(2)).toMatch(/only your key can open them/);
    expect(t.recoveredBody(1)).toMatch(/^1 file is .* only your key can open it\.$/);
    expect(screen.getByRole('button', { name: t.recoveredStart })).toBeInTheDocument();
  });

  test('locked: the count is said, deleting is not offered', async () => {
    await renderPrivacy(vaultStatus({ state: 'locked', entryCount: null, recoveredFiles: 1 }));
    expect(await screen.findByText(t.recoveredBody(1))).toBeInTheDocument();
    expect(screen.getByText(t.recoveredLocked)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: t.recoveredStart })).not.toBeInTheDocument();
  });

  test('needs both steps; Keep them at either step goes back and deletes nothing', async () => {
    const user = userEvent.setup();
    await renderPrivacy();
    await user.click(await screen.findByRole('button', { name: t.recoveredStart }));
    expect(screen.getByRole('heading', { name: t.recoveredWhatHeading })).toHaveFocus();
    expect(screen.getByText(t.recoveredWhat(2))).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: t.recoveredKeep }));
    expect(screen.getByRole('button', { name: t.recoveredStart })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: t.recoveredStart }));
    await user.click(screen.getByRole('button', { name: t.recoveredContinue }));
    expect(screen.getByRole('heading', { name: t.recoveredFinalHeading })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: t.recoveredKeep }));
    expect(screen.getByRole('button', { name: t.recoveredStart })).toHaveFocus();
    expect(deletes()).toEqual([]);
  });

  test('keyboard only: the second step deletes, then says so and the count is gone', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.deleteRecovered', () => ok({ deleted: 2, left: 0, status: vaultStatus({ recoveredFiles: 0 }) }));
    await renderPrivacy();
    (await screen.findByRole('button', { name: t.recoveredStart })).focus();
    await user.keyboard('{Enter}');
    await user.tab();
    expect(screen.getByRole('button', { name: t.recoveredContinue })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(deletes()).toEqual([]);
    await user.tab();
    expect(screen.getByRole('button', { name: t.recoveredFinal })).toHaveFocus();
    await user.keyboard('{Enter}');
    await vi.waitFor(() => expect(screen.getByText(t.recoveredDeleted)).toBeInTheDocument());
    expect(screen.getByText(t.recoveredDeleted)).toHaveAttribute('role', 'status');
    expect(deletes()).toEqual([{ confirm: true }]);
    expect(screen.queryByText(t.recoveredBody(2))).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: t.recoveredHeading })).toHaveFocus();
  });

  test('something kept (a copy History waits on): says what stayed, and offers the delete again', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.deleteRecovered', () => ok({ deleted: 1, left: 1, status: vaultStatus({ recoveredFiles: 1 }) }));
    await renderPrivacy();
    await user.click(await screen.findByRole('button', { name: t.recoveredStart }));
    await user.click(screen.getByRole('button', { name: t.recoveredContinue }));
    await user.click(screen.getByRole('button', { name: t.recoveredFinal }));
    await vi.waitFor(() => expect(screen.getByText(t.recoveredLeft(1))).toBeInTheDocument());
    expect(screen.getByText(t.recoveredBody(1))).toBeInTheDocument();
    expect(screen.getByRole('button', { name: t.recoveredStart })).toHaveFocus();
  });

  test('refused (locked meanwhile): main’s calm message, nothing claimed deleted, the choice stays', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.deleteRecovered', () => refused('vault-locked', errorCopy['vault-locked']));
    await renderPrivacy();
    await user.click(await screen.findByRole('button', { name: t.recoveredStart }));
    await user.click(screen.getByRole('button', { name: t.recoveredContinue }));
    await user.click(screen.getByRole('button', { name: t.recoveredFinal }));
    await vi.waitFor(() => expect(screen.getByText(errorCopy['vault-locked'])).toBeInTheDocument());
    expect(screen.queryByText(t.recoveredDeleted)).not.toBeInTheDocument();
    expect(screen.getByText(t.recoveredBody(2))).toBeInTheDocument();
    expect(screen.getByRole('button', { name: t.recoveredStart })).toHaveFocus();
  });
});
