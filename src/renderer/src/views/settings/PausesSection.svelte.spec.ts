import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';

import { bridgeAnswers, bridgeCalls } from '../../../../../tests/renderer-setup';
import { settingsCopy } from '../../../../shared/copy';
import type { PauseSettings } from '../../../../shared/pauses/pause-settings';
import PausesSection from './PausesSection.svelte';
import SectionHost from './SectionHost.svelte';
import { baseInfo, baseSettings, loadWith, ok, refused, scheduleView } from './settings-test-kit';

const t = settingsCopy.pauses;
const pausePatches = () =>
  bridgeCalls.filter(([channel]) => channel === 'settings.set').map(([, patch]) => (patch as { pauses: PauseSettings }).pauses);
const renderPauses = () => render(SectionHost, { section: PausesSection, headingId: 'settings-pauses' });

describe('PausesSection', () => {
  test('off by default; turning on saves the whole section and shows when the next pause comes', async () => {
    const user = userEvent.setup();
    await loadWith();
    renderPauses();
    const enable = screen.getByRole('checkbox', { name: t.enable });
    expect(enable).not.toBeChecked();
    expect(await screen.findByText(t.status.off)).toBeInTheDocument();

    const at = new Date();
    at.setHours(23, 59, 0, 0);
    bridgeAnswers.set('pauses.status', () => ok(scheduleView({ kind: 'pause', at: at.getTime(), cause: 'interval' })));
    await user.click(enable);
    await vi.waitFor(() => expect(screen.getByText(/^Next pause: /)).toBeInTheDocument());
    expect(pausePatches()).toEqual([{ ...baseSettings().pauses, enabled: true }]);
    expect(enable).toBeChecked();
  });

  test('"show the minutes left" is off by default; turning it on saves the whole section with it', async () => {
    const user = userEvent.setup();
    const main = await loadWith();
    renderPauses();
    const box = screen.getByRole('checkbox', { name: t.showTimeLeft });
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription(t.showTimeLeftHint);
    await user.click(box);
    await vi.waitFor(() => expect(pausePatches()).toHaveLength(1));
    expect(pausePatches()).toEqual([{ ...baseSettings().pauses, showTimeLeft: true }]);
    expect(main.saved.pauses.showTimeLeft).toBe(true);
    await vi.waitFor(() => expect(box).toBeChecked());
  });

  test('when saving does not work, the box goes back and the reason shows', async () => {
    const user = userEvent.setup();
    await loadWith();
    bridgeAnswers.set('settings.set', () =>
      refused('read-only', 'Couldn’t save — Attune cannot write to its folder. Everything saved before is safe.'),
    );
    renderPauses();
    const enable = screen.getByRole('checkbox', { name: t.enable });
    await user.click(enable);
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('cannot write to its folder'));
    expect(enable).not.toBeChecked();
  });

  test('interval from 20 minutes to 4 hours, and the snooze length', async () => {
    const user = userEvent.setup();
    await loadWith();
    renderPauses();
    const interval = screen.getByRole('combobox', { name: t.interval });
    const options = [...(interval as HTMLSelectElement).options].map((o) => o.text);
    expect(options[0]).toBe('20 minutes');
    expect(options.at(-1)).toBe('4 hours');
    expect(options).toContain('1 hour 30 minutes');
    await user.selectOptions(interval, String(2 * 3600));
    await user.selectOptions(screen.getByRole('combobox', { name: t.snooze }), String(15 * 60));
    await vi.waitFor(() => expect(pausePatches()).toHaveLength(2));
    expect(pausePatches()[1]).toMatchObject({ intervalSeconds: 7200, snoozeSeconds: 900 });
  });

  test('seven day boxes, Monday first; two quick changes both stay', async () => {
    const user = userEvent.setup();
    await loadWith();
    renderPauses();
    const days = within(screen.getByRole('group', { name: t.days })).getAllByRole('checkbox');
    expect(days).toHaveLength(7);
    expect(days[0]).toHaveAccessibleName('Monday');
    expect(days[6]).toHaveAccessibleName('Sunday');
    await user.click(screen.getByRole('checkbox', { name: 'Saturday' }));
    await user.click(screen.getByRole('checkbox', { name: 'Monday' }));
    await vi.waitFor(() => expect(pausePatches()).toHaveLength(2));
    expect(pausePatches()[1]?.activeDays).toEqual([2, 3, 4, 5, 6]);
  });

  test('active hours may cross midnight, and the hint says so', async () => {
    await loadWith();
    renderPauses();
    expect(screen.getByText(t.hoursHint)).toBeInTheDocument();
    const hours = screen.getByRole('group', { name: t.hours });
    const [from, until] = within(hours).getAllByDisplayValue(/\d\d:\d\d/) as HTMLInputElement[];
    await fireEvent.change(from!, { target: { value: '22:00' } });
    await vi.waitFor(() => expect(pausePatches()).toHaveLength(1));
    await fireEvent.change(until!, { target: { value: '02:00' } });
    await vi.waitFor(() => expect(pausePatches()).toHaveLength(2));
    expect(pausePatches()[1]?.activeHours).toEqual({ startMinute: 22 * 60, endMinute: 2 * 60 });
  });

  test('the same start and end saves nothing and says why', async () => {
    await loadWith();
    renderPauses();
    const [from] = within(screen.getByRole('group', { name: t.hours })).getAllByDisplayValue(/\d\d:\d\d/) as HTMLInputElement[];
    await fireEvent.change(from!, { target: { value: '17:00' } });
    expect(screen.getByRole('status')).toHaveTextContent(t.sameTimes);
    expect(pausePatches()).toEqual([]);
    await fireEvent.blur(from!);
    expect(from).toHaveValue('09:00');
  });

  test('quiet times: add up to eight, change one, remove one', async () => {
    const user = userEvent.setup();
    await loadWith();
    renderPauses();
    expect(screen.getByText(t.quietNone)).toBeInTheDocument();
    const add = screen.getByRole('button', { name: t.addQuiet });
    for (let i = 0; i < 8; i++) await user.click(add);
    await vi.waitFor(() => expect(screen.getAllByRole('group', { name: /^Quiet time \d$/ })).toHaveLength(8));
    expect(add).toBeDisabled();
    expect(screen.getByText(t.quietLimit(8))).toBeInTheDocument();

    const third = screen.getByRole('group', { name: 'Quiet time 3' });
    const [, until] = within(third).getAllByDisplayValue(/\d\d:\d\d/) as HTMLInputElement[];
    await fireEvent.change(until!, { target: { value: '14:30' } });
    await vi.waitFor(() => expect(pausePatches().at(-1)?.quietPeriods[2]).toEqual({ startMinute: 720, endMinute: 870 }));

    await user.click(screen.getByRole('button', { name: t.removeQuietLabel(1) }));
    await vi.waitFor(() => expect(pausePatches().at(-1)?.quietPeriods).toHaveLength(7));
    expect(screen.getByRole('status')).toHaveTextContent(t.quietRemoved);
    expect(add).toBeEnabled();
    expect(add).toHaveFocus();
  });

  test('what Attune can notice on Linux: some things depend on the desktop', async () => {
    await loadWith();
    renderPauses();
    expect(screen.getByRole('heading', { name: t.detection.heading })).toBeInTheDocument();
    expect(screen.getByText(t.detection.signals.sleep).nextElementSibling).toHaveTextContent(t.detection.levels.yes);
    expect(screen.getByText(t.detection.signals.fullScreen).nextElementSibling).toHaveTextContent(t.detection.levels.some);
    expect(screen.getByText(t.detection.linux)).toBeInTheDocument();
  });

  test('what Attune can notice on macOS: not do-not-disturb, and the system still keeps quiet', async () => {
    await loadWith(baseSettings(), baseInfo({ platform: 'darwin' }));
    renderPauses();
    expect(screen.getByText(t.detection.signals.doNotDisturb).nextElementSibling).toHaveTextContent(t.detection.levels.no);
    expect(screen.getByText(t.detection.systemFocus)).toBeInTheDocument();
    expect(screen.queryByText(t.detection.linux)).not.toBeInTheDocument();
  });
});
