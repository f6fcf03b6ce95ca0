import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { bridgeAnswers, bridgeCalls } from '../../../../../tests/renderer-setup';
import type { Entry } from '../../../../shared/entry-schema';
import { UNDO_MS, history } from '../../stores/history.svelte';
import HistoryView from './HistoryView.svelte';

// happy-dom has no IntersectionObserver; paging by scrolling is covered in the browser e2e.
class NoopObserver {
  observe() {}
  disconnect() {}
}
vi.stubGlobal('IntersectionObserver', NoopObserver);

const entry = (id: string, iso: string, states: Entry['data'] extends infer D ? (D extends { states: infer S } ? S : never) : never): Entry =>
  ({ id, at: Date.parse(iso), offsetMinutes: 0, kind: 'check-in', data: { states, needs: ['rest'], note: `note ${id}` } }) as Entry;

beforeEach(() => {
  history.filters = { from: '', to: '', state: '' };
  history.pendingDelete = null;
});

describe('HistoryView', () => {
  test('an empty history invites, without pressure', async () => {
    bridgeAnswers.set('vault.list', () => ({ ok: true, value: { entries: [], nextCursor: null } }));
    render(HistoryView);
    expect(await screen.findByRole('heading', { name: 'Nothing here yet' })).toBeInTheDocument();
    expect(screen.getByText(/There is no right amount/)).toBeInTheDocument();
  });

  test('entries grouped by day, newest first, with states, need and note', async () => {
    const entries = [entry('bbbbbbbb', '2026-11-23T15:00:00Z', ['freeze']), entry('aaaaaaaa', '2026-11-22T09:00:00Z', ['fight'])];
    bridgeAnswers.set('vault.list', () => ({ ok: true, value: { entries, nextCursor: null } }));
    render(HistoryView);
    await vi.waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(2));
    const days = screen.getAllByRole('heading', { level: 2 });
    expect(days).toHaveLength(2);
    const articles = screen.getAllByRole('article');
    expect(articles[0]).toHaveTextContent('Freeze');
    expect(articles[0]).toHaveTextContent('Rest');
    expect(articles[0]).toHaveTextContent('note bbbbbbbb');
  });

  test('the state filter keeps only matching check-ins', async () => {
    const user = userEvent.setup();
    const entries = [entry('bbbbbbbb', '2026-11-23T15:00:00Z', ['freeze']), entry('aaaaaaaa', '2026-11-22T09:00:00Z', ['fight'])];
    bridgeAnswers.set('vault.list', () => ({ ok: true, value: { entries, nextCursor: null } }));
    render(HistoryView);
    await screen.findAllByRole('article');
    await user.selectOptions(screen.getByLabelText('State'), 'fight');
    await vi.waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect(screen.getByRole('article')).toHaveTextContent('Fight');
  });

  test('delete hides at once; undo within the time brings it back and nothing is deleted', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.list', () => ({ ok: true, value: { entries: [entry('aaaaaaaa', '2026-11-22T09:00:00Z', ['fight'])], nextCursor: null } }));
    render(HistoryView);
    await user.click(await screen.findByRole('button', { name: /Delete the check-in at 09:00/ }));
    await vi.waitFor(() => expect(screen.queryByRole('article')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByRole('article')).toBeInTheDocument();
    expect(bridgeCalls.map(([c]) => c)).not.toContain('vault.delete');
  });

  test('without undo, the delete happens after the undo time', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    bridgeAnswers.set('vault.list', () => ({ ok: true, value: { entries: [entry('aaaaaaaa', '2026-11-22T09:00:00Z', ['fight'])], nextCursor: null } }));
    bridgeAnswers.set('vault.delete', () => ({ ok: true, value: { deletedIds: ['aaaaaaaa'], compacted: false } }));
    render(HistoryView);
    await user.click(await screen.findByRole('button', { name: /Delete the check-in/ }));
    expect(bridgeCalls.map(([c]) => c)).not.toContain('vault.delete');
    await vi.advanceTimersByTimeAsync(UNDO_MS + 10);
    expect(bridgeCalls.find(([c]) => c === 'vault.delete')?.[1]).toEqual({ id: 'aaaaaaaa' });
  });
});
