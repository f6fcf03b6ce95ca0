import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeEach, describe, expect, test, vi } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import type { EntryInput } from '../../shared/entry-schema';
import { insightsContract, insightsSchema } from '../../shared/ipc/insights-contract';
import { ATOMIC_TEMP_NAME, writeFileAtomicSync } from '../fs/durable-write';
import { computeInsights } from '../insights/insights';
import { generateHistory } from '../insights/testing/history-generator';
import { createMemoryLogger } from '../log/logger';
import { makeVault, manualClock } from '../vault/testing/vault-fixtures';
import { createDispatch } from './dispatch';
import type { SaveDialogPort } from './export-handlers';
import { createInsightsHandlers, suggestedSummaryName } from './insights-handlers';

// A pass-through spy: the real atomic write runs; the spec checks the summary goes through it.
vi.mock(import('../fs/durable-write'), async (original) => {
  const real = await original();
  return { ...real, writeFileAtomicSync: vi.fn(real.writeFileAtomicSync) };
});

const tempDir = useTempDirs();
const ctx = { window: 'app' as const };
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const MARKER = 'marker-7f3c1e-private-note';
const include = { states: true, needs: true, whatHelped: true, notes: false };

const checkInWith = (note?: string): EntryInput => ({
  kind: 'check-in',
  data: {
    states: ['freeze'],
    needs: ['rest'],
    capacity: 2,
    step: { id: 'drink-water', text: 'A glass of water' },
    ...(note ? { note } : {}),
  },
});

/** A real vault on a temp dir with three check-ins on three days (one with a private note) and one answer. */
const setUp = async (dialog: SaveDialogPort = { chooseSavePath: async () => null }) => {
  const root = tempDir();
  const clock = manualClock(NOW - 3 * DAY);
  const vault = makeVault(root, { clock });
  await vault.setup({ passphrase: 'long enough', useKeychain: false, createRecoveryKey: false });
  const first = await vault.append(checkInWith());
  clock.advance(30 * 60_000);
  await vault.append({ kind: 'follow-up', data: { checkInId: first.id, outcome: 'helped' } });
  clock.set(NOW - 2 * DAY);
  await vault.append(checkInWith(MARKER));
  clock.set(NOW - DAY);
  await vault.append({ kind: 'check-in', data: { states: ['fawn'], needs: ['space'] } });
  clock.set(NOW);
  const handlers = createInsightsHandlers(vault, dialog, () => NOW);
  return { root, vault, handlers };
};

beforeEach(() => {
  vi.mocked(writeFileAtomicSync).mockClear();
});

describe('insights.get', () => {
  test('counts the period from the history in main; the answer fits the contract', async () => {
    const { vault, handlers } = await setUp();
    const insights = await handlers['insights.get']({ from: NOW - 7 * DAY, to: NOW }, ctx);
    expect(insightsSchema.safeParse(insights).success).toBe(true);
    expect(insights.totals).toEqual({ checkIns: 3, stepsChosen: 2, followUps: 1 });
    expect(insights.statesNamed).toEqual([
      { state: 'freeze', count: 2 },
      { state: 'fawn', count: 1 },
    ]);
    expect(insights.flags).toMatchObject({ empty: false, sparse: true });
    await vault.close();
  });

  test('without a start it runs from the first check-in; without an end, up to now', async () => {
    const { vault, handlers } = await setUp();
    const insights = await handlers['insights.get']({}, ctx);
    expect(insights.period.from).toBe(NOW - 3 * DAY);
    expect(insights.period.to).toBe(NOW + 1);
    expect(insights.totals.checkIns).toBe(3);
    await vault.close();
  });

  test('an empty history is an empty period, said by the flags, not an error', async () => {
    const root = tempDir();
    const vault = makeVault(root);
    await vault.setup({ passphrase: 'long enough', useKeychain: false, createRecoveryKey: false });
    const insights = await createInsightsHandlers(vault, { chooseSavePath: async () => null }, () => NOW)['insights.get']({}, ctx);
    expect(insights.flags.empty).toBe(true);
    expect(insights.capacity.points.every((point) => point.mean === null)).toBe(true);
    await vault.close();
  });

  test('locked: every channel answers vault-locked and nothing is asked or written', async () => {
    const chooseSavePath = vi.fn(async () => '/tmp/never.html');
    const { vault, handlers } = await setUp({ chooseSavePath });
    await vault.lock();
    const period = { from: NOW - 7 * DAY, to: NOW, include };
    await expect(handlers['insights.get']({}, ctx)).rejects.toMatchObject({ code: 'vault-locked' });
    await expect(handlers['insights.previewSummary'](period, ctx)).rejects.toMatchObject({ code: 'vault-locked' });
    await expect(handlers['insights.saveSummary']({ ...period, confirmPlaintext: true }, ctx)).rejects.toMatchObject({
      code: 'vault-locked',
    });
    expect(chooseSavePath).not.toHaveBeenCalled();
    expect(writeFileAtomicSync).not.toHaveBeenCalled();
    await vault.close();
  });

  test('the contract holds for three months and for 10k realistic entries', () => {
    for (const entries of [generateHistory({ days: 90, seed: 4 }), generateHistory({ entries: 10_000, seed: 5 })]) {
      const first = entries[0]?.at ?? 0;
      const insights = computeInsights(entries, { from: first, to: NOW, now: NOW });
      const parsed = insightsSchema.safeParse(insights);
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
  });

  test('through the dispatcher: periods main would refuse are refused before the history is read', async () => {
    const { vault, handlers } = await setUp();
    const dispatch = createDispatch(insightsContract, handlers, createMemoryLogger());
    const refused = { ok: false, error: expect.objectContaining({ code: 'invalid-request' }) };
    expect(await dispatch('insights.get', { from: NOW, to: NOW - DAY }, ctx)).toEqual(refused);
    expect(await dispatch('insights.get', { from: 0, to: 9e15 }, ctx)).toEqual(refused);
    expect(await dispatch('insights.previewSummary', { from: NOW, to: NOW, include }, ctx)).toEqual(refused);
    expect(await dispatch('insights.saveSummary', { from: 0, to: NOW, include }, ctx)).toEqual(refused);
    expect(await dispatch('insights.saveSummary', { from: 0, to: NOW, include, confirmPlaintext: true, path: '/tmp/x.html' }, ctx)).toEqual(
      refused,
    );
    expect(await dispatch('insights.get', {}, ctx)).toMatchObject({ ok: true });
    await vault.close();
  });
});

describe('insights.previewSummary', () => {
  test('shows only the chosen parts: notes left out, the note is nowhere in it', async () => {
    const { vault, handlers } = await setUp();
    const period = { from: NOW - 7 * DAY, to: NOW };
    const without = await handlers['insights.previewSummary']({ ...period, include }, ctx);
    expect(JSON.stringify(without)).not.toContain(MARKER);
    expect(without.model.sections.map((s) => s.id)).toEqual(['states', 'needs', 'what-helped']);
    const withNotes = await handlers['insights.previewSummary']({ ...period, include: { ...include, notes: true } }, ctx);
    expect(JSON.stringify(withNotes)).toContain(MARKER);
    const onlyNeeds = await handlers['insights.previewSummary'](
      { ...period, include: { states: false, needs: true, whatHelped: false, notes: false } },
      ctx,
    );
    expect(onlyNeeds.model.sections.map((s) => s.id)).toEqual(['needs']);
    expect(JSON.stringify(onlyNeeds)).not.toContain('Freeze');
    await vault.close();
  });
});

describe('insights.saveSummary', () => {
  test('writes the chosen summary atomically where the person picked: notes out means the note is not in the file', async () => {
    const suggested: string[] = [];
    let target = '';
    const { root, vault, handlers } = await setUp({
      chooseSavePath: async (name, extension) => (suggested.push(`${name} ${extension}`), target),
    });
    target = join(root, 'summary.html');
    writeFileSync(target, 'an older file');
    const result = await handlers['insights.saveSummary']({ from: NOW - 7 * DAY, to: NOW, include, confirmPlaintext: true }, ctx);
    expect(result).toEqual({ saved: true, path: target, count: 3 });
    expect(suggested).toEqual(['attune-summary-2026-11-23.html html']);
    expect(writeFileAtomicSync).toHaveBeenCalledWith(target, expect.any(String));
    const html = readFileSync(target, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Freeze');
    expect(html).toContain('What helped');
    expect(html).not.toContain(MARKER);
    expect(html).not.toContain('My notes');
    // Replaced whole (temp file renamed over it), readable by the person only, nothing left beside it.
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(root).filter((name) => ATOMIC_TEMP_NAME.test(name))).toEqual([]);
    await vault.close();
  });

  test('with notes chosen, the note is in the file', async () => {
    let target = '';
    const { root, vault, handlers } = await setUp({ chooseSavePath: async () => target });
    target = join(root, 'with-notes.html');
    await handlers['insights.saveSummary'](
      { from: NOW - 7 * DAY, to: NOW, include: { ...include, notes: true }, confirmPlaintext: true },
      ctx,
    );
    expect(readFileSync(target, 'utf8')).toContain(MARKER);
    await vault.close();
  });

  test('cancelling the dialog writes nothing', async () => {
    const { root, vault, handlers } = await setUp({ chooseSavePath: async () => null });
    const before = readdirSync(root).sort();
    expect(await handlers['insights.saveSummary']({ from: 0, to: NOW, include, confirmPlaintext: true }, ctx)).toEqual({ saved: false });
    expect(writeFileAtomicSync).not.toHaveBeenCalled();
    expect(readdirSync(root).sort()).toEqual(before);
    await vault.close();
  });

  test('a folder that cannot be written to: a calm error, and no file', async () => {
    let target = '';
    const { root, vault, handlers } = await setUp({ chooseSavePath: async () => target });
    target = join(root, 'no-such-folder', 'summary.html');
    await expect(handlers['insights.saveSummary']({ from: 0, to: NOW, include, confirmPlaintext: true }, ctx)).rejects.toThrow();
    expect(existsSync(target)).toBe(false);
    await vault.close();
  });

  test('the suggested name says nothing about what is inside', () => {
    expect(suggestedSummaryName(0)).toBe('attune-summary-1970-01-01.html');
  });
});
