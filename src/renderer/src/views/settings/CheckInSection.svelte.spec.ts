import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';

import { bridgeAnswers, bridgeCalls } from '../../../../../tests/renderer-setup';
import { settingsCopy } from '../../../../shared/copy';
import CheckInSection from './CheckInSection.svelte';
import SectionHost from './SectionHost.svelte';
import { baseInfo, baseSettings, loadWith, refused } from './settings-test-kit';

const t = settingsCopy.checkIn;
const setCalls = () => bridgeCalls.filter(([channel]) => channel === 'settings.set').map(([, patch]) => patch);
const TAKEN = 'Another app is using that shortcut. Your current shortcut still works. Try a different one?';

const startRecording = async () => {
  const user = userEvent.setup();
  render(SectionHost, { section: CheckInSection, headingId: 'settings-checkIn' });
  await user.click(screen.getByRole('button', { name: t.change }));
  expect(screen.getByRole('textbox', { name: t.recorderLabel })).toHaveFocus();
  return user;
};

describe('CheckInSection: shortcut recorder', () => {
  test('captures Ctrl+Alt+K as CommandOrControl+Alt+K, saves it and announces it', async () => {
    await loadWith();
    const user = await startRecording();
    await user.keyboard('{Control>}{Alt>}');
    expect(screen.getByRole('textbox', { name: t.recorderLabel })).toHaveValue(t.held('Ctrl+Alt'));
    await user.keyboard('k{/Alt}{/Control}');

    await vi.waitFor(() => expect(screen.getAllByRole('status')[0]).toHaveTextContent(t.changed('Ctrl+Alt+K')));
    expect(setCalls()).toEqual([{ shortcut: 'CommandOrControl+Alt+K' }]);
    expect(screen.getByText('Ctrl+Alt+K', { selector: 'kbd' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: t.change })).toHaveFocus();
  });

  test('a shortcut another app holds: the calm message, and the old shortcut stays', async () => {
    await loadWith();
    bridgeAnswers.set('settings.set', () => refused('shortcut-taken', TAKEN));
    const user = await startRecording();
    await user.keyboard('{Control>}{Alt>}k{/Alt}{/Control}');

    await vi.waitFor(() => expect(screen.getAllByRole('status')[0]).toHaveTextContent(TAKEN));
    expect(screen.getByText('Ctrl+Alt+Space', { selector: 'kbd' })).toBeInTheDocument();
    expect(screen.queryByText('Ctrl+Alt+K', { selector: 'kbd' })).not.toBeInTheDocument();
  });

  test('Esc cancels and saves nothing', async () => {
    await loadWith();
    const user = await startRecording();
    await user.keyboard('{Escape}');
    expect(screen.getAllByRole('status')[0]).toHaveTextContent(t.cancelled);
    expect(screen.getByRole('button', { name: t.change })).toHaveFocus();
    expect(setCalls()).toEqual([]);
  });

  test('a letter alone is not taken (it would steal typing); recording goes on', async () => {
    await loadWith();
    const user = await startRecording();
    await user.keyboard('k');
    expect(screen.getAllByRole('status')[0]).toHaveTextContent(t.needsModifier);
    expect(screen.getByRole('textbox', { name: t.recorderLabel })).toHaveFocus();
    expect(setCalls()).toEqual([]);
  });

  test('on macOS the keys are named the Mac way', async () => {
    await loadWith(undefined, baseInfo({ platform: 'darwin' }));
    render(SectionHost, { section: CheckInSection, headingId: 'settings-checkIn' });
    expect(screen.getByText('Cmd+Option+Space', { selector: 'kbd' })).toBeInTheDocument();
  });

  test('says so when the saved shortcut is not registered right now', async () => {
    await loadWith(undefined, baseInfo({ activeShortcut: null }));
    render(SectionHost, { section: CheckInSection, headingId: 'settings-checkIn' });
    expect(screen.getByText(t.notActive)).toBeInTheDocument();
  });

  test('on Linux, a shortcut that cannot be registered points to the command line a desktop shortcut can run', async () => {
    await loadWith(undefined, baseInfo({ activeShortcut: null, platform: 'linux' }));
    render(SectionHost, { section: CheckInSection, headingId: 'settings-checkIn' });
    expect(screen.getByText(t.commandLine, { selector: 'code' })).toBeInTheDocument();
  });

  test('elsewhere, and while the shortcut works, there is no command-line line', async () => {
    await loadWith(undefined, baseInfo({ activeShortcut: null, platform: 'darwin' }));
    render(SectionHost, { section: CheckInSection, headingId: 'settings-checkIn' });
    expect(screen.queryByText(t.commandLine)).not.toBeInTheDocument();
  });

  test('a changed shortcut can go back to the original one', async () => {
    const user = userEvent.setup();
    await loadWith({ ...baseSettings(), shortcut: 'Alt+Shift+P' }, baseInfo({ activeShortcut: 'Alt+Shift+P' }));
    render(SectionHost, { section: CheckInSection, headingId: 'settings-checkIn' });
    await user.click(screen.getByRole('button', { name: t.useDefault('Ctrl+Alt+Space') }));
    await vi.waitFor(() => expect(setCalls()).toEqual([{ shortcut: 'CommandOrControl+Alt+Space' }]));
  });
});

describe('CheckInSection: follow-up', () => {
  test('off / 10 / 20 / 30 / 60 minutes; a change is saved at once', async () => {
    const user = userEvent.setup();
    await loadWith();
    render(SectionHost, { section: CheckInSection, headingId: 'settings-checkIn' });
    const select = screen.getByRole('combobox', { name: t.followUpLabel });
    expect([...(select as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      t.followUpOff,
      'After 10 minutes',
      'After 20 minutes',
      'After 30 minutes',
      'After 1 hour',
    ]);
    expect(select).toHaveValue('20');
    await user.selectOptions(select, 'off');
    await vi.waitFor(() =>
      expect(setCalls()).toEqual([{ checkIn: { followUpMinutes: null, closeAfterSaveSeconds: 3, moreQuestionsOpen: false } }]),
    );
    expect(screen.getAllByRole('status')[1]).toHaveTextContent(settingsCopy.saved);
  });

  test('"Noted." closes itself after 3, 5 or 10 seconds, or only when closed; a change is saved whole', async () => {
    const user = userEvent.setup();
    await loadWith();
    render(SectionHost, { section: CheckInSection, headingId: 'settings-checkIn' });
    const select = screen.getByRole('combobox', { name: t.closeAfterSaveLabel });
    expect(select).toHaveAccessibleDescription(t.closeAfterSaveHint);
    expect([...(select as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      'After 3 seconds',
      'After 5 seconds',
      'After 10 seconds',
      t.closeAfterSaveNever,
    ]);
    expect(select).toHaveValue('3');
    await user.selectOptions(select, 'never');
    await vi.waitFor(() =>
      expect(setCalls()).toEqual([{ checkIn: { followUpMinutes: 20, closeAfterSaveSeconds: null, moreQuestionsOpen: false } }]),
    );
  });

  test('when saving does not work, the message shows and the old value comes back', async () => {
    const user = userEvent.setup();
    await loadWith();
    const DISK = 'Couldn’t save — the disk is full. Everything saved before is safe. Free some space and try again.';
    bridgeAnswers.set('settings.set', () => refused('disk-full', DISK));
    render(SectionHost, { section: CheckInSection, headingId: 'settings-checkIn' });
    const select = screen.getByRole('combobox', { name: t.followUpLabel });
    await user.selectOptions(select, '60');
    await vi.waitFor(() => expect(screen.getAllByRole('status')[1]).toHaveTextContent(DISK));
    expect(select).toHaveValue('20');
  });
});
