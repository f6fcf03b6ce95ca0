import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { beforeEach, describe, expect, test, vi } from 'vitest';

import { bridgeAnswers, bridgeCalls, emitBridgeEvent } from '../../../../../tests/renderer-setup';
import { flow, resetFlow } from '../../stores/checkin-flow.svelte';
import { baseSettings } from '../settings/settings-test-kit';
import { statusOf } from './check-in-test-kit';
import CheckInFlow from './CheckInFlow.svelte';

const heading = () => screen.getByRole('heading', { level: 1 });
const primary = () => screen.getByRole('button', { name: /^(Skip|Continue|Save|Try again|Saving…)$/ });

beforeEach(() => {
  resetFlow();
  bridgeAnswers.set('vault.append', (request) => ({
    ok: true,
    value: { ...(request as object), id: 'abcdefgh12', at: 1, offsetMinutes: 0 },
  }));
});

describe('CheckInFlow', () => {
  test('three screens, each with a heading that takes focus, Skip until something is chosen', async () => {
    const user = userEvent.setup();
    render(CheckInFlow);
    expect(heading()).toHaveTextContent('What is here right now?');
    expect(primary()).toHaveTextContent('Skip');
    await user.click(screen.getByRole('checkbox', { name: /^Freeze/ }));
    expect(primary()).toHaveTextContent('Continue');
    await user.click(primary());
    expect(heading()).toHaveTextContent('What do I need right now to feel safe — or to get safe?');
    expect(heading()).toHaveFocus();
    expect(screen.getByText('Step 2 of 3')).toBeInTheDocument();
    await user.click(primary());
    expect(heading()).toHaveTextContent('One small step');
    expect(primary()).toHaveTextContent('Save');
  });

  test('step changes are announced for screen readers', async () => {
    const user = userEvent.setup();
    const { container } = render(CheckInFlow);
    await user.click(primary());
    expect(container.querySelector('[aria-live="polite"]')).toHaveTextContent('Step 2 of 3: What I need');
  });

  test('Enter on a choice toggles it and never moves on; Ctrl+Enter moves on; Back returns with choices kept', async () => {
    const user = userEvent.setup();
    render(CheckInFlow);
    // Opening puts focus on the heading first; then the person moves to a choice.
    await vi.waitFor(() => expect(heading()).toHaveFocus());
    screen.getByRole('checkbox', { name: /^Fawn/ }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('checkbox', { name: /^Fawn/ })).toBeChecked();
    expect(heading()).toHaveTextContent('What is here right now?');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('checkbox', { name: /^Fawn/ })).not.toBeChecked();
    await user.keyboard('{Enter}');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await vi.waitFor(() => expect(heading()).toHaveTextContent(/What do I need/));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('checkbox', { name: /^Fawn/ })).toBeChecked();
  });

  test('Enter in a one-line field or on a step never saves; Ctrl+Enter in the note does', async () => {
    const user = userEvent.setup();
    render(CheckInFlow);
    await user.click(primary());
    await user.type(screen.getByRole('textbox', { name: /own words/ }), 'quiet{Enter}');
    expect(heading()).toHaveTextContent(/What do I need/);
    await user.click(primary());
    await vi.waitFor(() => expect(heading()).toHaveTextContent('One small step'));
    screen.getAllByRole('radio')[0]!.focus();
    await user.keyboard('{Enter}');
    expect(screen.getAllByRole('radio')[0]).toBeChecked();
    expect(heading()).toHaveTextContent('One small step');
    await user.type(screen.getByRole('textbox', { name: /note/ }), 'later{Enter}more');
    expect(bridgeCalls.map(([c]) => c)).not.toContain('vault.append');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByRole('heading', { name: 'Noted.' })).toBeInTheDocument();
    expect(bridgeCalls.find(([c]) => c === 'vault.append')?.[1]).toMatchObject({ data: { needText: 'quiet', note: 'later\nmore' } });
  });

  test('Save sends the entry through the bridge, then says "Noted." and stops', async () => {
    const user = userEvent.setup();
    render(CheckInFlow);
    await user.click(screen.getByRole('checkbox', { name: /^Settled/ }));
    await user.click(primary());
    await user.click(screen.getByRole('checkbox', { name: /^Quiet/ }));
    await user.click(primary());
    await user.click(screen.getAllByRole('radio')[0]!);
    await user.click(primary());
    expect(heading()).toHaveTextContent('Noted.');
    const append = bridgeCalls.find(([channel]) => channel === 'vault.append');
    expect(append?.[1]).toMatchObject({
      kind: 'check-in',
      data: { states: ['settled'], needs: ['quiet'], step: { id: expect.any(String) } },
    });
  });

  test('a save problem keeps the entry on screen with a calm message and Try again', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.append', () => ({ ok: false, error: { code: 'disk-full', message: 'The disk is full.' } }));
    render(CheckInFlow);
    await user.click(screen.getByRole('checkbox', { name: /^Flight/ }));
    await user.click(primary());
    await user.click(primary());
    await user.click(primary());
    expect(screen.getByRole('status')).toHaveTextContent('Couldn’t save just now — your entry is kept in this window. The disk is full.');
    expect(primary()).toHaveTextContent('Try again');
    expect(flow.draft.states).toEqual(['flight']);
  });

  test('a save started with Ctrl+Enter that does not work: Try again takes focus; the message sits outside the scrolling content', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.append', () => ({ ok: false, error: { code: 'disk-full', message: 'The disk is full.' } }));
    const { container } = render(CheckInFlow);
    await user.click(screen.getByRole('checkbox', { name: /^Flight/ }));
    await user.click(primary());
    await user.click(primary());
    await user.click(screen.getAllByRole('radio')[0]!);
    screen.getAllByRole('radio')[0]!.focus();
    await user.keyboard('{Control>}{Enter}{/Control}');
    await vi.waitFor(() => expect(primary()).toHaveTextContent('Try again'));
    await vi.waitFor(() => expect(primary()).toHaveFocus());
    // Not inside .content (which scrolls), but just above the footer, so it is always in view.
    expect(container.querySelector('.content [role="status"]')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('The disk is full.');
    // While saving, the button is aria-disabled (not disabled), so focus never falls to the page body.
    expect(primary()).not.toBeDisabled();
  });

  test('Esc asks main to close and lets the draft go', async () => {
    const user = userEvent.setup();
    render(CheckInFlow);
    await user.click(screen.getByRole('checkbox', { name: /^Fight/ }));
    await user.keyboard('{Escape}');
    expect(bridgeCalls.map(([c]) => c)).toContain('ui.closePopover');
    expect(flow.draft.states).toEqual([]);
  });

  for (const how of ['Esc', 'Close'] as const) {
    test(`${how} with typed words keeps the draft, the next open says so, and Start over lets it go`, async () => {
      const user = userEvent.setup();
      render(CheckInFlow);
      await user.click(screen.getByRole('checkbox', { name: /^Fight/ }));
      await user.click(primary());
      await user.type(screen.getByRole('textbox', { name: /own words/ }), 'a door');
      if (how === 'Esc') await user.keyboard('{Escape}');
      else await user.click(screen.getByRole('button', { name: 'Close' }));
      expect(bridgeCalls.map(([c]) => c)).toContain('ui.closePopover');
      emitBridgeEvent('popover.shown', { reason: 'tray' });
      await vi.waitFor(() => expect(heading()).toHaveTextContent(/What do I need/));
      expect(screen.getByRole('textbox', { name: /own words/ })).toHaveValue('a door');
      expect(screen.getByText('Your words from before are still here.')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Start over' }));
      expect(heading()).toHaveTextContent('What is here right now?');
      expect(screen.getByRole('checkbox', { name: /^Fight/ })).not.toBeChecked();
      expect(flow.draft.needText).toBe('');
      expect(screen.queryByText('Your words from before are still here.')).toBeNull();
    });
  }

  test('opened by the shortcut: focus goes to the first choice', async () => {
    render(CheckInFlow);
    emitBridgeEvent('popover.shown', { reason: 'shortcut' });
    await tick();
    await vi.waitFor(() => expect(screen.getByRole('checkbox', { name: /^Fight/ })).toHaveFocus());
  });

  test('a locked vault leads to the inline unlock step, keeping the entry', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.append', () => ({ ok: false, error: { code: 'vault-locked', message: 'locked' } }));
    render(CheckInFlow);
    await user.click(screen.getByRole('checkbox', { name: /^Freeze/ }));
    await user.click(primary());
    await user.click(primary());
    // It locked while the check-in was open (and no lock event reached it).
    bridgeAnswers.set('vault.status', () => statusOf('locked'));
    await user.click(primary());
    expect(await screen.findByRole('heading', { name: 'Unlock to save' })).toBeInTheDocument();
    expect(screen.getByLabelText('Passphrase')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Use the recovery key instead' })).toBeInTheDocument();
    expect(flow.draft.states).toEqual(['freeze']);
  });

  test('a locked Attune opens on its lock screen (unlock, help, close); unlocking leads to the check-in', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.status', () => statusOf('locked'));
    bridgeAnswers.set('vault.unlock', () => statusOf('unlocked'));
    render(CheckInFlow);
    expect(await screen.findByRole('heading', { name: 'Attune is locked' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Get help now' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Passphrase'), 'long enough');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('heading', { name: 'What is here right now?' })).toBeInTheDocument();
  });

  test('locking while open (auto-lock, tray) switches to the lock screen and keeps the draft', async () => {
    const user = userEvent.setup();
    render(CheckInFlow);
    await user.click(screen.getByRole('checkbox', { name: /^Fawn/ }));
    bridgeAnswers.set('vault.status', () => statusOf('locked'));
    emitBridgeEvent('vault.changed', { state: 'locked' });
    expect(await screen.findByRole('heading', { name: 'Attune is locked' })).toBeInTheDocument();
    expect(flow.draft.states).toEqual(['fawn']);
  });

  test('locked on "Noted.", then unlocked: a fresh check-in, not the last one’s answers again', async () => {
    const user = userEvent.setup();
    render(CheckInFlow);
    await user.click(screen.getByRole('checkbox', { name: /^Settled/ }));
    await user.click(primary());
    await user.click(primary());
    await user.click(primary());
    expect(await screen.findByRole('heading', { name: 'Noted.' })).toBeInTheDocument();
    bridgeAnswers.set('vault.status', () => statusOf('locked'));
    emitBridgeEvent('vault.changed', { state: 'locked' });
    expect(await screen.findByRole('heading', { name: 'Attune is locked' })).toBeInTheDocument();
    bridgeAnswers.set('vault.status', () => statusOf('unlocked'));
    emitBridgeEvent('vault.changed', { state: 'unlocked' });
    expect(await screen.findByRole('heading', { name: 'What is here right now?' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /^Settled/ })).not.toBeChecked();
    expect(flow.draft.states).toEqual([]);
    expect(primary()).toHaveTextContent('Skip');
  });

  test('suggestions say what helped before, in counts, never as a score', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('checkin.suggestions', () => ({
      ok: true,
      value: {
        scores: [{ stepId: 'drink-water', score: 3 }],
        explanations: [{ stepId: 'drink-water', state: 'freeze', helped: 3, aBit: 0, answered: 4 }],
      },
    }));
    render(CheckInFlow);
    await user.click(screen.getByRole('checkbox', { name: /^Freeze/ }));
    await user.click(primary());
    await user.click(primary());
    const first = screen.getAllByRole('radio')[0]!;
    expect(first).toHaveAccessibleName(/Get a glass of water/);
    expect(first).toHaveAccessibleName(/Helped you 3 of 4 times when freeze was present\./);
    expect(bridgeCalls.find(([c]) => c === 'checkin.suggestions')?.[1]).toEqual({ states: ['freeze'], needs: [] });
  });

  test('Enter while a save is under way does not save twice', async () => {
    const user = userEvent.setup();
    let release: () => void = () => undefined;
    bridgeAnswers.set(
      'vault.append',
      (request) =>
        new Promise(
          (done) => (release = () => done({ ok: true, value: { ...(request as object), id: 'abcdefgh12', at: 1, offsetMinutes: 0 } })),
        ),
    );
    render(CheckInFlow);
    await user.click(screen.getByRole('checkbox', { name: /^Settled/ }));
    await user.click(primary());
    await user.click(primary());
    await user.click(screen.getAllByRole('radio')[0]!);
    await user.click(primary());
    screen.getAllByRole('radio')[0]!.focus();
    await user.keyboard('{Enter}{Enter}');
    release();
    expect(await screen.findByRole('heading', { name: 'Noted.' })).toBeInTheDocument();
    expect(bridgeCalls.filter(([c]) => c === 'vault.append')).toHaveLength(1);
  });

  test('"Noted." ignores modifier keys and keys on its buttons; a reopen keeps the new check-in open', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(CheckInFlow);
    await user.click(screen.getByRole('checkbox', { name: /^Settled/ }));
    await user.click(primary());
    await user.click(primary());
    await user.click(primary());
    expect(await screen.findByRole('heading', { name: 'Noted.' })).toBeInTheDocument();
    await user.keyboard('{Control}{Shift}{Alt}');
    expect(bridgeCalls.map(([c]) => c)).not.toContain('ui.closePopover');
    // Reopened before the acknowledgement closes itself: the new check-in is not closed under the person.
    emitBridgeEvent('popover.shown', { reason: 'shortcut' });
    await vi.waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('What is here right now?'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(bridgeCalls.map(([c]) => c)).not.toContain('ui.closePopover');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('What is here right now?');
  });

  /** Settled, then straight through by keyboard to "Noted.", with the "Noted." delay set to `seconds`. */
  const toNoted = async (seconds: number | null) => {
    bridgeAnswers.set('settings.get', () => ({
      ok: true,
      value: { ...baseSettings(), checkIn: { ...baseSettings().checkIn, closeAfterSaveSeconds: seconds } },
    }));
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(CheckInFlow);
    await vi.waitFor(() => expect(heading()).toHaveFocus());
    screen.getByRole('checkbox', { name: /^Settled/ }).focus();
    await user.keyboard(' ');
    for (const next of [/What do I need/, 'One small step']) {
      await user.keyboard('{Control>}{Enter}{/Control}');
      await vi.waitFor(() => expect(heading()).toHaveTextContent(next));
    }
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByRole('heading', { name: 'Noted.' })).toBeInTheDocument();
    return user;
  };
  const closed = () => bridgeCalls.some(([c]) => c === 'ui.closePopover');

  test('"Noted." closes itself after the chosen delay, but not while the person is on one of its buttons', async () => {
    const user = await toNoted(5);
    await vi.advanceTimersByTimeAsync(4500);
    expect(closed()).toBe(false);
    // On one of its buttons (Shift+Tab is not a "close" key), the window waits for the person.
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
    await vi.advanceTimersByTimeAsync(12_000);
    expect(closed()).toBe(false);
    heading().focus();
    await vi.advanceTimersByTimeAsync(5000);
    expect(closed()).toBe(true);
  });

  test('"Noted." set to never close itself stays until the person closes it', async () => {
    await toNoted(null);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(closed()).toBe(false);
    expect(heading()).toHaveTextContent('Noted.');
  });

  test('a step chosen before going Back stays in view, so nothing hidden is saved', async () => {
    const user = userEvent.setup();
    render(CheckInFlow);
    await user.click(primary());
    await user.click(screen.getByRole('checkbox', { name: /^Food or water/ }));
    await user.click(primary());
    await user.click(screen.getByRole('radio', { name: 'Get a glass of water' }));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(screen.getByRole('checkbox', { name: /^Food or water/ }));
    await user.click(screen.getByRole('checkbox', { name: /^Space or a boundary/ }));
    await user.click(primary());
    expect(screen.getByRole('radio', { name: 'Get a glass of water' })).toBeChecked();
  });

  test('the step screen shows only once its suggestions are in: a choice made at once is kept, with focus on it', async () => {
    const user = userEvent.setup();
    let release: () => void = () => undefined;
    bridgeAnswers.set(
      'checkin.suggestions',
      () =>
        new Promise(
          (done) => (release = () => done({ ok: true, value: { scores: [{ stepId: 'drink-water', score: 3 }], explanations: [] } })),
        ),
    );
    render(CheckInFlow);
    await user.click(primary());
    screen.getByRole('checkbox', { name: /^Food or water/ }).focus();
    await user.keyboard('{Control>}{Enter}{/Control}');
    // Still the need screen while main answers; a second Ctrl+Enter does not skip on to saving,
    // and the button says it is busy (aria-disabled keeps focus where it is).
    expect(primary()).toHaveAttribute('aria-disabled', 'true');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(heading()).toHaveTextContent(/What do I need/);
    release();
    await vi.waitFor(() => expect(heading()).toHaveTextContent('One small step'));
    expect(heading()).toHaveFocus();
    expect(primary()).toHaveAttribute('aria-disabled', 'false');
    // The person begins at once: nothing moves or takes focus back, and Ctrl+Enter saves what they chose.
    await user.tab();
    await user.keyboard(' ');
    const chosen = screen.getByRole('radio', { checked: true });
    expect(chosen).toHaveFocus();
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByRole('heading', { name: 'Noted.' })).toBeInTheDocument();
    expect(bridgeCalls.filter(([c]) => c === 'checkin.suggestions')).toHaveLength(1);
    expect(bridgeCalls.find(([c]) => c === 'vault.append')?.[1]).toMatchObject({ data: { step: { id: 'drink-water' } } });
  });

  test('closed while the suggestions load: the next open starts where the person left, not on a screen they never saw', async () => {
    const user = userEvent.setup();
    let release: () => void = () => undefined;
    bridgeAnswers.set(
      'checkin.suggestions',
      () => new Promise((done) => (release = () => done({ ok: true, value: { scores: [], explanations: [] } }))),
    );
    render(CheckInFlow);
    await user.click(screen.getByRole('checkbox', { name: /^Freeze/ }));
    await user.click(primary());
    await user.click(primary());
    await user.keyboard('{Escape}');
    release();
    await tick();
    expect(heading()).toHaveTextContent('What is here right now?');
    expect(flow.draft.states).toEqual([]);
  });

  test('unlocked in another window: this lock screen goes; locked while reading help: help stays', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.status', () => statusOf('locked'));
    render(CheckInFlow);
    expect(await screen.findByRole('heading', { name: 'Attune is locked' })).toBeInTheDocument();
    bridgeAnswers.set('vault.status', () => statusOf('unlocked'));
    emitBridgeEvent('vault.changed', { state: 'unlocked' });
    expect(await screen.findByRole('heading', { name: 'What is here right now?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Get help now' }));
    expect(await screen.findByRole('heading', { name: 'Get help now' })).toBeInTheDocument();
    bridgeAnswers.set('vault.status', () => statusOf('locked'));
    emitBridgeEvent('vault.changed', { state: 'locked' });
    await tick();
    expect(screen.getByRole('heading', { name: 'Get help now' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('heading', { name: 'Attune is locked' })).toBeInTheDocument();
  });
});

describe('CheckInFlow: the first save sets the history up', () => {
  const notSetUp = {
    ok: true,
    value: {
      state: 'not-set-up',
      methods: { keychain: false, passphrase: false, recovery: false },
      keychainAvailable: false,
      entryCount: null,
      problems: [],
      recoveredFiles: 0,
    },
  };
  const KEY = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789';

  const toRecoveryKey = async (user: ReturnType<typeof userEvent.setup>) => {
    let setUp = false;
    bridgeAnswers.set('vault.status', () => (setUp ? statusOf('unlocked') : notSetUp));
    bridgeAnswers.set('vault.setup', () => {
      setUp = true;
      return { ok: true, value: { status: statusOf('unlocked').value, recoveryKey: KEY } };
    });
    const appended: unknown[] = [];
    bridgeAnswers.set('vault.append', (request) => {
      if (!setUp) return { ok: false, error: { code: 'vault-not-set-up', message: 'not set up' } };
      appended.push(request);
      return { ok: true, value: { ...(request as object), id: 'abcdefgh12', at: 1, offsetMinutes: 0 } };
    });
    render(CheckInFlow);
    await user.click(screen.getByRole('checkbox', { name: /^Freeze/ }));
    await user.click(primary());
    await user.click(primary());
    await user.click(primary());
    await user.type(await screen.findByLabelText('Passphrase'), 'long enough');
    await user.type(screen.getByLabelText('Type it again'), 'long enough');
    await user.click(screen.getByRole('button', { name: 'Set up and save' }));
    expect(await screen.findByRole('heading', { name: 'Your recovery key' })).toBeInTheDocument();
    return appended;
  };

  test('the check-in is saved before the recovery key shows; Esc there loses nothing and keeps no key', async () => {
    const user = userEvent.setup();
    const appended = await toRecoveryKey(user);
    expect(appended).toEqual([expect.objectContaining({ kind: 'check-in', data: expect.objectContaining({ states: ['freeze'] }) })]);
    expect(screen.getByText('Your check-in is saved.')).toBeInTheDocument();
    expect(screen.getByText(KEY)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(bridgeCalls.map(([c]) => c)).toContain('ui.closePopover');
    expect(bridgeCalls.map(([c]) => c)).not.toContain('vault.keepRecoveryKey');
    expect(appended).toHaveLength(1);
  });

  test('Close on the recovery key: the check-in is already saved, no key is kept', async () => {
    const user = userEvent.setup();
    const appended = await toRecoveryKey(user);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(bridgeCalls.map(([c]) => c)).toContain('ui.closePopover');
    expect(bridgeCalls.map(([c]) => c)).not.toContain('vault.keepRecoveryKey');
    expect(appended).toHaveLength(1);
  });

  test('“I’ve written it down” keeps that key, then “Noted.”', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.keepRecoveryKey', () => ({ ok: true, value: statusOf('unlocked').value }));
    const appended = await toRecoveryKey(user);
    await user.click(screen.getByRole('button', { name: 'I’ve written it down' }));
    expect(await screen.findByRole('heading', { name: 'Noted.' })).toBeInTheDocument();
    expect(bridgeCalls.find(([c]) => c === 'vault.keepRecoveryKey')?.[1]).toEqual({ recoveryKey: KEY });
    expect(appended).toHaveLength(1);
  });

  test('if keeping the key does not work, the key stays on screen with a calm message and the button again', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.keepRecoveryKey', () => ({
      ok: false,
      error: { code: 'disk-full', message: 'Couldn’t save — the disk is full.' },
    }));
    await toRecoveryKey(user);
    const done = screen.getByRole('button', { name: 'I’ve written it down' });
    await user.click(done);
    expect(await screen.findByRole('status')).toHaveTextContent('the disk is full');
    expect(screen.getByText(KEY)).toBeInTheDocument();
    expect(done).toHaveFocus();
  });

  test('a save that does not work right after set-up returns to the last step (Try again); the key shows once it is saved', async () => {
    const user = userEvent.setup();
    let fail = true;
    const appended = await (async () => {
      let setUp = false;
      bridgeAnswers.set('vault.status', () => (setUp ? statusOf('unlocked') : notSetUp));
      bridgeAnswers.set('vault.setup', () => {
        setUp = true;
        return { ok: true, value: { status: statusOf('unlocked').value, recoveryKey: KEY } };
      });
      const list: unknown[] = [];
      bridgeAnswers.set('vault.append', (request) => {
        if (!setUp) return { ok: false, error: { code: 'vault-not-set-up', message: 'not set up' } };
        if (fail) return { ok: false, error: { code: 'disk-full', message: 'The disk is full.' } };
        list.push(request);
        return { ok: true, value: { ...(request as object), id: 'abcdefgh12', at: 1, offsetMinutes: 0 } };
      });
      return list;
    })();
    render(CheckInFlow);
    await user.click(screen.getByRole('checkbox', { name: /^Freeze/ }));
    await user.click(primary());
    await user.click(primary());
    await user.click(primary());
    await user.type(await screen.findByLabelText('Passphrase'), 'long enough');
    await user.type(screen.getByLabelText('Type it again'), 'long enough');
    await user.click(screen.getByRole('button', { name: 'Set up and save' }));
    expect(await screen.findByRole('heading', { name: 'One small step' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Couldn’t save just now — your entry is kept in this window. The disk is full.');
    expect(primary()).toHaveTextContent('Try again');
    expect(screen.queryByText(KEY)).not.toBeInTheDocument();
    fail = false;
    await user.click(primary());
    expect(await screen.findByRole('heading', { name: 'Your recovery key' })).toBeInTheDocument();
    expect(screen.getByText(KEY)).toBeInTheDocument();
    expect(appended).toHaveLength(1);
  });
});
