import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { BrowserContext, Page } from '@playwright/test';

import { type Harness, startHarness } from '../../harness/harness-server';
import { PageWatch } from './model-kit';
import { addProbe } from './page-probe';

/**
 * One browser page and one harness reused across a batch of sequences (a fresh
 * harness on a fresh data directory only after a failed sequence, so shrinking
 * replays start from nothing), plus a second window of the same app for
 * "elsewhere" actions and for resetting the vault between sequences.
 */
export class ModelSession {
  readonly watch: PageWatch;
  private current: { harness: Harness; dataDir: string } | null = null;
  private otherPage: Page | null = null;

  constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
  ) {
    this.watch = new PageWatch(page);
  }

  /** Call once before the first sequence: the page's clock and probe. */
  async prepare(): Promise<void> {
    await addProbe(this.page);
    await this.page.clock.install();
  }

  get harness(): Harness {
    if (!this.current) throw new Error('no harness yet');
    return this.current.harness;
  }

  get other(): Page {
    if (!this.otherPage) throw new Error('no second window yet');
    return this.otherPage;
  }

  /**
   * A clean start: the same harness with its vault erased, or (first time, or
   * after a failure) a new harness on a new data directory. The second window
   * is an app window on help, which works whatever the vault's state.
   * `keepVault`: the last sequence left the vault exactly as the next one starts
   * (same state, nothing saved), so it is kept — setting a vault up costs a
   * deliberately slow key derivation. Resolves true when the vault was kept.
   */
  async reset(fresh: boolean, keepVault = false): Promise<boolean> {
    // Off the old page first, so its event stream does not complain about a harness going away.
    await this.page.goto('about:blank');
    this.watch.reset();
    if (fresh || !this.current) {
      await this.stopHarness();
      const dataDir = mkdtempSync(join(tmpdir(), 'attune-model-'));
      this.current = { harness: await startHarness({ dataDir }), dataDir };
      this.otherPage ??= await this.context.newPage();
      await this.otherPage.goto(`${this.harness.url}/#app/help`);
      // A new tab comes to the front and hides the page under test; hidden, its `content-visibility: auto`
      // parts are not laid out and clicks go through them. The page under test stays in front.
      await this.page.bringToFront();
    } else if (keepVault) {
      this.watch.problems.length = 0;
      return true;
    } else {
      const erased = await this.other.evaluate(() => window.attune.vault.erase({ confirm: true }));
      if (!erased.ok) throw new Error(`erase failed: ${erased.error.code}`);
    }
    this.watch.problems.length = 0;
    return false;
  }

  /** Sets the vault up (and locks it) through the second window, as another window would. */
  async vaultTo(state: 'not-set-up' | 'unlocked' | 'locked', passphrase: string): Promise<void> {
    if (state === 'not-set-up') return;
    const setUp = await this.other.evaluate(
      (p) => window.attune.vault.setup({ useKeychain: false, passphrase: p, createRecoveryKey: false }),
      passphrase,
    );
    if (!setUp.ok) throw new Error(`setup failed: ${setUp.error.code}`);
    if (state === 'locked') {
      const locked = await this.other.evaluate(() => window.attune.vault.lock());
      if (!locked.ok) throw new Error(`lock failed: ${locked.error.code}`);
    }
  }

  private async stopHarness(): Promise<void> {
    if (!this.current) return;
    const { harness, dataDir } = this.current;
    this.current = null;
    await harness.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  async close(): Promise<void> {
    await this.stopHarness();
    await this.otherPage?.close();
  }
}
