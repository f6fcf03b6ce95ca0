import { test } from '@playwright/test';
import fc from 'fast-check';

import { assertModel, loadFresh, logStep } from './model-kit';
import { ModelSession } from './model-session';
import { countVaultEvents } from './page-probe';
import { checkPopoverStart, popoverCommands, popoverCoverage, type PopoverReal, popoverUrl } from './popover-commands';
import { initialModel, PASSPHRASE, type PopoverModel, type VaultState } from './popover-model';

/**
 * Model-based UI test of the check-in popover: random, seeded sequences of what
 * people do (clicks, double-clicks, clicking the chosen option again, keys,
 * typing, Back/Skip/Close/Esc, a window switch, lock and unlock in another
 * window, a save that fails, time passing), with the invariants checked after
 * every step (see checkPopover). One batch per way the popover can start.
 * Replay a failure with the seed it prints: see model-kit.ts.
 */
const BATCHES: { title: string; vault: VaultState; runs: number }[] = [
  { title: 'first run (no history yet)', vault: 'not-set-up', runs: 40 },
  { title: 'history unlocked', vault: 'unlocked', runs: 40 },
  { title: 'history locked', vault: 'locked', runs: 40 },
];

for (const batch of BATCHES) {
  test(`popover model: ${batch.title}`, async ({ page, context }) => {
    // Sized for a loaded 2-core machine, shrinking included (model-kit caps shrinking time).
    test.setTimeout(12 * 60_000);
    const session = new ModelSession(page, context);
    await session.prepare();
    // The model of the sequence before: if it left the vault as a new sequence starts, it is kept.
    let last: PopoverModel | null = null;
    try {
      await assertModel<PopoverModel, PopoverReal, null>({
        numRuns: batch.runs,
        start: fc.constant(null),
        commands: popoverCommands(),
        setup: async (_start, dirty) => {
          const t0 = Date.now();
          const untouched =
            last !== null &&
            last.vault === batch.vault &&
            last.saved.length === 0 &&
            last.passphrase === PASSPHRASE &&
            last.wrongAttempts === 0;
          const kept = await session.reset(dirty, untouched);
          const t1 = Date.now();
          if (!kept) await session.vaultTo(batch.vault, PASSPHRASE);
          const t2 = Date.now();
          await loadFresh(page, session.watch, popoverUrl(session.harness));
          await countVaultEvents(page);
          logStep(`  (reset ${t1 - t0} ms, vault ${t2 - t1} ms, load ${Date.now() - t2} ms)`);
          const real: PopoverReal = {
            page,
            watch: session.watch,
            harness: session.harness,
            other: session.other,
            hideBase: session.harness.uiActions.filter((a) => a === 'hidePopover').length,
          };
          last = initialModel(batch.vault, false);
          // The disclosure remembers being open across sequences on one harness: start from what is saved.
          const settings = await page.evaluate(() => window.attune.settings.get());
          last.moreOpen = settings.ok && settings.value.checkIn.moreQuestionsOpen;
          return { model: last, real };
        },
        checkStart: checkPopoverStart,
      });
    } finally {
      popoverCoverage.print(`screens reached (${batch.title})`);
      await session.close();
    }
  });
}
