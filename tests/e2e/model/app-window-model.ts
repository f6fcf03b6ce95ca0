import type { Page } from '@playwright/test';
import fc from 'fast-check';

import { FREE_ATTEMPTS } from '../../../src/main/vault/throttle';
import { appWindowCopy, historyCopy, settingsCopy, vaultCopy } from '../../../src/shared/copy';
import type { Harness } from '../../harness/harness-server';
import { ACTION_TIMEOUT_MS, InvariantError, letTimePass, loadFresh, logStep, MAX_STEPS, type PageWatch, sameSet } from './model-kit';
import { blurAndRefocus, countVaultEvents, type FocusFacts, type ProbeWindow, vaultEventsSeen, waitForVaultEvent } from './page-probe';
import { PASSPHRASE, typeInto, type VaultState, WRONG_PASSPHRASE } from './popover-model';

/**
 * The model of the app window (history, insights, settings, help): which
 * section a person is in, what the vault holds, which entries they deleted
 * (and may still undo), the state filter they chose, and the settings they
 * changed. Settings are taken from what the page shows after a change (the
 * page is the authority on "shown as chosen"); the invariant is that what is
 * shown is what is stored.
 */
export type Section = 'history' | 'insights' | 'settings' | 'help';
export const SECTIONS: readonly Section[] = ['history', 'insights', 'settings', 'help'];
export const STATE_FILTERS = ['', 'fight', 'freeze', 'settled'] as const;

export interface SeedEntry {
  states: string[];
}
export interface AppStart {
  section: Section;
  entries: SeedEntry[];
  locked: boolean;
}

export interface AppModel {
  vault: VaultState;
  section: Section;
  /** The section wanted behind the lock screen (help stays open while locked). */
  lockedTarget: Section;
  closed: boolean;
  /** Entries the vault holds (id → states), newest first. */
  entries: { id: string; states: string[] }[];
  /** Deleted by the person, undo time running: hidden from the page, still in the vault. */
  pending: string | null;
  /** Deleted for good by the person: never shown again; gone from the vault once carried out. */
  gone: Set<string>;
  filter: string;
  /** What the lock screen's field holds, and unlock misses since the last success (see mayTryUnlock in popover-model). */
  lockField: string;
  wrongAttempts: number;
  steps: number;
  trace: string[];
  closes: number;
}

export interface AppReal {
  page: Page;
  watch: PageWatch;
  harness: Harness;
  other: Page;
  closeBase: number;
}

const showsLockScreen = (m: Readonly<AppModel>): boolean => m.vault === 'locked' && m.section !== 'help';
const visibleEntries = (m: Readonly<AppModel>): string[] =>
  m.entries.filter((e) => e.id !== m.pending && !m.gone.has(e.id) && (m.filter === '' || e.states.includes(m.filter))).map((e) => e.id);

/** Whether sending the lock screen's form with `text` is an attempt a person in this model makes (see popover-model's mayTryUnlock). */
const mayTry = (m: Readonly<AppModel>, text: string): boolean => text === PASSPHRASE || m.wrongAttempts < FREE_ATTEMPTS - 1;

/** The lock screen's form is sent with `text`. */
const sendUnlock = (m: AppModel, text: string): void => {
  if (text === PASSPHRASE) {
    m.vault = 'unlocked';
    m.wrongAttempts = 0;
  } else m.wrongAttempts += 1;
};

const navigate = (m: AppModel, section: Section): void => {
  m.lockField = '';
  if (m.section === 'history' && section !== 'history') leaveHistory(m);
  if (section !== 'help') m.lockedTarget = section;
  m.section = section;
};

/** Leaving history (or the page) carries out a delete waiting for its undo time. */
const leaveHistory = (m: AppModel): void => {
  if (m.pending) m.gone.add(m.pending);
  m.pending = null;
};

const lockModel = (m: AppModel): void => {
  m.vault = 'locked';
  m.lockField = '';
  // The decrypted list leaves the page; a waiting delete is still meant (carried out after unlock).
  leaveHistory(m);
};

// ---------------------------------------------------------------- the page

interface AppView {
  heading: string | null;
  nav: { label: string; current: boolean; reachable: boolean; whyNot: string }[];
  cards: string[];
  toast: boolean;
  says: { historyLocked: boolean; empty: boolean; noMatches: boolean };
  filter: string | null;
  settings: { theme: string | null; motion: string | null; discreet: boolean | null; lockWithScreen: boolean | null } | null;
  stored: { theme: string; motion: string; discreet: boolean; lockWithScreen: boolean } | null;
  lockClose: boolean;
  focus: FocusFacts;
  vault: { ok: true; ids: string[] } | { ok: false; code: string };
}

const APP_LANDMARKS = ['nav', 'main', 'form.gate', '.toast', 'article', 'section.history', '.settings', 'section.help'] as const;

const observe = (page: Page): Promise<AppView> =>
  page.evaluate(
    async ({ landmarks, lockedText, noMatches, lockWithScreenText }): Promise<AppView> => {
      const probe = (window as unknown as ProbeWindow).__modelProbe;
      const main = document.querySelector('main');
      const settingsRoot = main?.querySelector('.settings');
      const radio = (name: string) => settingsRoot?.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? null;
      const box = (input: HTMLInputElement | null | undefined) => (input ? input.checked : null);
      const lockWithScreen = [...(settingsRoot?.querySelectorAll<HTMLLabelElement>('label.check') ?? [])].find((l) =>
        l.textContent?.includes(lockWithScreenText),
      );
      const storedResult = await window.attune.settings.get();
      const list = await window.attune.vault.list({ limit: 200 });
      const text = main?.textContent ?? '';
      return {
        heading: main?.querySelector('h1')?.textContent?.trim() ?? null,
        nav: [...document.querySelectorAll<HTMLElement>('nav li > .nav-item')].map((el) => ({
          label: el.textContent?.trim() ?? '',
          current: el.getAttribute('aria-current') === 'page',
          reachable: el.tagName === 'BUTTON' ? probe.reachable(el) : false,
          whyNot: probe.whyNot(el),
        })),
        cards: [...(main?.querySelectorAll<HTMLElement>('article[data-entry-id]') ?? [])].map((a) => a.dataset.entryId ?? ''),
        toast: main?.querySelector('.toast button') !== null && main?.querySelector('.toast button') !== undefined,
        says: {
          historyLocked: text.includes(lockedText),
          empty: main?.querySelector('section.history .empty h2') != null,
          noMatches: text.includes(noMatches),
        },
        filter: main?.querySelector<HTMLSelectElement>('section.history form select')?.value ?? null,
        settings: settingsRoot
          ? {
              theme: radio('theme'),
              motion: radio('motion'),
              discreet: box(settingsRoot.querySelector<HTMLInputElement>('input[aria-describedby="discreet-hint"]')),
              lockWithScreen: box(lockWithScreen?.querySelector('input')),
            }
          : null,
        stored: storedResult.ok
          ? {
              theme: storedResult.value.appearance.theme,
              motion: storedResult.value.appearance.motion,
              discreet: storedResult.value.appearance.discreet,
              lockWithScreen: storedResult.value.privacy.lockWithScreen,
            }
          : null,
        lockClose: probe.reachable([...(main?.querySelectorAll<HTMLButtonElement>('form.gate .actions button.quiet') ?? [])][0]),
        focus: probe.readFocus(landmarks),
        vault: list.ok ? { ok: true, ids: list.value.entries.map((e) => e.id) } : { ok: false, code: list.error.code },
      };
    },
    {
      landmarks: APP_LANDMARKS,
      lockedText: historyCopy.locked,
      noMatches: historyCopy.noMatches,
      lockWithScreenText: settingsCopy.privacy.lockWithScreen,
    },
  );

// ---------------------------------------------------------------- commands

interface StepFacts {
  key?: { name: string; before: FocusFacts };
  vaultEventsBefore?: number;
  /** Time passed: the undo may have run out (the page says whether it did). */
  timePassed?: boolean;
}

const FAST = { force: true, timeout: ACTION_TIMEOUT_MS } as const;
/** Read when used, not at load: the words are loaded after the modules. */
const sectionByLabel = (label: string): Section | undefined => SECTIONS.find((s) => appWindowCopy.sections[s] === label);

class AppCommand implements fc.AsyncCommand<AppModel, AppReal> {
  constructor(
    private readonly label: string,
    private readonly pre: (m: Readonly<AppModel>) => boolean,
    private readonly act: (m: AppModel, r: AppReal) => Promise<StepFacts>,
  ) {}

  check(m: Readonly<AppModel>): boolean {
    return m.steps < MAX_STEPS && this.pre(m);
  }

  async run(m: AppModel, r: AppReal): Promise<void> {
    const started = Date.now();
    m.steps += 1;
    m.trace.push(`${this.label} [on ${m.closed ? 'closed' : showsLockScreen(m) ? `lock screen (${m.section})` : m.section}]`);
    try {
      const facts = await this.act(m, r);
      await checkApp(m, r, facts, this.label);
      logStep(`  ${m.trace.at(-1)} ${Date.now() - started} ms`);
    } catch (error) {
      logStep(`  ${m.trace.at(-1)} FAILED: ${error instanceof Error ? error.message : String(error)}`);
      if (error instanceof Error) error.message += `\n  steps of this run:\n${m.trace.map((t, i) => `    ${i + 1}. ${t}`).join('\n')}`;
      throw error;
    }
  }

  toString(): string {
    return this.label;
  }
}

const open = (m: Readonly<AppModel>): boolean => !m.closed;
const onHistory = (m: Readonly<AppModel>): boolean => !m.closed && m.section === 'history' && m.vault !== 'locked';

const navTo = (section: Section) =>
  new AppCommand(
    `open ${section} from the side bar`,
    (m) => open(m) && (m.vault !== 'locked' || section === 'help'),
    async (m, r) => {
      await r.page.locator('nav .nav-item').filter({ hasText: appWindowCopy.sections[section] }).click(FAST);
      navigate(m, section);
      return {};
    },
  );

const unlockItem = new AppCommand(
  'click Unlock in the side bar',
  (m) => open(m) && m.vault === 'locked' && m.section === 'help',
  async (m, r) => {
    await r.page.locator('nav .nav-item').filter({ hasText: appWindowCopy.unlock }).click(FAST);
    m.section = m.lockedTarget;
    m.lockField = '';
    return {};
  },
);

const deleteEntry = (index: number) =>
  new AppCommand(
    `delete the check-in #${index} in the list`,
    (m) => onHistory(m) && visibleEntries(m).length > 0,
    async (m, r) => {
      const cards = r.page.locator('article[data-entry-id]');
      const count = await cards.count();
      if (count === 0) throw new InvariantError('(a)', 'the history shows no check-ins where the vault holds some');
      const card = cards.nth(index % count);
      const id = (await card.getAttribute('data-entry-id', { timeout: ACTION_TIMEOUT_MS })) ?? '';
      await card.locator('[data-delete]').click(FAST);
      if (m.pending) m.gone.add(m.pending);
      m.pending = id;
      return {};
    },
  );

const undo = new AppCommand(
  'click Undo',
  (m) => onHistory(m) && m.pending !== null,
  async (m, r) => {
    await r.page.locator('.toast button').click(FAST);
    m.pending = null;
    return {};
  },
);

const filterBy = (state: string) =>
  new AppCommand(
    `show only "${state || 'any state'}"`,
    (m) => onHistory(m) && m.vault === 'unlocked',
    async (m, r) => {
      await r.page.locator('section.history form select').selectOption(state, { timeout: ACTION_TIMEOUT_MS });
      m.filter = state;
      // A new filter reloads the list, which carries out a delete waiting for its undo time.
      leaveHistory(m);
      return {};
    },
  );

const settingsToggle = (which: 'theme' | 'motion' | 'discreet' | 'lockWithScreen', index: number) =>
  new AppCommand(
    `change ${which} in Settings (#${index})`,
    (m) => open(m) && m.section === 'settings' && m.vault !== 'locked',
    async (_m, r) => {
      const root = r.page.locator('main .settings');
      const target =
        which === 'theme' || which === 'motion'
          ? root.locator(`input[name="${which}"]`)
          : which === 'discreet'
            ? root.locator('input[aria-describedby="discreet-hint"]')
            : root.locator('label.check').filter({ hasText: settingsCopy.privacy.lockWithScreen }).locator('input');
      const count = await target.count();
      if (count === 0) throw new InvariantError('(a)', `Settings shows no ${which} control`);
      await target.nth(index % count).click(FAST);
      return {};
    },
  );

const typeUnlock = (passphrase: string, submit: 'Enter' | 'click') =>
  new AppCommand(
    `type ${passphrase === PASSPHRASE ? 'the passphrase' : JSON.stringify(passphrase)} on the lock screen, then ${submit === 'Enter' ? 'press Enter' : 'click Unlock'}`,
    (m) => open(m) && showsLockScreen(m) && mayTry(m, passphrase),
    async (m, r) => {
      const field = r.page.locator('form.gate input[type="password"]');
      await field.click(FAST);
      await r.page.keyboard.press('Control+A');
      await r.page.keyboard.type(passphrase);
      let before: FocusFacts | undefined;
      if (submit === 'Enter') {
        before = await readFocus(r.page);
        await r.page.keyboard.press('Enter');
      } else await r.page.locator('form.gate button[type="submit"]').click(FAST);
      m.lockField = passphrase;
      sendUnlock(m, passphrase);
      return before ? { key: { name: 'Enter', before } } : {};
    },
  );

const lockScreenClose = new AppCommand(
  'click Close on the lock screen',
  (m) => open(m) && showsLockScreen(m),
  async (m, r) => {
    await r.page.locator('form.gate .actions button.quiet').click(FAST);
    m.closed = true;
    m.closes += 1;
    return {};
  },
);

/** A closed window is told nothing (its page lingers in the harness); an open one must hear of the change. */
const lockElsewhere = new AppCommand(
  'lock from another window',
  (m) => m.vault === 'unlocked',
  async (m, r) => {
    const vaultEventsBefore = await vaultEventsSeen(r.page);
    const result = await r.other.evaluate(() => window.attune.vault.lock());
    if (!result.ok) throw new Error(`lock failed: ${result.error.code}`);
    lockModel(m);
    return m.closed ? {} : { vaultEventsBefore };
  },
);

const unlockElsewhere = new AppCommand(
  'unlock from another window',
  (m) => m.vault === 'locked',
  async (m, r) => {
    const vaultEventsBefore = await vaultEventsSeen(r.page);
    const result = await r.other.evaluate((p) => window.attune.vault.unlock({ method: 'passphrase', passphrase: p }), PASSPHRASE);
    if (!result.ok) throw new Error(`unlock failed: ${result.error.code}`);
    m.vault = 'unlocked';
    m.wrongAttempts = 0;
    return m.closed ? {} : { vaultEventsBefore };
  },
);

const blur = new AppCommand('the window loses focus, then gets it back', open, async (_m, r) => {
  await blurAndRefocus(r.page);
  return {};
});

const timePasses = new AppCommand(
  '7 seconds pass',
  () => true,
  async (_m, r) => {
    await letTimePass(r.page, 7000);
    return { timePassed: true };
  },
);

const reopen = new AppCommand(
  'close the window and open it again',
  () => true,
  async (m, r) => {
    // The window goes away (its page unloads) and History… opens it again, or the same section if it was open.
    const section = m.closed ? 'history' : m.section;
    leaveHistory(m);
    await loadFresh(r.page, r.watch, `${r.harness.url}/#app/${section}`);
    await countVaultEvents(r.page);
    m.closed = false;
    m.section = section;
    m.lockedTarget = section === 'help' ? 'history' : section;
    m.filter = '';
    m.lockField = '';
    return {};
  },
);

const readFocus = (page: Page): Promise<FocusFacts> =>
  page.evaluate((l) => (window as unknown as ProbeWindow).__modelProbe.readFocus(l), APP_LANDMARKS);

const KEYS = ['Tab', 'Shift+Tab', 'Enter', 'Space', 'ArrowDown', 'ArrowUp', 'Escape'] as const;

/**
 * A key, on whatever has focus. Keys on controls this model does not follow
 * (links, selects, dates, export, erase, the shortcut recorder…) are not pressed.
 */
const pressKey = (key: (typeof KEYS)[number]) =>
  new AppCommand(`press ${key}`, open, async (m, r) => {
    const before = await readFocus(r.page);
    const facts: StepFacts = { key: { name: key, before } };
    if (key === 'Tab' || key === 'Shift+Tab' || key === 'Escape') {
      await r.page.keyboard.press(key);
      return facts;
    }
    const activates = key === 'Enter' || key === 'Space';
    const at = (l: string) => before.within.includes(l);
    if (before.tag === 'button' && activates) {
      const section = at('nav') ? sectionByLabel(before.text) : undefined;
      if (section) {
        if (m.vault === 'locked' && section !== 'help') return {};
        await r.page.keyboard.press(key);
        navigate(m, section);
        return facts;
      }
      if (at('nav') && before.text === appWindowCopy.unlock) {
        await r.page.keyboard.press(key);
        m.section = m.lockedTarget;
        return facts;
      }
      if (at('article')) {
        const id = await r.page.evaluate(() => (document.activeElement?.closest('article') as HTMLElement | null)?.dataset.entryId ?? null);
        await r.page.keyboard.press(key);
        if (id) {
          if (m.pending) m.gone.add(m.pending);
          m.pending = id;
        }
        return facts;
      }
      if (at('.toast')) {
        await r.page.keyboard.press(key);
        m.pending = null;
        return facts;
      }
      if (at('.settings') && before.text === settingsCopy.privacy.lockNow) {
        const vaultEventsBefore = await vaultEventsSeen(r.page);
        await r.page.keyboard.press(key);
        lockModel(m);
        return { ...facts, vaultEventsBefore };
      }
      if (at('form.gate') && before.type === 'submit') {
        if (!mayTry(m, m.lockField)) return {};
        await r.page.keyboard.press(key);
        sendUnlock(m, m.lockField);
        return facts;
      }
      if (at('.settings')) {
        // Settings' jump links only move focus; other buttons (export, erase, passphrase, shortcut) are not followed here.
        const jump = await r.page.evaluate(() => document.activeElement?.classList.contains('jump-link') ?? false);
        if (!jump) return {};
        await r.page.keyboard.press(key);
        return facts;
      }
      if (at('section.history') && before.text === historyCopy.empty.action) {
        await r.page.keyboard.press(key);
        return facts;
      }
      return {};
    }
    if (before.tag === 'input' && at('.settings')) {
      // Space changes these, arrows move a radio group's choice; other settings are not followed here.
      if ((await followedSetting(r.page)) === null) return {};
      await r.page.keyboard.press(key);
      return facts;
    }
    if (before.tag === 'input' && at('form.gate') && before.type === 'password') {
      if (key === 'Enter' && !mayTry(m, m.lockField)) return {};
      await r.page.keyboard.press(key);
      if (key === 'Enter') sendUnlock(m, m.lockField);
      else if (key === 'Space') m.lockField = typeInto(before.value, before.caret, before.caretEnd, ' ');
      return facts;
    }
    if (before.tag === 'h1' || before.tag === 'body' || before.tag === 'article' || before.tag === 'h2') {
      await r.page.keyboard.press(key);
      return facts;
    }
    return {};
  });

/** Which of the settings this model follows has focus (null: another control). */
const followedSetting = (page: Page): Promise<string | null> =>
  page.evaluate((lockWithScreen) => {
    const input = document.activeElement as HTMLInputElement | null;
    if (!input || input.tagName !== 'INPUT') return null;
    if (input.type === 'radio' && (input.name === 'theme' || input.name === 'motion')) return input.name;
    if (input.getAttribute('aria-describedby') === 'discreet-hint') return 'discreet';
    if (input.closest('label')?.textContent?.includes(lockWithScreen)) return 'lockWithScreen';
    return null;
  }, settingsCopy.privacy.lockWithScreen);

const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });

export const appCommands = (): fc.Arbitrary<fc.AsyncCommand<AppModel, AppReal>>[] => [
  fc.oneof(
    weighted(4, fc.constantFrom(...SECTIONS).map(navTo)),
    weighted(1, fc.constant(unlockItem)),
    weighted(4, fc.nat(6).map(deleteEntry)),
    weighted(2, fc.constant(undo)),
    weighted(2, fc.constantFrom(...STATE_FILTERS).map(filterBy)),
    weighted(
      3,
      fc
        .record({
          which: fc.constantFrom<'theme' | 'motion' | 'discreet' | 'lockWithScreen'>('theme', 'motion', 'discreet', 'lockWithScreen'),
          index: fc.nat(3),
        })
        .map(({ which, index }) => settingsToggle(which, index)),
    ),
    weighted(5, fc.constantFrom(...KEYS).map(pressKey)),
    weighted(
      2,
      fc
        .record({
          passphrase: fc.constantFrom(PASSPHRASE, PASSPHRASE, WRONG_PASSPHRASE),
          submit: fc.constantFrom<'Enter' | 'click'>('Enter', 'click'),
        })
        .map(({ passphrase, submit }) => typeUnlock(passphrase, submit)),
    ),
    weighted(1, fc.constant(lockScreenClose)),
    weighted(3, fc.constantFrom(lockElsewhere, unlockElsewhere, blur, timePasses)),
    weighted(1, fc.constant(reopen)),
  ),
];

// ---------------------------------------------------------------- invariants

const show = (value: unknown): string => JSON.stringify(value);

/**
 * After every step: (a) what the page shows is what is stored — the history
 * lists exactly the check-ins kept (none the person deleted, none missing),
 * the filter shown is the one applied, settings show what is saved, and the
 * page says "locked" only when it is; (b) nothing the person kept is lost;
 * (c) "Get help now" always reachable (and Close on the lock screen);
 * (d) focus not lost to <body> after a key; (e) no console error or CSP violation.
 */
export const checkApp = async (m: AppModel, r: AppReal, facts: StepFacts, label: string): Promise<void> => {
  if (facts.vaultEventsBefore !== undefined && !(await waitForVaultEvent(r.page, facts.vaultEventsBefore))) {
    throw new InvariantError('(model)', `the app window never heard that the vault changed (after "${label}")`);
  }
  await r.watch.settle();
  let view = await observe(r.page);
  if (r.watch.problems.length > 0) throw new InvariantError('(e)', r.watch.problems.join('\n'));

  const closes = r.harness.uiActions.filter((a) => a === 'closeWindow:app').length - r.closeBase;
  if (closes !== m.closes)
    throw new InvariantError(
      closes > m.closes ? '(b)' : '(c)',
      `after "${label}" the window was asked to close ${closes} times, expected ${m.closes}`,
    );

  // Time passing ran the undo out only if nothing held it (focus or pointer on the toast): the page says which.
  if (facts.timePassed && m.pending && !view.toast && m.section === 'history') {
    leaveHistory(m);
    await r.watch.settle();
    view = await observe(r.page);
  }

  // The vault: nothing the person kept is gone; nothing they deleted comes back.
  if (m.vault === 'unlocked') {
    if (!view.vault.ok) throw new InvariantError('(model)', `the vault should be open but says ${view.vault.code}`);
    const held = new Set(view.vault.ids);
    for (const e of m.entries) {
      if (!m.gone.has(e.id) && !held.has(e.id))
        throw new InvariantError('(b)', `after "${label}" the check-in ${e.id} is gone from the vault, but the person kept it`);
    }
    for (const id of held) {
      if (!m.entries.some((e) => e.id === id)) throw new InvariantError('(a)', `the vault holds ${id}, which no one saved`);
    }
    const settledDeletes = !m.closed && m.section === 'history' && !view.toast;
    const lingering = [...m.gone].filter((id) => held.has(id));
    if (settledDeletes && lingering.length > 0)
      throw new InvariantError('(a)', `after "${label}" the vault still holds ${show(lingering)}, deleted by the person`);
  } else if (view.vault.ok || view.vault.code !== (m.vault === 'locked' ? 'vault-locked' : 'vault-not-set-up')) {
    throw new InvariantError('(model)', `vault should be ${m.vault}, the bridge answers ${view.vault.ok ? 'ok' : view.vault.code}`);
  }
  for (const id of m.gone) m.entries = m.entries.filter((e) => e.id !== id || (view.vault.ok && view.vault.ids.includes(id)));

  if (m.closed) return;

  // (a) The page tells the truth about the vault: locked only when it is.
  const lockScreen = view.heading === vaultCopy.locked.heading;
  if (showsLockScreen(m) !== lockScreen) {
    throw new InvariantError(
      '(a)',
      `after "${label}" the page ${lockScreen ? 'shows' : 'does not show'} the lock screen, but the vault is ${m.vault} (section ${m.section})`,
    );
  }
  if (view.says.historyLocked && m.vault !== 'locked') {
    throw new InvariantError('(a)', `after "${label}" history says "${historyCopy.locked}" but the vault is ${m.vault}`);
  }
  if (!lockScreen) {
    const current = view.nav.find((n) => n.current)?.label;
    if (current !== appWindowCopy.sections[m.section])
      throw new InvariantError('(model)', `after "${label}" the side bar marks ${current} current, expected ${m.section}`);
  }

  // (a) History lists exactly the kept check-ins that match the filter shown.
  if (m.section === 'history' && !lockScreen) {
    // Before set-up there is nothing to filter (no filter may be shown); after, the filter shows what was chosen.
    const filterShown = view.filter ?? (m.vault === 'not-set-up' ? '' : null);
    if (filterShown !== m.filter)
      throw new InvariantError('(a)', `the state filter shows ${show(view.filter)}, the person chose ${show(m.filter)}`);
    const expected = m.vault === 'unlocked' ? visibleEntries(m) : [];
    if (!sameSet(view.cards, expected)) {
      throw new InvariantError(
        '(a)',
        `after "${label}" history shows ${show(view.cards)}, the vault keeps ${show(expected)} for this filter (undo ${view.toast ? 'shown' : 'not shown'}, vault ${show(view.vault)})`,
      );
    }
    if (view.toast !== (m.pending !== null))
      throw new InvariantError(
        '(b)',
        `after "${label}" the Undo ${view.toast ? 'is shown with nothing to undo' : 'went away while the delete could still be undone'}`,
      );
    if (expected.length === 0 && m.filter === '' && !view.says.empty && m.vault !== 'locked') {
      throw new InvariantError('(a)', `after "${label}" history has no check-ins but does not say so`);
    }
  }

  // (a) Settings show what is stored.
  if (m.section === 'settings' && !lockScreen && view.settings && view.stored) {
    for (const key of ['theme', 'motion', 'discreet', 'lockWithScreen'] as const) {
      if (view.settings[key] !== null && view.settings[key] !== view.stored[key]) {
        throw new InvariantError(
          '(a)',
          `after "${label}" Settings shows ${key} = ${show(view.settings[key])}, but ${show(view.stored[key])} is saved`,
        );
      }
    }
  }

  // (c) Help one click away everywhere; the lock screen has its own way out.
  const help = view.nav.find((n) => n.label === appWindowCopy.sections.help);
  if (!help?.reachable)
    throw new InvariantError('(c)', `no reachable "Get help now" in the side bar (${m.section}): ${help?.whyNot ?? 'not there'}`);
  if (lockScreen && !view.lockClose) throw new InvariantError('(c)', 'no reachable Close on the lock screen');

  // (d) After a key, focus is somewhere (Tab may leave the page at either end).
  if (facts.key && view.focus.tag === 'body') {
    const { name, before } = facts.key;
    const leftAtEdge = (name === 'Tab' && before.lastStop) || (name === 'Shift+Tab' && before.firstStop);
    if (!leftAtEdge && before.tag !== 'body') {
      throw new InvariantError(
        '(d)',
        `after "${label}" focus fell to <body> (it was on ${before.tag}${before.text ? ` "${before.text.slice(0, 40)}"` : ''})`,
      );
    }
  }
};

export const initialAppModel = (start: AppStart, ids: { id: string; states: string[] }[], vault: VaultState): AppModel => ({
  vault,
  section: start.section,
  lockedTarget: start.section === 'help' ? 'history' : start.section,
  closed: false,
  entries: ids,
  pending: null,
  gone: new Set(),
  filter: '',
  lockField: '',
  wrongAttempts: 0,
  steps: 0,
  trace: [],
  closes: 0,
});
