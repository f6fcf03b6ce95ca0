import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';

import { bridgeAnswers, bridgeCalls } from '../../../../../tests/renderer-setup';
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

const t = historyCopy.olderHistory;
type Status = VaultResponse<'vault.status'>;

const status = (problems: Status['problems'], entryCount = 0): Status => ({
  state: 'unlocked',
  methods: { keychain: true, passphrase: false, recovery: false },
  keychainAvailable: true,
  entryCount,
  problems,
  recoveredFiles: 0,
});
const older: Status['problems'][number] = { kind: 'older-history', affected: [{ from: 8, to: 10 }], setAside: null };
const entry = {
  id: 'aaaaaaaaaaaaaaaaaaaaaa',
  at: Date.UTC(2026, 0, 5, 9),
  offsetMinutes: 0,
  kind: 'check-in',
  data: { states: ['flight'], needs: ['rest'], note: 'a note' },
};
const calls = (channel: string) => bridgeCalls.filter(([c]) => c === channel);

beforeEach(() => {
  history.filters = { from: '', to: '', state: '' };
  history.pendingDelete = null;
  bridgeAnswers.set('vault.list', () => ({ ok: true, value: { entries: [], nextCursor: null } }));
  bridgeAnswers.set('vault.status', () => ({ ok: true, value: status([older]) }));
});

describe('History: a history older than the last one Attune saw', () => {
  test('says so calmly with two choices, and asks main for nothing on its own', async () => {
    render(HistoryView);
    const notice = await screen.findByRole('region', { name: t.heading });
    expect(notice).toHaveTextContent(t.body);
    expect(notice).toHaveTextContent(t.deleted);
    expect(screen.getByRole('button', { name: t.keepLooking })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: t.openAnyway })).toBeInTheDocument();
    // Not the general damage line as well, and nothing that reads as an empty history.
    expect(screen.queryByText(/set aside in a “recovered” folder/)).not.toBeInTheDocument();
    expect(screen.queryByText(historyCopy.empty.heading)).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: historyCopy.filters.label })).not.toBeInTheDocument();
    expect(calls('vault.acceptOlder')).toEqual([]);
    expect(calls('vault.lock')).toEqual([]);
  });

  test('keep looking locks, and opens nothing', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.lock', () => ({ ok: true, value: { ...status([older]), state: 'locked', entryCount: null } }));
    render(HistoryView);
    await user.click(await screen.findByRole('button', { name: t.keepLooking }));
    expect(calls('vault.lock')).toHaveLength(1);
    expect(calls('vault.acceptOlder')).toEqual([]);
  });

  test('open it anyway: main is asked once, the notice goes and the history shows', async () => {
    const user = userEvent.setup();
    render(HistoryView);
    const button = await screen.findByRole('button', { name: t.openAnyway });
    bridgeAnswers.set('vault.acceptOlder', () => ({ ok: true, value: status([], 1) }));
    bridgeAnswers.set('vault.status', () => ({ ok: true, value: status([], 1) }));
    bridgeAnswers.set('vault.list', () => ({ ok: true, value: { entries: [entry], nextCursor: null } }));
    await user.click(button);
    expect(calls('vault.acceptOlder')).toEqual([['vault.acceptOlder', { confirm: true }]]);
    await vi.waitFor(() => expect(screen.queryByRole('region', { name: t.heading })).not.toBeInTheDocument());
    await vi.waitFor(() => expect(document.querySelectorAll('[data-entry-id]')).toHaveLength(1));
  });

  test('a refused call: a calm message, and the choice stays', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.acceptOlder', () => ({ ok: false, error: { code: 'disk-full', message: 'Full.' } }));
    render(HistoryView);
    await user.click(await screen.findByRole('button', { name: t.openAnyway }));
    await vi.waitFor(() => expect(screen.getByText(t.problem)).toBeInTheDocument());
    expect(screen.getByRole('button', { name: t.openAnyway })).toHaveFocus();
    expect(screen.getByRole('region', { name: t.heading })).toBeInTheDocument();
  });
});
