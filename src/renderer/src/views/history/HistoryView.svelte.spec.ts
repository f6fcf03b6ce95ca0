import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';

import { bridgeAnswers, bridgeCalls, emitBridgeEvent } from '../../../../../tests/renderer-setup';
import type { Entry } from '../../../../shared/entry-schema';
import { timeOfDay } from '../../../../shared/history/group-by-day';
import { flushPendingDelete, history, UNDO_MS } from '../../stores/history.svelte';
import HistoryView from './HistoryView.svelte';

// happy-dom has no IntersectionObserver; paging by scrolling is covered in the browser e2e.
class NoopObserver {
  observe() {}
  disconnect() {}
}
vi.stubGlobal('IntersectionObserver', NoopObserver);

const entry = (
  id: string,
  iso: string,
  states: Entry['data'] extends infer D ? (D extends { states: infer S } ? S : never) : never,
): Entry =>
  ({ id, at: Date.parse(iso), offsetMinutes: 0, kind: 'check-in', data: { states, needs: ['rest'], note: `note ${id}` } }) as Entry;

/** A card's time as this system's locale writes it ("9:00 AM", "09:00"): the test runs wherever it runs. */
const deleteAt = (iso: string): RegExp => new RegExp(`Delete the check-in at ${timeOfDay({ at: Date.parse(iso), offsetMinutes: 0 })}`);

beforeEach(() => {
  history.filters = { from: '', to: '', state: '' };
  history.pendingDelete = null;
});

describe('HistoryView', () => {
  test('synced: entries another computer added say where, discreetly; the others say nothing; the intro follows', async () => {
    bridgeAnswers.set('vault.list', () => ({
      ok: true,
      value: {
        entries: [
          entry('here-0001', '2026-03-02T10:00:00Z', ['freeze']),
          entry('away-0001', '2026-03-02T09:00:00Z', ['fight']),
          entry('away-0002', '2026-03-02T08:00:00Z', ['fight']),
        ],
        nextCursor: null,
      },
    }));
    bridgeAnswers.set('devices.status', () => ({
      ok: true,
      value: {
        state: 'on',
        folder: '/f',
        deviceName: 'Laptop',
        devices: [],
        ownWaiting: 0,
        lastPassAt: null,
        movedToOwnId: false,
        linked: true,
      },
    }));
    bridgeAnswers.set('devices.addedElsewhere', (request) => {
      expect((request as { ids: string[] }).ids).toEqual(['here-0001', 'away-0001', 'away-0002']);
      return {
        ok: true,
        value: {
          entries: [
            { id: 'away-0001', name: 'Desktop' },
            { id: 'away-0002', name: null },
          ],
        },
      };
    });
    render(HistoryView);
    expect(await screen.findByText('Added on Desktop')).toBeInTheDocument();
    expect(screen.getByText('Added on another computer')).toBeInTheDocument();
    const card = (id: string) => document.querySelector(`[data-entry-id="${id}"]`) as HTMLElement;
    expect(card('here-0001')).not.toHaveTextContent(/Added on/);
    expect(card('away-0001')).toHaveTextContent('Added on Desktop');
    expect(await screen.findByText('Your check-ins from all your computers, newest first.')).toBeInTheDocument();
  });

  test('an empty history invites, without pressure', async () => {
    bridgeAnswers.set('vault.list', () => ({ ok: true, value: { entries: [], nextCursor: null } }));
    render(HistoryView);
    expect(await screen.findByRole('heading', { name: 'Nothing here yet' })).toBeInTheDocument();
    expect(screen.getByText(/There is no right amount/)).toBeInTheDocument();
  });

  test('before any set-up: no history yet, said calmly (not "locked"), with a way to check in', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.list', () => ({
      ok: false,
      error: { code: 'vault-not-set-up', message: 'Your private history is not set up yet.' },
    }));
    bridgeAnswers.set('vault.status', () => ({
      ok: true,
      value: {
        state: 'not-set-up',
        methods: { keychain: false, passphrase: false, recovery: false },
        keychainAvailable: false,
        entryCount: null,
        problems: [],
        recoveredFiles: 0,
      },
    }));
    // Even with a filter left from earlier, there is nothing to filter yet.
    history.filters = { from: '', to: '', state: 'freeze' };
    render(HistoryView);
    expect(await screen.findByRole('heading', { name: 'No history yet' })).toBeInTheDocument();
    expect(
      screen.getByText('Your history starts with your first check-in. Attune sets it up then — private, and only on this computer.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/locked/i)).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Filter' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show earlier' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Check in now' }));
    expect(bridgeCalls.find(([c]) => c === 'ui.openView')?.[1]).toEqual({ view: 'check-in' });
  });

  test('asked for again while open (tray, another window), it shows what was saved since', async () => {
    let entries = [entry('aaaaaaaa', '2026-11-22T09:00:00Z', ['fight'])];
    bridgeAnswers.set('vault.list', () => ({ ok: true, value: { entries, nextCursor: null } }));
    render(HistoryView);
    await vi.waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    entries = [entry('bbbbbbbb', '2026-11-23T15:00:00Z', ['freeze']), ...entries];
    emitBridgeEvent('view.show', { view: 'history' });
    await vi.waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(2));
  });

  test('entries came from elsewhere: said above the list, which stays put until the person asks for the latest', async () => {
    const user = userEvent.setup();
    let entries = [entry('aaaaaaaa', '2026-11-22T09:00:00Z', ['fight'])];
    bridgeAnswers.set('vault.list', () => ({ ok: true, value: { entries, nextCursor: null } }));
    render(HistoryView);
    await vi.waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    const line = document.querySelector<HTMLElement>('.changed[aria-live="polite"]') as HTMLElement;
    expect(line).toBeEmptyDOMElement();
    const lists = () => bridgeCalls.filter(([c]) => c === 'vault.list').length;
    const before = lists();
    entries = [entry('bbbbbbbb', '2026-11-23T15:00:00Z', ['freeze']), ...entries];
    // Twice (a popover check-in, then a sync pass): one line, and the list is not read again behind the person's back.
    emitBridgeEvent('history.changed', {});
    emitBridgeEvent('history.changed', {});
    await vi.waitFor(() => expect(line).toHaveTextContent('Your history has changed since this list was shown.'));
    expect(lists()).toBe(before);
    expect(screen.getAllByRole('article')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Show the latest' }));
    await vi.waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(2));
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    expect(line).toBeEmptyDOMElement();
    // Locked: nothing is offered (the lock screen is what shows).
    emitBridgeEvent('vault.changed', { state: 'locked' });
    emitBridgeEvent('history.changed', {});
    await vi.waitFor(() => expect(screen.queryAllByRole('article')).toHaveLength(0));
    expect(line).toBeEmptyDOMElement();
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

  test('each check-in shows its follow-up answer, with what happened instead, asked for the page shown', async () => {
    const entries = [entry('bbbbbbbb', '2026-11-23T15:00:00Z', ['freeze']), entry('aaaaaaaa', '2026-11-22T09:00:00Z', ['fight'])];
    bridgeAnswers.set('vault.list', () => ({ ok: true, value: { entries, nextCursor: null } }));
    bridgeAnswers.set('checkin.answers', () => ({
      ok: true,
      value: { answers: [{ checkInId: 'aaaaaaaa', outcome: 'a-bit', instead: 'he did not answer' }] },
    }));
    render(HistoryView);
    await vi.waitFor(() => expect(screen.getAllByRole('article')[1]).toHaveTextContent('Did it help'));
    const [newer, older] = screen.getAllByRole('article');
    expect(older).toHaveTextContent('A bit — ‘he did not answer’');
    expect(newer).not.toHaveTextContent('Did it help');
    expect(bridgeCalls.find(([channel]) => channel === 'checkin.answers')?.[1]).toEqual({ checkInIds: ['bbbbbbbb', 'aaaaaaaa'] });
  });

  test('without the answers (a call that did not work), the check-ins still show', async () => {
    const entries = [entry('cccccccc', '2026-11-23T15:00:00Z', ['freeze'])];
    bridgeAnswers.set('vault.list', () => ({ ok: true, value: { entries, nextCursor: null } }));
    bridgeAnswers.set('checkin.answers', () => ({ ok: false, error: { code: 'internal', message: 'Something went wrong.' } }));
    render(HistoryView);
    await vi.waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    await vi.waitFor(() => expect(bridgeCalls.some(([channel]) => channel === 'checkin.answers')).toBe(true));
    expect(screen.getByRole('article')).toHaveTextContent('Freeze');
    expect(screen.getByRole('article')).not.toHaveTextContent('Did it help');
  });

  test('the state filter asks main for check-ins with that state, and shows what comes back', async () => {
    const user = userEvent.setup();
    const entries = [entry('bbbbbbbb', '2026-11-23T15:00:00Z', ['freeze']), entry('aaaaaaaa', '2026-11-22T09:00:00Z', ['fight'])];
    // Main filters (src/main/vault/entry-index.ts); this stand-in answers the way it does.
    bridgeAnswers.set('vault.list', (query) => {
      const { state } = query as { state?: string };
      return {
        ok: true,
        value: {
          entries: entries.filter((e) => state === undefined || (e.data as { states: string[] }).states.includes(state)),
          nextCursor: null,
        },
      };
    });
    render(HistoryView);
    await screen.findAllByRole('article');
    expect(bridgeCalls.find(([channel]) => channel === 'vault.list')?.[1]).toMatchObject({ kind: 'check-in' });
    await user.selectOptions(screen.getByLabelText('State'), 'fight');
    await vi.waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect(screen.getByRole('article')).toHaveTextContent('Fight');
    expect(bridgeCalls.filter(([channel]) => channel === 'vault.list').at(-1)?.[1]).toMatchObject({ kind: 'check-in', state: 'fight' });
  });

  test('delete hides at once; undo within the time brings it back and nothing is deleted', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.list', () => ({
      ok: true,
      value: { entries: [entry('aaaaaaaa', '2026-11-22T09:00:00Z', ['fight'])], nextCursor: null },
    }));
    render(HistoryView);
    await user.click(await screen.findByRole('button', { name: deleteAt('2026-11-22T09:00:00Z') }));
    await vi.waitFor(() => expect(screen.queryByRole('article')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByRole('article')).toBeInTheDocument();
    expect(bridgeCalls.map(([c]) => c)).not.toContain('vault.delete');
  });

  test('without undo, the delete happens after the undo time', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    bridgeAnswers.set('vault.list', () => ({
      ok: true,
      value: { entries: [entry('aaaaaaaa', '2026-11-22T09:00:00Z', ['fight'])], nextCursor: null },
    }));
    bridgeAnswers.set('vault.delete', () => ({ ok: true, value: { deletedIds: ['aaaaaaaa'], compacted: false, deferred: false } }));
    render(HistoryView);
    await user.click(await screen.findByRole('button', { name: /Delete the check-in/ }));
    expect(bridgeCalls.map(([c]) => c)).not.toContain('vault.delete');
    // Focus went to Undo (which holds the time); it runs once focus moves on.
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus());
    screen.getByRole('heading', { level: 1 }).focus();
    await vi.advanceTimersByTimeAsync(UNDO_MS + 10);
    expect(bridgeCalls.find(([c]) => c === 'vault.delete')?.[1]).toEqual({ id: 'aaaaaaaa' });
  });
});

describe('HistoryView: delete, undo and focus', () => {
  const one = () =>
    bridgeAnswers.set('vault.list', () => ({
      ok: true,
      value: {
        entries: [entry('bbbbbbbb', '2026-11-23T15:00:00Z', ['freeze']), entry('aaaaaaaa', '2026-11-22T09:00:00Z', ['fight'])],
        nextCursor: null,
      },
    }));

  test('delete puts focus on Undo; Undo brings focus back to the restored card’s Delete', async () => {
    const user = userEvent.setup();
    one();
    render(HistoryView);
    const del = await screen.findByRole('button', { name: deleteAt('2026-11-22T09:00:00Z') });
    await user.click(del);
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await vi.waitFor(() => expect(screen.getByRole('button', { name: deleteAt('2026-11-22T09:00:00Z') })).toHaveFocus());
  });

  test('the undo time stands still while focus is in the toast and runs on, with the time left, once it leaves', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    one();
    bridgeAnswers.set('vault.delete', () => ({ ok: true, value: { deletedIds: ['bbbbbbbb'], compacted: false, deferred: false } }));
    render(HistoryView);
    await user.click(await screen.findByRole('button', { name: deleteAt('2026-11-23T15:00:00Z') }));
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus());
    await vi.advanceTimersByTimeAsync(UNDO_MS * 3);
    expect(bridgeCalls.map(([c]) => c)).not.toContain('vault.delete');
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    screen.getByRole('heading', { level: 1 }).focus();
    await vi.advanceTimersByTimeAsync(UNDO_MS - 500);
    expect(bridgeCalls.map(([c]) => c)).not.toContain('vault.delete');
    await vi.advanceTimersByTimeAsync(1000);
    expect(bridgeCalls.find(([c]) => c === 'vault.delete')?.[1]).toEqual({ id: 'bbbbbbbb' });
  });

  test('the pointer over the toast pauses the time too', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    one();
    render(HistoryView);
    await user.click(await screen.findByRole('button', { name: deleteAt('2026-11-23T15:00:00Z') }));
    const undo = await screen.findByRole('button', { name: 'Undo' });
    undo.blur();
    await vi.advanceTimersByTimeAsync(UNDO_MS / 2);
    await user.hover(undo);
    await vi.advanceTimersByTimeAsync(UNDO_MS * 2);
    expect(bridgeCalls.map(([c]) => c)).not.toContain('vault.delete');
    await user.unhover(undo);
    await vi.advanceTimersByTimeAsync(UNDO_MS / 2 + 50);
    expect(bridgeCalls.map(([c]) => c)).toContain('vault.delete');
  });

  test('when the toast goes with focus in it, focus goes to the card now in the deleted one’s place', async () => {
    const user = userEvent.setup();
    one();
    bridgeAnswers.set('vault.delete', () => ({ ok: true, value: { deletedIds: ['bbbbbbbb'], compacted: false, deferred: false } }));
    render(HistoryView);
    await user.click(await screen.findByRole('button', { name: deleteAt('2026-11-23T15:00:00Z') }));
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus());
    await flushPendingDelete();
    await vi.waitFor(() => expect(screen.getByRole('button', { name: deleteAt('2026-11-22T09:00:00Z') })).toHaveFocus());
  });

  test('the last card gone: focus goes to the History heading', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.list', () => ({
      ok: true,
      value: { entries: [entry('aaaaaaaa', '2026-11-22T09:00:00Z', ['fight'])], nextCursor: null },
    }));
    render(HistoryView);
    await user.click(await screen.findByRole('button', { name: /Delete the check-in/ }));
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus());
    await flushPendingDelete();
    await vi.waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'History' })).toHaveFocus());
  });
});

describe('HistoryView: the vault locks', () => {
  test('a delete that meets a locked vault is handed to main, not undone, and the page does not keep it', async () => {
    const user = userEvent.setup();
    let locked = false;
    const stored = [entry('aaaaaaaa', '2026-11-22T09:00:00Z', ['fight'])];
    bridgeAnswers.set('vault.list', () =>
      locked
        ? { ok: false, error: { code: 'vault-locked', message: 'Locked.' } }
        : { ok: true, value: { entries: stored, nextCursor: null } },
    );
    // Main's answer while locked: kept for the next unlock (src/main/vault/deferred-deletes.ts).
    bridgeAnswers.set('vault.delete', () => {
      if (locked) return { ok: true, value: { deletedIds: [], compacted: false, deferred: true } };
      stored.length = 0;
      return { ok: true, value: { deletedIds: ['aaaaaaaa'], compacted: false, deferred: false } };
    });
    render(HistoryView);
    await user.click(await screen.findByRole('button', { name: /Delete the check-in/ }));
    locked = true;
    await flushPendingDelete();
    expect(history.pendingDelete).toBeNull();
    expect(history.entries).toHaveLength(0);
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).not.toHaveTextContent(/\S/);
    expect(bridgeCalls.filter(([c]) => c === 'vault.delete')).toEqual([['vault.delete', { id: 'aaaaaaaa' }]]);
    // Unlocked: the page only reads the list again; main has done the delete.
    locked = false;
    stored.length = 0;
    emitBridgeEvent('vault.changed', { state: 'unlocked' });
    await vi.waitFor(() => expect(history.done).toBe(true));
    expect(bridgeCalls.filter(([c]) => c === 'vault.delete')).toHaveLength(1);
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });

  test('a lock during the undo time hands the delete to main at once', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.list', () => ({
      ok: true,
      value: { entries: [entry('aaaaaaaa', '2026-11-22T09:00:00Z', ['fight'])], nextCursor: null },
    }));
    bridgeAnswers.set('vault.delete', () => ({ ok: true, value: { deletedIds: [], compacted: false, deferred: true } }));
    render(HistoryView);
    await user.click(await screen.findByRole('button', { name: /Delete the check-in/ }));
    emitBridgeEvent('vault.changed', { state: 'locked' });
    await vi.waitFor(() => expect(bridgeCalls.filter(([c]) => c === 'vault.delete')).toEqual([['vault.delete', { id: 'aaaaaaaa' }]]));
    expect(history.pendingDelete).toBeNull();
  });

  test('locking clears the list at once; unlocking reads it again', async () => {
    bridgeAnswers.set('vault.list', () => ({
      ok: true,
      value: { entries: [entry('aaaaaaaa', '2026-11-22T09:00:00Z', ['fight'])], nextCursor: null },
    }));
    render(HistoryView);
    await screen.findByRole('article');
    emitBridgeEvent('vault.changed', { state: 'locked' });
    await vi.waitFor(() => expect(screen.queryByRole('article')).not.toBeInTheDocument());
    expect(screen.queryByText(/note aaaaaaaa/)).not.toBeInTheDocument();
    emitBridgeEvent('vault.changed', { state: 'unlocked' });
    expect(await screen.findByRole('article')).toBeInTheDocument();
  });

  test('damage found when the history was opened is said calmly, never silently dropped', async () => {
    bridgeAnswers.set('vault.list', () => ({ ok: true, value: { entries: [], nextCursor: null } }));
    bridgeAnswers.set('vault.status', () => ({
      ok: true,
      value: {
        state: 'unlocked',
        methods: { keychain: false, passphrase: true, recovery: false },
        keychainAvailable: false,
        entryCount: 3,
        problems: [{ kind: 'torn-tail', affected: [{ from: 4, to: 4 }], setAside: 'recovered/x.jsonl' }],
        recoveredFiles: 1,
      },
    }));
    render(HistoryView);
    expect(await screen.findByText(/set aside in a “recovered” folder/)).toBeInTheDocument();
  });
});
