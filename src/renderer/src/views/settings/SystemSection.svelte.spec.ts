import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';

import { bridgeCalls } from '../../../../../tests/renderer-setup';
import { settingsCopy } from '../../../../shared/copy';
import SectionHost from './SectionHost.svelte';
import { loadWith } from './settings-test-kit';
import SystemSection from './SystemSection.svelte';

const t = settingsCopy.system;

describe('SystemSection', () => {
  test('start at login is off until chosen, and saved when ticked', async () => {
    const user = userEvent.setup();
    await loadWith();
    render(SectionHost, { section: SystemSection, headingId: 'settings-system' });
    const box = screen.getByRole('checkbox', { name: new RegExp(t.startAtLogin) });
    expect(box).not.toBeChecked();
    await user.click(box);
    await vi.waitFor(() => expect(bridgeCalls.find(([c]) => c === 'settings.set')?.[1]).toEqual({ system: { startAtLogin: true } }));
    expect(box).toBeChecked();
  });

  test('About: the version, where the data is, and that Attune never uses the network', async () => {
    await loadWith();
    render(SectionHost, { section: SystemSection, headingId: 'settings-system' });
    expect(screen.getByText('1.2.3')).toBeInTheDocument();
    expect(screen.getByText('/home/sam/.config/Attune')).toBeInTheDocument();
    expect(screen.getByText('Attune never uses the network.')).toBeInTheDocument();
  });
});
