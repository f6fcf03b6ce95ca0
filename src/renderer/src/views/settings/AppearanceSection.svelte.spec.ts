import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';

import { bridgeAnswers, bridgeCalls } from '../../../../../tests/renderer-setup';
import { languageCopy, settingsCopy } from '../../../../shared/copy';
import AppearanceSection from './AppearanceSection.svelte';
import SectionHost from './SectionHost.svelte';
import { loadWith, refused } from './settings-test-kit';

const t = settingsCopy.appearance;
const colours = () => screen.getByRole('group', { name: t.theme });

afterEach(() => {
  delete document.documentElement.dataset.theme;
  delete document.documentElement.dataset.motion;
});

describe('AppearanceSection', () => {
  test('Dark is saved and applied to <html> at once', async () => {
    const user = userEvent.setup();
    await loadWith();
    render(SectionHost, { section: AppearanceSection, headingId: 'settings-appearance' });
    expect(within(colours()).getByRole('radio', { name: t.themes.system })).toBeChecked();
    await user.click(within(colours()).getByRole('radio', { name: t.themes.dark }));
    await vi.waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect(bridgeCalls.find(([c]) => c === 'settings.set')?.[1]).toEqual({
      appearance: { theme: 'dark', motion: 'system', discreet: true, zoomPercent: 100, language: 'system' },
    });
    expect(screen.getByRole('status')).toHaveTextContent(settingsCopy.saved);
  });

  test('the language: the system’s by default, each language named in its own, and a choice is saved', async () => {
    const user = userEvent.setup();
    await loadWith();
    render(SectionHost, { section: AppearanceSection, headingId: 'settings-appearance' });
    const language = screen.getByRole('combobox', { name: languageCopy.label });
    expect(language).toHaveValue('system');
    expect(language).toHaveAccessibleDescription(languageCopy.hint);
    const options = within(language).getAllByRole('option');
    expect(options[0]).toHaveTextContent(languageCopy.system('English'));
    expect(options.slice(1).map((option) => [option.textContent, option.getAttribute('lang')])).toContainEqual(['English', 'en']);
    await user.selectOptions(language, 'en');
    await vi.waitFor(() =>
      expect(bridgeCalls.find(([c]) => c === 'settings.set')?.[1]).toEqual({
        appearance: { theme: 'system', motion: 'system', discreet: true, zoomPercent: 100, language: 'en' },
      }),
    );
  });

  test('less movement sets data-motion', async () => {
    const user = userEvent.setup();
    await loadWith();
    render(SectionHost, { section: AppearanceSection, headingId: 'settings-appearance' });
    await user.click(screen.getByRole('radio', { name: t.motions.reduce }));
    await vi.waitFor(() => expect(document.documentElement.dataset.motion).toBe('reduce'));
  });

  test('a refused change: the earlier choice is checked again and the reason shows', async () => {
    const user = userEvent.setup();
    await loadWith();
    bridgeAnswers.set('settings.set', () =>
      refused('internal', 'Something went wrong inside Attune. Nothing was changed. You can try again.'),
    );
    render(SectionHost, { section: AppearanceSection, headingId: 'settings-appearance' });
    await user.click(within(colours()).getByRole('radio', { name: t.themes.light }));
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Nothing was changed'));
    expect(within(colours()).getByRole('radio', { name: t.themes.system })).toBeChecked();
    expect(within(colours()).getByRole('radio', { name: t.themes.light })).not.toBeChecked();
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  test('discreet mode is on, with one line on what it changes', async () => {
    await loadWith();
    render(SectionHost, { section: AppearanceSection, headingId: 'settings-appearance' });
    const discreet = screen.getByRole('checkbox', { name: new RegExp(t.discreet) });
    expect(discreet).toBeChecked();
    expect(discreet).toHaveAccessibleDescription(t.discreetHint);
  });
});
