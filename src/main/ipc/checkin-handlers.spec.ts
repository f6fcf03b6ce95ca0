import { describe, expect, test } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { DEFAULT_SETTINGS } from '../../shared/settings-schema';
import { createMemoryLogger } from '../log/logger';
import { openSettings } from '../settings/open-settings';
import { openConfSettingsStore } from '../settings/settings-store-options';
import { makeVault, manualClock } from '../vault/testing/vault-fixtures';
import { createCheckinHandlers } from './checkin-handlers';

const tempDir = useTempDirs();
const ctx = { window: 'popover' as const };
const MIN = 60_000;

const setUp = async () => {
  const dir = tempDir();
  const clock = manualClock();
  const vault = makeVault(dir, { clock });
  await vault.setup({ passphrase: 'long enough', useKeychain: false, createRecoveryKey: false });
  const { settings } = openSettings(dir, openConfSettingsStore, createMemoryLogger());
  const handlers = createCheckinHandlers(vault, settings, () => clock.now());
  return { vault, clock, settings, handlers };
};

describe('checkin.followUp', () => {
  test('asks about the latest step after the delay, once; answered or expired, it goes quiet', async () => {
    const { vault, clock, handlers } = await setUp();
    const checkIn = await vault.append({
      kind: 'check-in',
      data: { states: ['freeze'], needs: ['rest'], step: { id: 'drink-water', text: 'Get a glass of water' } },
    });
    clock.advance(10 * MIN);
    expect(await handlers['checkin.followUp'](undefined, ctx)).toEqual({ checkIn: null });
    clock.advance(15 * MIN);
    expect(await handlers['checkin.followUp'](undefined, ctx)).toEqual({
      checkIn: {
        id: checkIn.id,
        at: checkIn.at,
        offsetMinutes: checkIn.offsetMinutes,
        stepText: 'Get a glass of water',
        stepId: 'drink-water',
        states: ['freeze'],
        needs: ['rest'],
      },
    });
    await vault.append({ kind: 'follow-up', data: { checkInId: checkIn.id, outcome: 'helped' } });
    expect(await handlers['checkin.followUp'](undefined, ctx)).toEqual({ checkIn: null });
    await vault.close();
  });

  test('off in settings, or locked: nothing to ask', async () => {
    const { vault, clock, settings, handlers } = await setUp();
    await vault.append({ kind: 'check-in', data: { states: [], needs: [], step: { text: 'my own step' } } });
    clock.advance(30 * MIN);
    await settings.set({ checkIn: { ...DEFAULT_SETTINGS.checkIn, followUpMinutes: null } });
    expect(await handlers['checkin.followUp'](undefined, ctx)).toEqual({ checkIn: null });
    await settings.set({ checkIn: { ...DEFAULT_SETTINGS.checkIn, followUpMinutes: 20 } });
    expect((await handlers['checkin.followUp'](undefined, ctx)).checkIn).toMatchObject({ stepText: 'my own step', stepId: null });
    await vault.lock();
    expect(await handlers['checkin.followUp'](undefined, ctx)).toEqual({ checkIn: null });
    await vault.close();
  });

  test('after half a day the question is let go quietly', async () => {
    const { vault, clock, handlers } = await setUp();
    await vault.append({ kind: 'check-in', data: { states: [], needs: [], step: { text: 'walk' } } });
    clock.advance(13 * 60 * MIN);
    expect(await handlers['checkin.followUp'](undefined, ctx)).toEqual({ checkIn: null });
    await vault.close();
  });
});

describe('checkin.suggestions', () => {
  test('no history: no scores, so the built-in order stays', async () => {
    const { vault, handlers } = await setUp();
    expect(await handlers['checkin.suggestions']({ states: ['freeze'], needs: ['rest'] }, ctx)).toEqual({ scores: [], explanations: [] });
    await vault.close();
  });

  test('what helped this person in this state ranks first, with counts to explain it', async () => {
    const { vault, clock, handlers } = await setUp();
    for (const outcome of ['helped', 'helped', 'a-bit', 'not-really'] as const) {
      const c = await vault.append({
        kind: 'check-in',
        data: { states: ['freeze'], needs: ['rest'], step: { id: 'drink-water', text: 'Get a glass of water' } },
      });
      clock.advance(30 * MIN);
      await vault.append({ kind: 'follow-up', data: { checkInId: c.id, outcome } });
      clock.advance(60 * MIN);
    }
    const result = await handlers['checkin.suggestions']({ states: ['freeze'], needs: ['rest'] }, ctx);
    const best = [...result.scores].sort((a, b) => b.score - a.score)[0];
    expect(best?.stepId).toBe('drink-water');
    expect(result.explanations).toContainEqual({ stepId: 'drink-water', state: 'freeze', helped: 2, aBit: 1, answered: 4 });
    await vault.close();
  });
});

describe('checkin.answers', () => {
  test('for the asked check-ins, the answer that counts (the latest), with what happened instead', async () => {
    const { vault, clock, handlers } = await setUp();
    const step = { id: 'message-someone-safe', text: 'Send one message to someone safe' };
    const first = await vault.append({ kind: 'check-in', data: { states: ['freeze'], needs: ['connection'], step } });
    const second = await vault.append({ kind: 'check-in', data: { states: [], needs: [], step } });
    const unanswered = await vault.append({ kind: 'check-in', data: { states: [], needs: [] } });
    clock.advance(30 * MIN);
    await vault.append({ kind: 'follow-up', data: { checkInId: first.id, outcome: 'not-really' } });
    clock.advance(MIN);
    // Thought over and answered again: the newer answer is the one shown.
    await vault.append({ kind: 'follow-up', data: { checkInId: first.id, outcome: 'a-bit', instead: 'he did not answer' } });
    await vault.append({ kind: 'follow-up', data: { checkInId: second.id, outcome: 'helped' } });
    const asked = [first.id, unanswered.id, 'no-such-entry'];
    expect(await handlers['checkin.answers']({ checkInIds: asked }, ctx)).toEqual({
      answers: [{ checkInId: first.id, outcome: 'a-bit', instead: 'he did not answer' }],
    });
    // A deleted check-in takes its answers with it.
    await vault.delete(second.id);
    expect(await handlers['checkin.answers']({ checkInIds: [second.id] }, ctx)).toEqual({ answers: [] });
    await vault.close();
  });

  test('locked: refused as locked, nothing read', async () => {
    const { vault, handlers } = await setUp();
    await vault.lock();
    await expect(handlers['checkin.answers']({ checkInIds: [] }, ctx)).rejects.toMatchObject({ code: 'vault-locked' });
    await vault.close();
  });
});
