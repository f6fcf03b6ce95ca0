import { test } from '@playwright/test';
import fc from 'fast-check';

import { appCommands, type AppModel, type AppReal, type AppStart, checkApp, initialAppModel, SECTIONS } from './app-window-model';
import { assertModel, loadFresh } from './model-kit';
import { ModelSession } from './model-session';
import { countVaultEvents } from './page-probe';
import { PASSPHRASE } from './popover-model';

/**
 * Model-based UI test of the app window (history, insights, settings, help):
 * random, seeded sequences of side-bar navigation, deletes and undo, filters,
 * settings changes, keys, lock and unlock here or in another window, a window
 * switch, time passing and reopening, with the invariants checked after every
 * step (see checkApp). Replay a failure with the seed it prints: see model-kit.ts.
 */
const section = fc.constantFrom(...SECTIONS);
const BATCHES: { title: string; setUp: boolean; runs: number; start: fc.Arbitrary<AppStart> }[] = [
  {
    title: 'before set-up',
    setUp: false,
    runs: 16,
    start: fc.record({ section, entries: fc.constant([]), locked: fc.constant(false) }),
  },
  {
    title: 'with a history',
    setUp: true,
    runs: 24,
    start: fc.record({
      section,
      entries: fc.array(fc.record({ states: fc.subarray(['fight', 'freeze', 'settled', 'flight'], { minLength: 1 }) }), { maxLength: 4 }),
      locked: fc.boolean(),
    }),
  },
];

for (const batch of BATCHES) {
  test(`app window model: ${batch.title}`, async ({ page, context }) => {
    // Sized for a loaded 2-core machine, shrinking included (model-kit caps shrinking time).
    test.setTimeout(12 * 60_000);
    await page.setViewportSize({ width: 880, height: 660 });
    const session = new ModelSession(page, context);
    await session.prepare();
    // The model of the sequence before: an open vault with no pending misses is emptied and kept (see reset).
    let last: AppModel | null = null;
    try {
      await assertModel<AppModel, AppReal, AppStart>({
        numRuns: batch.runs,
        start: batch.start,
        commands: appCommands(),
        setup: async (start, dirty) => {
          const keep = last !== null && last.wrongAttempts === 0 && last.vault === (batch.setUp ? 'unlocked' : 'not-set-up');
          const kept = await session.reset(dirty, keep);
          const other = session.other;
          if (kept && batch.setUp) {
            // Setting a vault up costs a deliberately slow key derivation: empty the open one instead.
            for (let round = 0; round < 3; round += 1) {
              const left = await other.evaluate(() => window.attune.vault.list({ limit: 200 }));
              if (!left.ok) throw new Error(`list failed: ${left.error.code}`);
              if (left.value.entries.length === 0) break;
              for (const { id } of left.value.entries) await other.evaluate((entryId) => window.attune.vault.delete({ id: entryId }), id);
            }
          }
          // Settings as they come, so every sequence starts from the same place.
          const reset = await other.evaluate(() =>
            window.attune.settings.set({
              appearance: { theme: 'system', motion: 'system', discreet: true, zoomPercent: 100, language: 'system' },
              privacy: { lockAfterIdleMinutes: 15, lockWithScreen: true },
            }),
          );
          if (!reset.ok) throw new Error(`settings reset failed: ${reset.error.code}`);
          const entries: { id: string; states: string[] }[] = [];
          if (batch.setUp) {
            if (!kept) await session.vaultTo('unlocked', PASSPHRASE);
            for (const entry of start.entries) {
              const saved = await other.evaluate(
                (states) => window.attune.vault.append({ kind: 'check-in', data: { states: states as 'fight'[], needs: [] } }),
                entry.states,
              );
              if (!saved.ok) throw new Error(`append failed: ${saved.error.code}`);
              entries.unshift({ id: saved.value.id, states: entry.states });
            }
            if (start.locked) await other.evaluate(() => window.attune.vault.lock());
          }
          await loadFresh(page, session.watch, `${session.harness.url}/#app/${start.section}`);
          await countVaultEvents(page);
          const real: AppReal = {
            page,
            watch: session.watch,
            harness: session.harness,
            other,
            closeBase: session.harness.uiActions.filter((a) => a === 'closeWindow:app').length,
          };
          const vault = !batch.setUp ? 'not-set-up' : start.locked ? 'locked' : 'unlocked';
          last = initialAppModel(start, entries, vault);
          return { model: last, real };
        },
        checkStart: (model, real) => checkApp(model, real, {}, `open the window on ${model.section}`),
      });
    } finally {
      await session.close();
    }
  });
}
