import { historyCopy } from '../../../shared/copy';
import type { Entry } from '../../../shared/entry-schema';
import { type HistoryFilters, listQueryFromFilters } from '../../../shared/history/filter-range';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { bridge } from '../lib/bridge';

/** A check-in's follow-up answer, as History shows it beside the check-in. */
export type FollowUpAnswer = ResponseOf<'checkin.answers'>['answers'][number];

/** Answers are raw state, replaced whole (never mutated), so a plain Map is right here. */
const noAnswers = (): ReadonlyMap<string, FollowUpAnswer> => new Map();
const noneElsewhere = (): ReadonlyMap<string, string | null> => new Map();

/** How long a deleted entry can be brought back before it is really deleted. */
export const UNDO_MS = 6000;
const PAGE = 100;

/**
 * The history list's state. `entries` is raw state: entries are read-only data,
 * so deep proxies would only cost time on long histories; the list is replaced
 * (never pushed into) so each page is one update.
 */
class HistoryState {
  entries = $state.raw<Entry[]>([]);
  cursor = $state<string | null>(null);
  done = $state(false);
  loading = $state(false);
  problem = $state<string | null>(null);
  locked = $state(false);
  /** No history yet (set up with the first check-in): nothing to unlock or filter. */
  notSetUp = $state(false);
  filters = $state<HistoryFilters>({ from: '', to: '', state: '' });
  /** "Did it help" for the check-ins shown, by check-in id (replaced whole, like `entries`). */
  answers = $state.raw(noAnswers());
  pendingDelete = $state.raw<{ entry: Entry; timer: ReturnType<typeof setTimeout> } | null>(null);
  /** Entries another computer added, by id, with its name (null: "another computer"); replaced whole. Empty without sync. */
  addedElsewhere = $state.raw(noneElsewhere());
  /** Entries came or went since this list was read (another window, another computer): the latest is offered, never forced. */
  changedSince = $state(false);
}

export const history = new HistoryState();

/** Bumped on every reload, so a page that arrives for old filters is dropped, not mixed in. */
let generation = 0;

export async function loadMore(): Promise<void> {
  if (history.loading || history.done) return;
  const mine = generation;
  history.loading = true;
  history.problem = null;
  try {
    // Main filters (kind, state, days), so every entry that crosses IPC is one the page shows.
    const result = await bridge().vault.list({
      limit: PAGE,
      ...listQueryFromFilters(history.filters),
      ...(history.cursor ? { cursor: history.cursor } : {}),
    });
    if (mine !== generation) return;
    if (!result.ok) {
      if (result.error.code === 'vault-not-set-up') history.notSetUp = true;
      else if (result.error.code === 'vault-locked') history.locked = true;
      else history.problem = historyCopy.problem;
      return;
    }
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throwaway lookup, not reactive state
    const known = new Set(history.entries.map((e) => e.id));
    const fresh = result.value.entries.filter((e) => !known.has(e.id));
    if (fresh.length > 0) history.entries = [...history.entries, ...fresh];
    history.cursor = result.value.nextCursor;
    history.done = result.value.nextCursor === null;
    if (fresh.length > 0) await Promise.all([loadAnswers(fresh, mine), loadAddedElsewhere(fresh, mine)]);
  } finally {
    if (mine === generation) history.loading = false;
  }
}

/** The follow-up answers for a page of check-ins. Without them the check-ins still show, as they are. */
async function loadAnswers(entries: readonly Entry[], mine: number): Promise<void> {
  const result = await bridge().checkin.answers({ checkInIds: entries.map((entry) => entry.id) });
  if (mine !== generation || !result.ok || !result.value) return;
  history.answers = new Map([...history.answers, ...result.value.answers.map((answer) => [answer.checkInId, answer] as const)]);
}

/** Which of a page's entries another computer added (sync, issue 18). Without it the entries show unmarked. */
async function loadAddedElsewhere(entries: readonly Entry[], mine: number): Promise<void> {
  const result = await bridge().devices.addedElsewhere({ ids: entries.map((entry) => entry.id) });
  if (mine !== generation || !result.ok || result.value.entries.length === 0) return;
  history.addedElsewhere = new Map([...history.addedElsewhere, ...result.value.entries.map(({ id, name }) => [id, name] as const)]);
}

export async function reload(): Promise<void> {
  generation += 1;
  history.loading = false;
  history.problem = null;
  history.entries = [];
  history.answers = noAnswers();
  history.addedElsewhere = noneElsewhere();
  history.changedSince = false;
  history.cursor = null;
  history.done = false;
  history.locked = false;
  history.notSetUp = false;
  await flushPendingDelete();
  await loadMore();
}

/**
 * The vault locked: decrypted entries leave the page at once, and a page still
 * on its way is dropped. A delete waiting for its undo time is carried out
 * (on the next reload, once unlocked) rather than offered back into a locked page.
 */
export function clearForLock(): void {
  generation += 1;
  history.entries = [];
  history.answers = noAnswers();
  history.addedElsewhere = noneElsewhere();
  history.cursor = null;
  history.done = false;
  history.loading = false;
  history.problem = null;
  history.locked = true;
  history.notSetUp = false;
  const pending = history.pendingDelete;
  if (pending) {
    history.pendingDelete = null;
    undoLeft = null;
    // Main keeps a delete that meets a locked history and carries it out at the next unlock,
    // so it survives this window closing before then.
    void carryOut(pending);
  }
}

/** Hides the entry at once and deletes it for real only after the undo time has passed. */
export async function deleteWithUndo(entry: Entry): Promise<void> {
  // Only one undo at a time: an earlier pending delete is carried out now.
  const earlier = history.pendingDelete;
  history.entries = history.entries.filter((e) => e.id !== entry.id);
  undoLeft = null;
  undoDeadline = Date.now() + UNDO_MS;
  history.pendingDelete = { entry, timer: setTimeout(() => void flushPendingDelete(), UNDO_MS) };
  if (earlier) await carryOut(earlier);
}

/** When the undo time runs out (while it runs); the time left while it is paused. */
let undoDeadline = 0;
let undoLeft: number | null = null;

/** Stops the undo time (focus or pointer is on the undo toast), keeping what is left. */
export function pauseUndo(): void {
  const pending = history.pendingDelete;
  if (!pending || undoLeft !== null) return;
  clearTimeout(pending.timer);
  undoLeft = Math.max(0, undoDeadline - Date.now());
}

/** Lets the undo time run on from where it was paused. */
export function resumeUndo(): void {
  const pending = history.pendingDelete;
  if (!pending || undoLeft === null) return;
  const left = undoLeft;
  undoLeft = null;
  undoDeadline = Date.now() + left;
  history.pendingDelete = { entry: pending.entry, timer: setTimeout(() => void flushPendingDelete(), left) };
}

export function undoDelete(): void {
  const pending = history.pendingDelete;
  if (!pending) return;
  clearTimeout(pending.timer);
  history.pendingDelete = null;
  undoLeft = null;
  history.entries = [...history.entries, pending.entry].sort((a, b) => b.at - a.at);
}

export async function flushPendingDelete(): Promise<void> {
  const pending = history.pendingDelete;
  if (!pending) return;
  history.pendingDelete = null;
  undoLeft = null;
  await carryOut(pending);
}

async function carryOut(pending: { entry: Entry; timer: ReturnType<typeof setTimeout> }): Promise<void> {
  clearTimeout(pending.timer);
  // Locked meanwhile: main answers `deferred` and does it at the next unlock; nothing to do here.
  const result = await bridge().vault.delete({ id: pending.entry.id });
  if (!result.ok && result.error.code !== 'not-found') {
    // It was not deleted: show it again rather than pretend.
    history.entries = [...history.entries, pending.entry].sort((a, b) => b.at - a.at);
    history.problem = result.error.message;
  }
}
