import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';

import { bridgeAnswers, bridgeCalls, emitBridgeEvent } from '../../../../../tests/renderer-setup';
import { historyCopy } from '../../../../shared/copy';
import type { VaultResponse } from '../../../../shared/ipc/vault-contract';
import { history } from '../../stores/history.svelte';
import HistoryView from './HistoryView.svelte';

// happy-dom has no IntersectionObserver; paging by scrolling is covered in the browser e2e.
vi.stubGlobal(
  'IntersectionObserver',
  class {
    observe() {}
    disconnect() {}
  },
);

const t = historyCopy.snapshotDamage;
type Status = VaultResponse<'vault.status'>;
type Problem = Status['problems'][number];

const status = (problems: Problem[], recoveredFiles = 1): Status => ({
  state: 'unlocked',
  methods: { keychain: false, passphrase: true, recovery: false },
  keychainAvailable: false,
  entryCount: 10,
  problems,
  recoveredFiles,
});
const snapshotDamaged: Problem = { kind: 'snapshot-damaged', affected: [{ from: 1, to: 47 }], setAside: 'incident-1-abcdef.json' };
const acceptCalls = () => bridgeCalls.filter(([c]) => c === 'vault.acceptDamage');

beforeEach(() => {
  history.filters = { from: '', to: '', state: '' };
  history.pendingDelete = null;
  bridgeAnswers.set('vault.list', () => ({ ok: true, value: { entries: [], nextCursor: null } }));
  bridgeAnswers.set('vault.status', () => ({ ok: true, value: status([snapshotDamaged]) }));
});

const renderDamaged = async () => {
  render(HistoryView);
  return screen.findByRole('region', { name: t.heading });
};

describe('History: a snapshot that read short', () => {
  test('says so calmly, names the recovered copy, and changes nothing on its own', async () => {
    const notice = await renderDamaged();
    expect(notice).toHaveTextContent(t.body);
    expect(notice).toHaveTextContent(t.waiting);
    expect(screen.getByRole('button', { name: t.choose })).toBeInTheDocument();
    // The general damage line is not said twice.
    expect(screen.queryByText(/set aside in a “recovered” folder/)).not.toBeInTheDocument();
    expect(acceptCalls()).toEqual([]);
  });

  test('no snapshot damage: no choice is offered', async () => {
    bridgeAnswers.set('vault.status', () => ({
      ok: true,
      value: status([{ kind: 'torn-tail', affected: [{ from: 4, to: 4 }], setAside: 'x.json' }]),
    }));
    render(HistoryView);
    expect(await screen.findByText(/set aside in a “recovered” folder/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: t.choose })).not.toBeInTheDocument();
  });

  test('the choice opens a confirm that says what it means; Not now goes back and asks main for nothing', async () => {
    const user = userEvent.setup();
    await renderDamaged();
    await user.click(screen.getByRole('button', { name: t.choose }));
    expect(screen.getByRole('heading', { name: t.confirmHeading })).toHaveFocus();
    expect(screen.getByText(t.confirmLost)).toBeInTheDocument();
    expect(screen.getByText(t.confirmKept)).toBeInTheDocument();
    expect(acceptCalls()).toEqual([]);

    await user.click(screen.getByRole('button', { name: t.cancel }));
    expect(screen.getByRole('button', { name: t.choose })).toHaveFocus();
    expect(screen.queryByRole('heading', { name: t.confirmHeading })).not.toBeInTheDocument();
    expect(acceptCalls()).toEqual([]);
  });

  test('keyboard only: only the confirm sends vault.acceptDamage, and then the notice says it is done', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.acceptDamage', () => ({ ok: true, value: status([]) }));
    await renderDamaged();
    screen.getByRole('button', { name: t.choose }).focus();
    await user.keyboard('{Enter}');
    expect(acceptCalls()).toEqual([]);
    await user.tab();
    expect(screen.getByRole('button', { name: t.confirm })).toHaveFocus();
    await user.keyboard('{Enter}');
    await vi.waitFor(() => expect(screen.getByText(t.accepted)).toHaveFocus());
    expect(acceptCalls()).toEqual([['vault.acceptDamage', { confirm: true }]]);
    expect(screen.queryByRole('button', { name: t.choose })).not.toBeInTheDocument();
    expect(screen.queryByText(t.body)).not.toBeInTheDocument();
  });

  test('a refused call: a calm message, nothing claimed done, and the choice stays', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.acceptDamage', () => ({
      ok: false,
      error: { code: 'disk-full', message: 'There is no space left on this disk.' },
    }));
    await renderDamaged();
    await user.click(screen.getByRole('button', { name: t.choose }));
    await user.click(screen.getByRole('button', { name: t.confirm }));
    await vi.waitFor(() => expect(screen.getByText(t.problem)).toBeInTheDocument());
    expect(screen.getByText(t.problem)).toHaveAttribute('role', 'status');
    expect(screen.queryByText(t.accepted)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: t.choose })).toHaveFocus();
    expect(screen.getByText(t.body)).toBeInTheDocument();
    // The choice can be made again.
    bridgeAnswers.set('vault.acceptDamage', () => ({ ok: true, value: status([]) }));
    await user.click(screen.getByRole('button', { name: t.choose }));
    await user.click(screen.getByRole('button', { name: t.confirm }));
    await vi.waitFor(() => expect(screen.getByText(t.accepted)).toBeInTheDocument());
    expect(screen.queryByText(t.problem)).not.toBeInTheDocument();
    expect(acceptCalls()).toHaveLength(2);
  });

  test('opened while locked: the notice comes once an unlock finds the damage', async () => {
    bridgeAnswers.set('vault.status', () => ({ ok: true, value: { ...status([]), state: 'locked', entryCount: null } }));
    bridgeAnswers.set('vault.list', () => ({ ok: false, error: { code: 'vault-locked', message: 'Locked.' } }));
    render(HistoryView);
    expect(await screen.findByText(historyCopy.locked)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: t.heading })).not.toBeInTheDocument();
    bridgeAnswers.set('vault.status', () => ({ ok: true, value: status([snapshotDamaged]) }));
    bridgeAnswers.set('vault.list', () => ({ ok: true, value: { entries: [], nextCursor: null } }));
    emitBridgeEvent('vault.changed', { state: 'unlocked' });
    expect(await screen.findByRole('region', { name: t.heading })).toBeInTheDocument();
  });
});
