import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';

import { bridgeAnswers } from '../../../../../tests/renderer-setup';
import { errorCopy, settingsCopy } from '../../../../shared/copy';
import PrivacySection from './PrivacySection.svelte';
import SectionHost from './SectionHost.svelte';
import { loadWith, ok, refused, vaultStatus } from './settings-test-kit';

/** Attune locked meanwhile (idle, the tray, another window): main refuses the change with 'locked'. */
const t = settingsCopy.privacy;

const renderLocked = async () => {
  await loadWith();
  bridgeAnswers.set('vault.status', () => ok(vaultStatus()));
  bridgeAnswers.set('settings.set', () => refused('locked', errorCopy.locked));
  render(SectionHost, { section: PrivacySection, headingId: 'settings-privacy' });
  await screen.findByRole('heading', { name: t.unlockHeading });
};

describe('PrivacySection: a change refused because Attune is locked', () => {
  test('auto-lock: the calm message, and the choice goes back to what main kept', async () => {
    const user = userEvent.setup();
    await renderLocked();
    const after = screen.getByRole('combobox', { name: t.lockAfter });
    expect(after).toHaveValue('15');
    await user.selectOptions(after, 'off');
    await vi.waitFor(() => expect(screen.getByText(errorCopy.locked)).toBeInTheDocument());
    expect(screen.getByText(errorCopy.locked)).toHaveAttribute('role', 'status');
    expect(after).toHaveValue('15');
    expect(after).toHaveFocus();
  });

  test('lock with the screen: the box goes back to checked', async () => {
    const user = userEvent.setup();
    await renderLocked();
    const box = screen.getByRole('checkbox', { name: t.lockWithScreen });
    expect(box).toBeChecked();
    await user.click(box);
    await vi.waitFor(() => expect(screen.getByText(errorCopy.locked)).toBeInTheDocument());
    expect(box).toBeChecked();
    expect(box).toHaveFocus();
  });
});
