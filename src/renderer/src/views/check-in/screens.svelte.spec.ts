import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';

import { bridgeAnswers, bridgeCalls } from '../../../../../tests/renderer-setup';
import { flow, resetFlow } from '../../stores/checkin-flow.svelte';
import NeedScreen from './NeedScreen.svelte';
import NowScreen from './NowScreen.svelte';
import StepScreen from './StepScreen.svelte';
import VaultGate from './VaultGate.svelte';

beforeEach(() => resetFlow());

const status = (state: 'not-set-up' | 'locked', keychainAvailable = false) => ({
  ok: true,
  value: {
    state,
    methods: { keychain: false, passphrase: state === 'locked', recovery: false },
    keychainAvailable,
    entryCount: null,
    problems: [],
    recoveredFiles: 0,
  },
});

describe('NowScreen', () => {
  test('seven states with neutral descriptions, an optional driver and a worded capacity scale', async () => {
    const user = userEvent.setup();
    render(NowScreen);
    expect(screen.getAllByRole('checkbox')).toHaveLength(7);
    expect(screen.getByRole('checkbox', { name: /Freeze.*Everything slows down or shuts off/ })).toBeInTheDocument();
    // The two optional questions open from one disclosure.
    const more = screen.getByRole('button', { name: 'Two more questions (optional)' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('group', { name: 'Who’s driving? (optional)' })).toBeNull();
    await user.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('group', { name: 'Who’s driving? (optional)' })).toBeInTheDocument();
    const scale = screen.getByRole('group', { name: 'How manageable does this feel? (optional)' });
    expect(scale.querySelectorAll('input[type=radio]')).toHaveLength(5);
    expect(scale).not.toHaveTextContent(/\d/);
    await user.click(screen.getByRole('radio', { name: 'In between' }));
    expect(flow.draft.capacity).toBe(3);
    // Choosing it again keeps it: a radio stays chosen, on screen and in the draft.
    await user.click(screen.getByRole('radio', { name: 'In between' }));
    expect(flow.draft.capacity).toBe(3);
    expect(screen.getByRole('radio', { name: 'In between' })).toBeChecked();
    // The optional answer is undone with its own button; focus stays in the question.
    await user.click(screen.getByRole('button', { name: 'Clear: How manageable does this feel? (optional)' }));
    expect(flow.draft.capacity).toBeNull();
    expect(screen.getByRole('radio', { name: 'In between' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Too much right now' })).toHaveFocus();
    // Each optional question has its own Clear, shown only while it has an answer.
    expect(screen.queryByRole('button', { name: /^Clear/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /^Observing first/ }));
    await user.click(screen.getByRole('button', { name: 'Clear: Who’s driving? (optional)' }));
    expect(flow.draft.driver).toBeNull();
  });
});

describe('NeedScreen', () => {
  test('ten needs and a place for own words', async () => {
    const user = userEvent.setup();
    render(NeedScreen);
    expect(screen.getAllByRole('checkbox')).toHaveLength(10);
    await user.type(screen.getByLabelText('In my own words (optional)'), 'a break');
    expect(flow.draft.needText).toBe('a break');
  });
});

describe('StepScreen', () => {
  test('three suggestions that fit the chosen need, plus my own step', async () => {
    const user = userEvent.setup();
    flow.draft.needs = ['food-water'];
    render(StepScreen);
    const radios = screen.getAllByRole('radio');
    expect(radios).toHaveLength(4);
    expect(screen.getByRole('radio', { name: 'Get a glass of water' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'My own step' }));
    expect(screen.getByRole('textbox', { name: 'My own step' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'My own step' }));
    expect(flow.draft.step).toBe('own');
    await user.click(screen.getByRole('button', { name: 'Clear: Small steps' }));
    expect(flow.draft.step).toBeNull();
    expect(screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toHaveLength(0);
  });

  test('history (what helped before) changes the order', () => {
    flow.draft.needs = ['rest'];
    render(StepScreen, { history: new Map([['drink-water', 5]]) });
    expect(screen.getAllByRole('radio')[0]).toHaveAccessibleName('Get a glass of water');
  });
});

describe('VaultGate', () => {
  test('first run: privacy in two sentences, the lost-passphrase sentence, gentle validation', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.status', () => status('not-set-up'));
    render(VaultGate, { onunlocked: vi.fn(), oncancel: vi.fn() });
    expect(await screen.findByRole('heading', { name: 'Keep your history private' })).toBeInTheDocument();
    expect(screen.getByText('Attune keeps your check-ins only on this computer, encrypted.')).toBeInTheDocument();
    expect(screen.getByText('If you forget this passphrase, your history can’t be recovered — by anyone.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Passphrase'), 'short');
    await user.click(screen.getByRole('button', { name: 'Set up and save' }));
    expect(screen.getByRole('status')).toHaveTextContent('Use at least 8 characters.');
    await user.type(screen.getByLabelText('Passphrase'), ' and longer');
    await user.type(screen.getByLabelText('Type it again'), 'different one');
    await user.click(screen.getByRole('button', { name: 'Set up and save' }));
    expect(screen.getByRole('status')).toHaveTextContent('not the same');
    expect(bridgeCalls.map(([c]) => c)).not.toContain('vault.setup');
  });

  test('the recovery key is shown once, then the save goes on', async () => {
    const user = userEvent.setup();
    const onunlocked = vi.fn();
    bridgeAnswers.set('vault.status', () => status('not-set-up'));
    bridgeAnswers.set('vault.setup', () => ({
      ok: true,
      value: { status: status('not-set-up').value, recoveryKey: 'ABCD-EFGH-JKMN-PQRS' },
    }));
    render(VaultGate, { onunlocked, oncancel: vi.fn() });
    await user.type(await screen.findByLabelText('Passphrase'), 'long enough');
    await user.type(screen.getByLabelText('Type it again'), 'long enough');
    await user.click(screen.getByRole('button', { name: 'Set up and save' }));
    expect(await screen.findByText('ABCD-EFGH-JKMN-PQRS')).toBeInTheDocument();
    expect(bridgeCalls.find(([c]) => c === 'vault.setup')?.[1]).toEqual({
      useKeychain: false,
      passphrase: 'long enough',
      createRecoveryKey: true,
    });
    expect(onunlocked).not.toHaveBeenCalled();
    // Until confirmed the key does not count, and the screen says so.
    expect(screen.getByText(/If you close this first, no recovery key is made\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'I’ve written it down' }));
    await vi.waitFor(() => expect(onunlocked).toHaveBeenCalledOnce());
    expect(bridgeCalls.find(([c]) => c === 'vault.keepRecoveryKey')?.[1]).toEqual({ recoveryKey: 'ABCD-EFGH-JKMN-PQRS' });
  });

  test('with onrecoverykey (the check-in saves first), the key is handed up, not shown here', async () => {
    const user = userEvent.setup();
    const onrecoverykey = vi.fn();
    const onunlocked = vi.fn();
    bridgeAnswers.set('vault.status', () => status('not-set-up'));
    bridgeAnswers.set('vault.setup', () => ({
      ok: true,
      value: { status: status('not-set-up').value, recoveryKey: 'ABCD-EFGH-JKMN-PQRS' },
    }));
    render(VaultGate, { onunlocked, onrecoverykey, oncancel: vi.fn() });
    await user.type(await screen.findByLabelText('Passphrase'), 'long enough');
    await user.type(screen.getByLabelText('Type it again'), 'long enough');
    await user.click(screen.getByRole('button', { name: 'Set up and save' }));
    await vi.waitFor(() => expect(onrecoverykey).toHaveBeenCalledWith('ABCD-EFGH-JKMN-PQRS'));
    expect(onunlocked).not.toHaveBeenCalled();
    expect(screen.queryByText('ABCD-EFGH-JKMN-PQRS')).not.toBeInTheDocument();
  });

  test('where the keychain really protects, it is offered first', async () => {
    bridgeAnswers.set('vault.status', () => status('not-set-up', true));
    render(VaultGate, { onunlocked: vi.fn(), oncancel: vi.fn() });
    expect(await screen.findByRole('radio', { name: /This computer’s keychain/ })).toBeChecked();
    expect(screen.queryByLabelText('Passphrase')).not.toBeInTheDocument();
  });

  test('wrong passphrase: a calm message, and the form stays', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.status', () => status('locked'));
    bridgeAnswers.set('vault.unlock', () => ({
      ok: false,
      error: { code: 'wrong-passphrase', message: 'That passphrase did not unlock your history.' },
    }));
    render(VaultGate, { onunlocked: vi.fn(), oncancel: vi.fn() });
    await user.type(await screen.findByLabelText('Passphrase'), 'nope nope');
    await user.click(screen.getByRole('button', { name: 'Unlock and save' }));
    expect(screen.getByRole('status')).toHaveTextContent('did not unlock');
    expect(screen.getByLabelText('Passphrase')).toBeInTheDocument();
  });
});
