import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';

import { bridgeCalls } from '../../../../../tests/renderer-setup';
import PauseView from './PauseView.svelte';

/** A clock the test moves by hand; the view reads elapsed time from it. */
const manualClock = () => {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

describe('PauseView', () => {
  test('choose, begin: lines change with time, Stop and "This isn’t helping" always in view', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const clock = manualClock();
    render(PauseView, { now: clock.now });
    await user.click(screen.getByRole('button', { name: 'Begin' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Look around');
    expect(screen.getByText('Let your eyes wander slowly around the room.')).toBeInTheDocument();
    expect(screen.getByText(/2:00 left/)).toBeInTheDocument();
    clock.advance(25_000);
    await vi.advanceTimersByTimeAsync(300);
    expect(screen.getByText('Find three things you can see. You can name them quietly.')).toBeInTheDocument();
    expect(screen.getByText(/1:35 left/)).toBeInTheDocument();
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
    expect(bridgeCalls.map(([c, r]) => [c, r])).toEqual([
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
});
