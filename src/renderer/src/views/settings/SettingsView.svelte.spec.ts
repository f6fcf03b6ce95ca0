import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';

import { bridgeAnswers, emitBridgeEvent } from '../../../../../tests/renderer-setup';
import { settingsCopy } from '../../../../shared/copy';
import { answerSettings, baseInfo, baseSettings, ok, refused } from './settings-test-kit';
import SettingsView from './SettingsView.svelte';

const t = settingsCopy;

describe('SettingsView', () => {
  test('five sections, each a region with its own heading; the heading takes focus on open', async () => {
    answerSettings();
    render(SettingsView);
    expect(screen.getByRole('heading', { level: 1, name: t.heading })).toHaveFocus();
    for (const name of Object.values(t.sections)) {
      expect(await screen.findByRole('region', { name })).toBeInTheDocument();
      expect(screen.getByRole('heading', { level: 2, name })).toBeInTheDocument();
    }
  });

  test('the section links move focus to a section’s heading', async () => {
    const user = userEvent.setup();
    answerSettings();
    render(SettingsView);
    await screen.findByRole('region', { name: t.sections.privacy });
    const nav = screen.getByRole('navigation', { name: t.jumpLabel });
    await user.click(nav.querySelectorAll('button')[2] as HTMLButtonElement);
    expect(screen.getByRole('heading', { level: 2, name: t.sections.privacy })).toHaveFocus();
  });

  test('settings changed elsewhere (the tray, another window) show at once', async () => {
    answerSettings();
    render(SettingsView);
    const enable = await screen.findByRole('checkbox', { name: t.pauses.enable });
    expect(enable).not.toBeChecked();
    const settings = baseSettings();
    emitBridgeEvent('settings.changed', { ...settings, pauses: { ...settings.pauses, enabled: true } });
    await vi.waitFor(() => expect(enable).toBeChecked());
  });

  test('a notice from main shows calmly at the top', async () => {
    answerSettings(baseSettings(), baseInfo({ notice: 'Some settings could not be read and were set back to their usual values.' }));
    render(SettingsView);
    expect(await screen.findByText(/set back to their usual values/)).toBeInTheDocument();
  });

  test('if settings cannot be read, it says so and can try again', async () => {
    const user = userEvent.setup();
    answerSettings();
    bridgeAnswers.set('settings.get', () => refused('internal', 'x'));
    render(SettingsView);
    expect(await screen.findByText(t.loadProblem)).toBeInTheDocument();
    bridgeAnswers.set('settings.get', () => ok(baseSettings()));
    await user.click(screen.getByRole('button', { name: t.retry }));
    expect(await screen.findByRole('region', { name: t.sections.system })).toBeInTheDocument();
  });
});
