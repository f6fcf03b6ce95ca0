import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';

import { bridgeAnswers, bridgeCalls, emitBridgeEvent } from '../../../../../tests/renderer-setup';
import type { Settings } from '../../../../shared/settings-schema';
import { baseSettings } from '../settings/settings-test-kit';
import PauseView from './PauseView.svelte';

/** A clock the test moves by hand; the view reads elapsed time from it. */
const manualClock = () => {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

/** Settings as main would answer them, with the pause and motion choices a test needs. */
const withSettings = (pauses: Partial<Settings['pauses']> = {}, motion: Settings['appearance']['motion'] = 'system'): Settings => {
  const base = baseSettings();
  const settings: Settings = { ...base, pauses: { ...base.pauses, ...pauses }, appearance: { ...base.appearance, motion } };
  bridgeAnswers.set('settings.get', () => ({ ok: true, value: settings }));
  return settings;
};

/** The system's reduced-motion preference, as matchMedia reports it (jsdom has none of its own). */
const systemReducedMotion = (matches: boolean) =>
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query.includes('prefers-reduced-motion') && matches,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));

const runningPause = async (clock: ReturnType<typeof manualClock>) => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  render(PauseView, { now: clock.now });
  // Settings arrive after the first paint; let them land before beginning.
  await vi.advanceTimersByTimeAsync(0);
  await user.click(screen.getByRole('button', { name: 'Begin' }));
  const moveOn = async (ms: number) => {
    clock.advance(ms);
    await vi.advanceTimersByTimeAsync(300);
  };
  return { user, moveOn };
};

const fillOf = (): string => (document.querySelector('.progress-fill') as HTMLElement).style.transform;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PauseView', () => {
  test('choose, begin: lines change with time, Stop and "This isn’t helping" always in view', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const clock = manualClock();
    render(PauseView, { now: clock.now });
    await user.click(screen.getByRole('button', { name: 'Begin' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Look around');
    expect(screen.getByText('Let your eyes wander slowly around the room.')).toBeInTheDocument();
    clock.advance(25_000);
    await vi.advanceTimersByTimeAsync(300);
    expect(screen.getByText('Find three things you can see. You can name them quietly.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Stop' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'This isn’t helping' })).toBeVisible();
  });

  test('at the end: an optional check-in, or close', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const clock = manualClock();
    render(PauseView, { now: clock.now });
    await user.selectOptions(screen.getByLabelText('Length'), '60');
    await user.click(screen.getByRole('button', { name: 'Begin' }));
    clock.advance(60_000);
    await vi.advanceTimersByTimeAsync(300);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('That’s the pause.');
    await user.click(screen.getByRole('button', { name: 'Check in' }));
    expect(bridgeCalls.filter(([c]) => c.startsWith('ui.')).map(([c, r]) => [c, r])).toEqual([
      ['ui.openView', { view: 'check-in' }],
      ['ui.closeWindow', undefined],
    ]);
  });

  test('"This isn’t helping": no judgement, a different exercise or close', async () => {
    const user = userEvent.setup();
    render(PauseView, { now: manualClock().now });
    await user.click(screen.getByRole('button', { name: 'Begin' }));
    await user.click(screen.getByRole('button', { name: 'This isn’t helping' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('That’s okay.');
    await user.click(screen.getByRole('button', { name: 'Try “Feel what holds you up”' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Feel what holds you up');
  });

  test('Stop ends it at once; Esc closes the window', async () => {
    const user = userEvent.setup();
    render(PauseView, { now: manualClock().now });
    await user.click(screen.getByRole('button', { name: 'Begin' }));
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Stopped.');
    await user.keyboard('{Escape}');
    expect(bridgeCalls.map(([c]) => c)).toContain('ui.closeWindow');
  });

  describe('progress without a countdown', () => {
    test('by default the running pause shows no numbers at all, only a quiet line named in words', async () => {
      withSettings();
      const clock = manualClock();
      const { moveOn } = await runningPause(clock);
      const main = screen.getByRole('main');
      expect(main.textContent).not.toMatch(/\d/);
      expect(screen.getByRole('img', { name: 'Early in the pause' })).toBeInTheDocument();
      await moveOn(61_000);
      expect(main.textContent).not.toMatch(/\d/);
      expect(screen.queryByText(/left/)).not.toBeInTheDocument();
      expect(screen.getByRole('img', { name: 'About halfway through' })).toBeInTheDocument();
      await moveOn(30_000);
      expect(screen.getByRole('img', { name: 'Near the end of the pause' })).toBeInTheDocument();
      // The words for the line are not a live region: nothing is announced as time passes.
      expect(screen.getByRole('img').closest('[aria-live]')).toBeNull();
    });

    test('with "show the time left" on: about how many minutes, in words that fit the number', async () => {
      withSettings({ showTimeLeft: true });
      const clock = manualClock();
      const { moveOn } = await runningPause(clock);
      expect(screen.getByText('About 2 minutes left')).toBeInTheDocument();
      await moveOn(50_000); // 1:10 left
      expect(screen.getByText('About 1 minute left')).toBeInTheDocument();
      await moveOn(11_000); // 0:59 left
      expect(screen.getByText('Less than a minute left')).toBeInTheDocument();
      // Never seconds, never a clock face.
      expect(screen.getByRole('main').textContent).not.toMatch(/\d:\d\d/);
    });

    test('the setting changed in Settings while the pause runs takes effect at once', async () => {
      const settings = withSettings();
      const clock = manualClock();
      await runningPause(clock);
      expect(screen.queryByText(/left$/)).not.toBeInTheDocument();
      emitBridgeEvent('settings.changed', { ...settings, pauses: { ...settings.pauses, showTimeLeft: true } });
      expect(await screen.findByText('About 2 minutes left')).toBeInTheDocument();
      emitBridgeEvent('settings.changed', settings);
      await vi.waitFor(() => expect(screen.queryByText(/left$/)).not.toBeInTheDocument());
    });

    test('the line follows the clock when motion is fine', async () => {
      withSettings();
      systemReducedMotion(false);
      const clock = manualClock();
      const { moveOn } = await runningPause(clock);
      await moveOn(10_000);
      expect(fillOf()).toBe(`scaleX(${10 / 120})`);
    });

    test.each([
      ['the system asks for reduced motion', true, 'system'],
      ['Attune’s own setting reduces motion', false, 'reduce'],
    ] as const)('%s: the line keeps still and steps only when the words change', async (_, system, motion) => {
      withSettings({}, motion);
      systemReducedMotion(system);
      const clock = manualClock();
      const { moveOn } = await runningPause(clock);
      expect(fillOf()).toBe('scaleX(0)');
      await moveOn(10_000);
      expect(fillOf()).toBe('scaleX(0)');
      await moveOn(9_000);
      expect(fillOf()).toBe('scaleX(0)');
      await moveOn(1_000); // 20 s: the second of six lines
      expect(fillOf()).toBe(`scaleX(${1 / 6})`);
    });
  });
});
