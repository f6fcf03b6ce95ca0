import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';

import { bridgeAnswers, bridgeCalls, emitBridgeEvent } from '../../../../../tests/renderer-setup';
import { historyCopy, incidentCopy } from '../../../../shared/copy';
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

const t = incidentCopy;
type Incident = VaultResponse<'vault.incidents'>[number];
type Status = VaultResponse<'vault.status'>;

const missing: Incident = {
  id: '1764800000000-abcdef',
  foundAt: 1764800000000,
  problems: [{ kind: 'missing', affected: [{ from: 5, to: 5 }] }],
};
const relinked: Incident = {
  id: '1764900000000-123456',
  foundAt: 1764900000000,
  problems: [
    { kind: 'reordered', affected: [{ from: 8, to: 9 }] },
    { kind: 'chain-broken', affected: [{ from: 11, to: 11 }] },
  ],
};
const status = (problems: Status['problems']): Status => ({
  state: 'unlocked',
  methods: { keychain: false, passphrase: true, recovery: false },
  keychainAvailable: false,
  entryCount: 10,
  problems,
  recoveredFiles: 0,
});
const dismissCalls = () => bridgeCalls.filter(([c]) => c === 'vault.dismissIncident');
const notes = () => screen.queryAllByRole('region', { name: new RegExp(`^${t.heading}`) });

let kept: Incident[];
beforeEach(() => {
  history.filters = { from: '', to: '', state: '' };
  history.pendingDelete = null;
  kept = [missing, relinked];
  bridgeAnswers.set('vault.list', () => ({ ok: true, value: { entries: [], nextCursor: null } }));
  bridgeAnswers.set('vault.incidents', () => ({ ok: true, value: kept }));
  bridgeAnswers.set('vault.dismissIncident', (request) => {
    kept = kept.filter((incident) => incident.id !== (request as { id: string }).id);
    return { ok: true, value: kept };
  });
});

describe('History: what an earlier unlock found missing, out of order or relinked', () => {
  test('each finding is a note of its own, with when it was found and what it means; not the "could not be read" line', async () => {
    // This unlock found it too: the status still names it, yet the general damage line does not repeat it.
    bridgeAnswers.set('vault.status', () => ({
      ok: true,
      value: status([{ kind: 'missing', affected: [{ from: 5, to: 5 }], setAside: null }]),
    }));
    render(HistoryView);
    await vi.waitFor(() => expect(notes()).toHaveLength(2));
    const [first, second] = notes() as [HTMLElement, HTMLElement];
    expect(first).toHaveTextContent(t.kinds.missing);
    expect(first).toHaveTextContent(t.why);
    expect(first).toHaveTextContent(/Found when your history was opened on .*2025/);
    expect(second).toHaveTextContent(t.kinds.reordered);
    expect(second).toHaveTextContent(t.kinds['chain-broken']);
    expect(screen.queryByText(historyCopy.damaged(0))).not.toBeInTheDocument();
    expect(dismissCalls()).toEqual([]);
  });

  test('removing a note asks main, then focus goes to the next note, and after the last to the heading', async () => {
    const user = userEvent.setup();
    render(HistoryView);
    await vi.waitFor(() => expect(notes()).toHaveLength(2));
    const [first] = notes() as [HTMLElement];
    const remove = within(first).getByRole('button', { name: new RegExp(`^${t.dismiss} from `) });
    remove.focus();
    await user.keyboard('{Enter}');
    await vi.waitFor(() => expect(notes()).toHaveLength(1));
    expect(dismissCalls()).toEqual([['vault.dismissIncident', { id: missing.id }]]);
    const next = within(notes()[0] as HTMLElement).getByRole('button', { name: new RegExp(`^${t.dismiss}`) });
    expect(next).toHaveFocus();
    await user.keyboard('{Enter}');
    await vi.waitFor(() => expect(notes()).toHaveLength(0));
    expect(screen.getByRole('heading', { level: 1, name: historyCopy.heading })).toHaveFocus();
  });

  test('a refused removal: a calm message, and the note stays', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.dismissIncident', () => ({
      ok: false,
      error: { code: 'disk-full', message: 'There is no space left on this disk.' },
    }));
    render(HistoryView);
    await vi.waitFor(() => expect(notes()).toHaveLength(2));
    await user.click(within(notes()[0] as HTMLElement).getByRole('button', { name: new RegExp(`^${t.dismiss}`) }));
    await vi.waitFor(() => expect(screen.getByText(t.problem)).toHaveAttribute('role', 'status'));
    expect(notes()).toHaveLength(2);
  });

  test('a lock takes the notes off the page; the next unlock brings back what main still keeps', async () => {
    render(HistoryView);
    await vi.waitFor(() => expect(notes()).toHaveLength(2));
    emitBridgeEvent('vault.changed', { state: 'locked' });
    await vi.waitFor(() => expect(notes()).toHaveLength(0));
    kept = [relinked];
    emitBridgeEvent('vault.changed', { state: 'unlocked' });
    await vi.waitFor(() => expect(notes()).toHaveLength(1));
  });
});
