import type { Page } from '@playwright/test';
import fc from 'fast-check';

import { checkInCopy } from '../../../src/shared/copy';
import type { Harness } from '../../harness/harness-server';
import {
  ACTION_TIMEOUT_MS,
  Coverage,
  InvariantError,
  letTimePass,
  loadFresh,
  logStep,
  MAX_STEPS,
  type PageWatch,
  sameSet,
} from './model-kit';
import { blurAndRefocus, countVaultEvents, type FocusFacts, type ProbeWindow, vaultEventsSeen, waitForVaultEvent } from './page-probe';
import {
  type ButtonId,
  close,
  describeEntry,
  type Expected,
  expectedEntry,
  type GateField,
  gateSubmit,
  type Group,
  GROUPS_ON,
  groupShown,
  isStepScreen,
  lockElsewhere,
  MAX_LENGTH,
  mayTryUnlock,
  PASSPHRASE,
  type PopoverModel,
  pressButton,
  primary,
  reopen,
  type Screen,
  showAgain,
  TEXT_ON,
  type TextField,
  timePasses,
  typeInto,
  unlockElsewhere,
  WRONG_PASSPHRASE,
} from './popover-model';
import { buttonIdOf, LANDMARKS, observePopover, type PopoverView } from './popover-view';

/** The system under test: the popover page, and a second window (an app window) on the same harness. */
export interface PopoverReal {
  page: Page;
  watch: PageWatch;
  harness: Harness;
  /** Another window of the same app, for "locked / unlocked elsewhere". */
  other: Page;
  /** hidePopover requests main had seen when this sequence started. */
  hideBase: number;
}

export const popoverUrl = (harness: Harness): string => `${harness.url}/#popover`;

/** What a step did, for the invariants that depend on how it was done. */
interface StepFacts {
  /** A key press, and where focus was just before it. */
  key?: { name: string; before: FocusFacts };
  /** The person acted on choices of this screen: what the page now shows is what they chose. */
  choice?: boolean;
  /** A save was made to fail: the person must be told, and keep everything. */
  failedSave?: boolean;
  /** Another window changed the vault: wait for this page to hear of it. */
  vaultEventsBefore?: number;
}

const KEYS = ['Tab', 'Shift+Tab', 'Enter', 'Control+Enter', 'Space', 'ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Escape'] as const;
type KeyName = (typeof KEYS)[number];

const hides = (r: PopoverReal): number => r.harness.uiActions.filter((a) => a === 'hidePopover').length - r.hideBase;

const textFieldOf = (focus: FocusFacts): TextField | null => {
  if (focus.within.includes('form.gate')) return null;
  if (focus.tag === 'textarea') return 'note';
  if (focus.tag !== 'input' || focus.type !== 'text') return null;
  return focus.maxLength === MAX_LENGTH.needText ? 'needText' : 'ownStep';
};

const gateFieldOf = (m: PopoverModel, focus: FocusFacts): GateField | null => {
  if (!focus.within.includes('form.gate') || focus.tag !== 'input' || focus.type !== 'password') return null;
  if (m.screen === 'setup') return focus.index === 0 ? 'pass' : 'confirm';
  return 'unlock';
};

const isChoice = (focus: FocusFacts): boolean =>
  focus.tag === 'input' && (focus.type === 'checkbox' || focus.type === 'radio') && focus.within.includes('fieldset.choices');

/** What a key does, given where focus was: the model's half of a key press. */
const applyKey = (m: PopoverModel, key: KeyName, before: FocusFacts): StepFacts => {
  const facts: StepFacts = { key: { name: key, before } };
  if (key === 'Escape') {
    close(m);
    return facts;
  }
  if (key === 'Tab' || key === 'Shift+Tab') return facts;
  const button = buttonIdOf(before);
  const activates = key === 'Enter' || key === 'Space';
  if (m.screen === 'saved' || m.screen === 'nothing') {
    // Any key closes the acknowledgement, except on its buttons (which do what they say).
    if (button) {
      if (activates) pressButton(m, button);
    } else close(m);
    return facts;
  }
  if (button) {
    // Ctrl+Enter on a button does nothing: the browser activates buttons on Enter alone, and Attune leaves it be.
    if (activates && pressButton(m, button) === 'choice') facts.choice = true;
    return facts;
  }
  // Ctrl+Enter moves on from anywhere in a step; nothing else but the primary button does.
  if (key === 'Control+Enter') {
    // (In a form, Ctrl+Enter is no implicit submission: the browser submits on Enter alone.)
    if (isStepScreen(m.screen)) primary(m);
    return facts;
  }
  if (isChoice(before)) {
    // Enter or Space chooses (toggles a checkbox); it never moves on.
    facts.choice = true;
    return facts;
  }
  const text = textFieldOf(before);
  if (text) {
    // Enter adds a line in the note; in a one-line field it does nothing.
    if (key === 'Space' || (key === 'Enter' && text === 'note'))
      m.draft[text] = typeInto(before.value, before.caret, before.caretEnd, key === 'Enter' ? '\n' : ' ', MAX_LENGTH[text]);
    return facts;
  }
  if (before.within.includes('form.gate') && before.tag === 'input') {
    if (key === 'Enter') gateSubmit(m);
    else if (key === 'Space') {
      const field = gateFieldOf(m, before);
      if (field) m.gate[field] = typeInto(before.value, before.caret, before.caretEnd, ' ');
      else if (before.type === 'checkbox') m.gate.makeRecoveryKey = !m.gate.makeRecoveryKey;
    }
  }
  return facts;
};

/**
 * Playwright's own wait for an element to be "stable" uses animation frames,
 * which stand still with the page's clock; the model checks reachability itself (c).
 */
const FAST = { force: true, timeout: ACTION_TIMEOUT_MS } as const;

const content = (page: Page) => page.locator('main.popover section.content');

const buttonLocator = (page: Page, id: ButtonId) => {
  const main = page.locator('main.popover');
  switch (id) {
    case 'help':
    case 'close':
      return main.locator('header.bar button').filter({ hasText: id === 'help' ? 'Get help now' : 'Close' });
    case 'back':
      return main.locator('footer.bar button.quiet');
    case 'primary':
      return main.locator('footer.bar .button.primary');
    case 'gate-submit':
      return main.locator('form.gate button[type="submit"]');
    case 'gate-cancel':
      return main.locator('form.gate .actions button.quiet');
    case 'gate-toggle':
      return main.locator('form.gate button.link-button');
    case 'recovery-done':
      return main.locator('section.recovery button.primary');
    case 'help-back':
      return main.locator('section.help button.back');
    case 'start-over':
      return content(page).locator('p.kept button');
    case 'more':
      return content(page).locator('button[aria-controls="more-questions"]');
    case 'other':
      return content(page).locator('fieldset.choices button:visible');
  }
};

const readFocusOf = (page: Page): Promise<FocusFacts> =>
  page.evaluate((landmarks) => (window as unknown as ProbeWindow).__modelProbe.readFocus(landmarks), LANDMARKS);

/** Screens reached after a step, across a batch (printed with ATTUNE_MODEL_LOG=1). */
export const popoverCoverage = new Coverage();

/** One step a person can take, with its precondition on the model. */
/** One checked step: act, then every invariant; a failure says which steps led there. */
const runStep = async (
  m: PopoverModel,
  r: PopoverReal,
  label: string,
  act: (m: PopoverModel, r: PopoverReal) => Promise<StepFacts>,
): Promise<void> => {
  const started = Date.now();
  m.steps += 1;
  m.trace.push(`${label} [on ${m.screen}]`);
  try {
    const screenBefore = m.screen;
    const facts = await act(m, r);
    // The kept-words notice belongs to the screen it came with.
    if (m.screen !== screenBefore && screenBefore !== 'closed') m.keptNotice = false;
    popoverCoverage.count(m.screen);
    const acted = Date.now();
    await checkPopover(m, r, facts, label);
    logStep(`  ${m.trace.at(-1)} act ${acted - started} ms, check ${Date.now() - acted} ms`);
  } catch (error) {
    logStep(`  ${m.trace.at(-1)} FAILED: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof Error) error.message += `\n  steps of this run:\n${m.trace.map((t, i) => `    ${i + 1}. ${t}`).join('\n')}`;
    throw error;
  }
};

/** One thing a person does, with its precondition on the model. */
class PopoverCommand implements fc.AsyncCommand<PopoverModel, PopoverReal> {
  constructor(
    private readonly label: string,
    private readonly pre: (m: Readonly<PopoverModel>) => boolean,
    private readonly act: (m: PopoverModel, r: PopoverReal) => Promise<StepFacts>,
  ) {}

  check(m: Readonly<PopoverModel>): boolean {
    return m.steps < MAX_STEPS && this.pre(m);
  }

  run(m: PopoverModel, r: PopoverReal): Promise<void> {
    return runStep(m, r, this.label, this.act);
  }

  toString(): string {
    return this.label;
  }
}

/**
 * Someone going straight through: on each question, choose option #index of
 * its first group (or leave it), then go on — up to Save. Each of those is its
 * own checked step, so a long flow fits in a short sequence and still shrinks.
 */
class WalkToSave implements fc.AsyncCommand<PopoverModel, PopoverReal> {
  constructor(private readonly picks: readonly (number | null)[]) {}

  check(m: Readonly<PopoverModel>): boolean {
    return m.steps < MAX_STEPS && isStepScreen(m.screen);
  }

  async run(m: PopoverModel, r: PopoverReal): Promise<void> {
    for (const pick of this.picks) {
      if (!isStepScreen(m.screen)) return;
      const screen = m.screen;
      const group = GROUPS_ON[screen][0]!;
      if (pick !== null) await runStep(m, r, `click ${group} option #${pick}`, (_m, real) => clickOptionAct(real, group, pick, 'click'));
      if (m.screen !== screen) return;
      await runStep(m, r, 'go on (the screen’s main button)', goOnAct);
    }
  }

  toString(): string {
    return `walk through to Save, choosing ${this.picks.map((p) => (p === null ? '–' : `#${p}`)).join(', ')}`;
  }
}

const open = (m: Readonly<PopoverModel>): boolean => m.screen !== 'closed';
const on =
  (...screens: Screen[]) =>
  (m: Readonly<PopoverModel>): boolean =>
    screens.includes(m.screen);

const clickOptionAct = async (r: PopoverReal, group: Group, index: number, how: 'click' | 'dblclick' | 'again'): Promise<StepFacts> => {
  const inputs = content(r.page).locator(`fieldset.choices input[name="${group}"]`);
  const count = await inputs.count();
  if (count === 0) throw new Error(`no ${group} options on the page`);
  let target = inputs.nth(index % count);
  if (how === 'again') {
    const checked = content(r.page).locator(`fieldset.choices input[name="${group}"]:checked`);
    if ((await checked.count()) > 0) target = checked.first();
  }
  // A person clicks the words of the option (its label), not the tiny box.
  const label = target.locator('xpath=ancestor::label[1]');
  if (how === 'dblclick') await label.dblclick(FAST);
  else await label.click(FAST);
  return { choice: true };
};

const clickOption = (group: Group, index: number, how: 'click' | 'dblclick' | 'again') =>
  new PopoverCommand(
    how === 'again' ? `click the chosen ${group} option again` : `${how} ${group} option #${index}`,
    (m) => groupShown(m, group),
    (_m, r) => clickOptionAct(r, group, index, how),
  );

const typeText = (field: TextField, text: string) =>
  new PopoverCommand(
    `type ${JSON.stringify(text)} into ${field}`,
    (m) => isStepScreen(m.screen) && TEXT_ON[m.screen].includes(field) && (field !== 'ownStep' || m.draft.choices.step[0] === 'own'),
    async (m, r) => {
      const target = field === 'note' ? content(r.page).locator('textarea') : content(r.page).locator('input[type="text"]').first();
      await target.click(FAST);
      await r.page.keyboard.press('Control+End');
      await r.page.keyboard.type(text);
      m.draft[field] = typeInto(m.draft[field], m.draft[field].length, m.draft[field].length, text, MAX_LENGTH[field]);
      return {};
    },
  );

const typeSecret = (field: GateField, value: string) =>
  new PopoverCommand(
    `type ${value === PASSPHRASE ? 'the passphrase' : JSON.stringify(value)} into ${field === 'unlock' ? 'the unlock field' : field === 'pass' ? 'Passphrase' : 'Type it again'}`,
    (m) => (field === 'unlock' ? (m.screen === 'unlock' || m.screen === 'locked') && !m.gate.useRecovery : m.screen === 'setup'),
    async (m, r) => {
      const target = r.page.locator('form.gate input[type="password"]').nth(field === 'confirm' ? 1 : 0);
      await target.click(FAST);
      await r.page.keyboard.press('Control+A');
      await r.page.keyboard.type(value);
      m.gate[field] = value;
      return {};
    },
  );

const pressKey = (key: KeyName) =>
  new PopoverCommand(`press ${key}`, open, async (m, r) => {
    const before = await readFocusOf(r.page);
    // Links open the system browser and a select opens its own list: outside what this model follows.
    if (before.tag === 'a' || before.tag === 'select') return {};
    const sendsUnlock =
      (key === 'Enter' && before.within.includes('form.gate') && before.tag === 'input') ||
      ((key === 'Enter' || key === 'Space') && buttonIdOf(before) === 'gate-submit');
    if (sendsUnlock && !mayTryUnlock(m)) return {};
    await r.page.keyboard.press(key);
    return applyKey(m, key, before);
  });

const BUTTONS_ON: Record<ButtonId, (m: Readonly<PopoverModel>) => boolean> = {
  help: (m) => open(m) && m.screen !== 'help',
  close: open,
  back: on('need', 'step'),
  primary: on('now', 'need', 'step'),
  'gate-submit': on('setup', 'unlock', 'locked'),
  'gate-cancel': on('setup', 'unlock', 'locked'),
  'gate-toggle': (m) => (m.screen === 'unlock' || m.screen === 'locked') && m.recoveryKeyMade,
  'recovery-done': on('recovery'),
  'help-back': on('help'),
  'start-over': (m) => m.keptNotice,
  more: on('now'),
  other: (m) => isStepScreen(m.screen),
};

const clickButton = (id: ButtonId, index: number) =>
  new PopoverCommand(id === 'other' ? `click another button in the content (#${index})` : `click ${id}`, BUTTONS_ON[id], async (m, r) => {
    const buttons = buttonLocator(r.page, id);
    const count = await buttons.count();
    if (count === 0) {
      if (id === 'other') return {};
      throw new InvariantError('(c)', `the ${id} button is not on the page (${m.screen})`);
    }
    await buttons.nth(index % count).click(FAST);
    return pressButton(m, id) === 'choice' ? { choice: true } : {};
  });

const toggleRecoveryChoice = new PopoverCommand('click "Also make a recovery key"', on('setup'), async (m, r) => {
  await r.page.locator('form.gate input[type="checkbox"]').click(FAST);
  m.gate.makeRecoveryKey = !m.gate.makeRecoveryKey;
  return {};
});

type SaveVia = 'click' | 'Enter on the button' | 'Space on the button' | 'Ctrl+Enter in a field';
const failingSave = (via: SaveVia) =>
  new PopoverCommand(
    `save while the disk is full (${via})`,
    (m) => m.screen === 'step' && m.vault === 'unlocked' && expectedEntry(m.draft) !== null,
    async (m, r) => {
      const button = buttonLocator(r.page, 'primary');
      r.harness.failNextVaultWrite();
      if (via === 'click') await button.click(FAST);
      else {
        const key: KeyName = via === 'Space on the button' ? 'Space' : via === 'Ctrl+Enter in a field' ? 'Control+Enter' : 'Enter';
        // As if the person had Tabbed there.
        const field = content(r.page).locator('fieldset.choices input:checked, input[type="text"], textarea');
        if (via === 'Ctrl+Enter in a field' && (await field.count()) > 0) await field.first().focus({ timeout: ACTION_TIMEOUT_MS });
        else await button.focus({ timeout: ACTION_TIMEOUT_MS });
        const before = await readFocusOf(r.page);
        await r.page.keyboard.press(key);
        primary(m, true);
        return { key: { name: key, before }, failedSave: true };
      }
      primary(m, true);
      return { failedSave: true };
    },
  );

const lockElsewhereCommand = new PopoverCommand(
  'lock from another window',
  (m) => m.vault === 'unlocked',
  async (m, r) => {
    const vaultEventsBefore = await vaultEventsSeen(r.page);
    const result = await r.other.evaluate(() => window.attune.vault.lock());
    if (!result.ok) throw new Error(`lock failed: ${result.error.code}`);
    lockElsewhere(m);
    return { vaultEventsBefore };
  },
);

const unlockElsewhereCommand = new PopoverCommand(
  'unlock from another window',
  (m) => m.vault === 'locked',
  async (m, r) => {
    const vaultEventsBefore = await vaultEventsSeen(r.page);
    const result = await r.other.evaluate((passphrase) => window.attune.vault.unlock({ method: 'passphrase', passphrase }), m.passphrase);
    if (!result.ok) throw new Error(`unlock failed: ${result.error.code}`);
    unlockElsewhere(m);
    return { vaultEventsBefore };
  },
);

/** The tray opens the popover again: the page was hidden, not reloaded, so it is where it was left. */
const showAgainCommand = new PopoverCommand(
  'open again from the tray',
  (m) => m.screen === 'closed',
  async (m, r) => {
    r.harness.emit('popover.shown', { reason: 'tray' });
    showAgain(m);
    return {};
  },
);

const blur = new PopoverCommand('the window loses focus, then gets it back', open, async (_m, r) => {
  await blurAndRefocus(r.page);
  return {};
});

/**
 * Time passes with the pointer over the window or away from it. Whether the person is still
 * using the window ("Noted." waits for them) is what they do — pointer and focus — so the model
 * takes it from the page: focus on a control (not the heading), or the pointer over it.
 */
const timePassesAct = async (m: PopoverModel, r: PopoverReal, pointer: 'over' | 'away'): Promise<StepFacts> => {
  if (pointer === 'over') await r.page.mouse.move(190, 300);
  else await r.page.mouse.move(-10, -10);
  const focus = await readFocusOf(r.page);
  const onControl = focus.tag !== 'body' && focus.tag !== 'h1';
  await letTimePass(r.page, 3000);
  timePasses(m, onControl || pointer === 'over');
  return {};
};
const timePassesCommand = new PopoverCommand(
  '3 seconds pass, the pointer away',
  () => true,
  (m, r) => timePassesAct(m, r, 'away'),
);
const timePassesPointerOver = new PopoverCommand(
  '3 seconds pass, the pointer over the window',
  () => true,
  (m, r) => timePassesAct(m, r, 'over'),
);

const textArb = fc.string({ unit: fc.constantFrom('a', 'e', 'r', 'o', ' ', 'é', '—', '?', '1'), minLength: 1, maxLength: 8 });

/** The screen's main way on, whatever the screen: what someone who keeps going does. */
const goOnAct = async (m: PopoverModel, r: PopoverReal): Promise<StepFacts> => {
  if (m.screen === 'closed') {
    await loadFresh(r.page, r.watch, popoverUrl(r.harness));
    await countVaultEvents(r.page);
    reopen(m);
    return {};
  }
  const id: ButtonId | null = isStepScreen(m.screen)
    ? 'primary'
    : m.screen === 'setup' || m.screen === 'unlock' || m.screen === 'locked'
      ? 'gate-submit'
      : m.screen === 'recovery'
        ? 'recovery-done'
        : m.screen === 'help'
          ? 'help-back'
          : null;
  // "Noted." / "Nothing saved": what a person does next is let it close.
  if (id === null) return timePassesAct(m, r, 'away');
  // A person who has missed twice stops and reads (the model keeps clear of main's wait, see mayTryUnlock).
  if (id === 'gate-submit' && !mayTryUnlock(m)) return {};
  await buttonLocator(r.page, id).click(FAST);
  return pressButton(m, id) === 'choice' ? { choice: true } : {};
};
const goOn = new PopoverCommand('go on (the screen’s main button)', () => true, goOnAct);

const typePassphraseTwice = (value: string) =>
  new PopoverCommand(
    `type ${value === PASSPHRASE ? 'the passphrase' : JSON.stringify(value)} into both set-up fields`,
    on('setup'),
    async (m, r) => {
      for (const [index, field] of (['pass', 'confirm'] as const).entries()) {
        await r.page.locator('form.gate input[type="password"]').nth(index).click(FAST);
        await r.page.keyboard.press('Control+A');
        await r.page.keyboard.type(value);
        m.gate[field] = value;
      }
      return {};
    },
  );

/** The whole set-up form at once, as someone who knows what they want does it: both fields, then Enter or the button. */
const setUpWith = (value: string, submit: 'Enter' | 'click') =>
  new PopoverCommand(
    `set up with ${value === PASSPHRASE ? 'the passphrase' : JSON.stringify(value)} typed twice, then ${submit === 'Enter' ? 'press Enter' : 'click the button'}`,
    on('setup'),
    async (m, r) => {
      for (const [index, field] of (['pass', 'confirm'] as const).entries()) {
        await r.page.locator('form.gate input[type="password"]').nth(index).click(FAST);
        await r.page.keyboard.press('Control+A');
        await r.page.keyboard.type(value);
        m.gate[field] = value;
      }
      if (submit === 'click') {
        await buttonLocator(r.page, 'gate-submit').click(FAST);
        gateSubmit(m);
        return {};
      }
      const before = await readFocusOf(r.page);
      await r.page.keyboard.press('Enter');
      return applyKey(m, 'Enter', before);
    },
  );

/** Unlocking as someone who knows the passphrase does: type it, then Enter or the button. */
const unlockWith = (value: string, submit: 'Enter' | 'click') =>
  new PopoverCommand(
    `unlock: type ${value === PASSPHRASE ? 'the passphrase' : JSON.stringify(value)}, then ${submit === 'Enter' ? 'press Enter' : 'click the button'}`,
    (m) => (m.screen === 'unlock' || m.screen === 'locked') && !m.gate.useRecovery,
    async (m, r) => {
      await r.page.locator('form.gate input[type="password"]').click(FAST);
      await r.page.keyboard.press('Control+A');
      await r.page.keyboard.type(value);
      m.gate.unlock = value;
      if (!mayTryUnlock(m)) return {};
      if (submit === 'click') {
        await buttonLocator(r.page, 'gate-submit').click(FAST);
        gateSubmit(m);
        return {};
      }
      const before = await readFocusOf(r.page);
      await r.page.keyboard.press('Enter');
      return applyKey(m, 'Enter', before);
    },
  );

const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });

/**
 * Every command, weighted towards what people do most (choose, go on, keys),
 * so random sequences get deep into the flow: set-up, the recovery key, saves.
 */
export const popoverCommands = (): fc.Arbitrary<fc.AsyncCommand<PopoverModel, PopoverReal>>[] => [
  fc.oneof(
    weighted(
      6,
      fc
        .record({
          group: fc.constantFrom<Group>('states', 'driver', 'capacity', 'needs', 'step'),
          index: fc.nat(15),
          how: fc.constantFrom<'click' | 'dblclick' | 'again'>('click', 'click', 'click', 'dblclick', 'again', 'again'),
        })
        .map(({ group, index, how }) => clickOption(group, index, how)),
    ),
    weighted(5, fc.constant(goOn)),
    weighted(
      2,
      fc.array(fc.option(fc.nat(9), { nil: null }), { minLength: 3, maxLength: 3 }).map((picks) => new WalkToSave(picks)),
    ),
    weighted(5, fc.constantFrom(...KEYS).map(pressKey)),
    weighted(
      2,
      fc
        .record({ field: fc.constantFrom<TextField>('needText', 'ownStep', 'note'), text: textArb })
        .map(({ field, text }) => typeText(field, text)),
    ),
    weighted(
      2,
      fc
        .record({
          field: fc.constantFrom<GateField>('pass', 'confirm', 'unlock'),
          value: fc.constantFrom(PASSPHRASE, PASSPHRASE, WRONG_PASSPHRASE, 'short'),
        })
        .map(({ field, value }) => typeSecret(field, value)),
    ),
    weighted(2, fc.constantFrom(PASSPHRASE, PASSPHRASE, WRONG_PASSPHRASE, 'short').map(typePassphraseTwice)),
    weighted(
      2,
      fc
        .record({ value: fc.constantFrom(PASSPHRASE, PASSPHRASE, 'short'), submit: fc.constantFrom<'Enter' | 'click'>('Enter', 'click') })
        .map(({ value, submit }) => setUpWith(value, submit)),
    ),
    weighted(
      2,
      fc
        .record({
          value: fc.constantFrom(PASSPHRASE, PASSPHRASE, WRONG_PASSPHRASE),
          submit: fc.constantFrom<'Enter' | 'click'>('Enter', 'click'),
        })
        .map(({ value, submit }) => unlockWith(value, submit)),
    ),
    // Esc on its own too: the way out people use most.
    weighted(1, fc.constant(pressKey('Escape'))),
    weighted(
      3,
      fc
        .record({
          id: fc.constantFrom<ButtonId>(
            'help',
            'close',
            'back',
            'back',
            'gate-cancel',
            'gate-toggle',
            'help-back',
            'start-over',
            'more',
            'other',
          ),
          index: fc.nat(3),
        })
        .map(({ id, index }) => clickButton(id, index)),
    ),
    weighted(1, fc.constant(toggleRecoveryChoice)),
    weighted(2, fc.constantFrom<SaveVia>('click', 'Enter on the button', 'Space on the button', 'Ctrl+Enter in a field').map(failingSave)),
    weighted(2, fc.constantFrom(lockElsewhereCommand, unlockElsewhereCommand, blur, timePassesCommand, timePassesPointerOver)),
    weighted(2, fc.constant(showAgainCommand)),
  ),
];

const show = (value: unknown): string => JSON.stringify(value);

/** Choices and words the person last saw on this screen, as the model keeps them. */
const takeChoices = (m: PopoverModel, view: PopoverView): void => {
  if (!isStepScreen(m.screen)) return;
  for (const group of GROUPS_ON[m.screen]) m.draft.choices[group] = [...(view.groups[group] ?? [])];
  if (m.screen === 'step') m.draft.stepLabel = view.stepLabel;
};

const entriesDiffer = (expected: readonly Expected[], actual: readonly Expected[]): boolean =>
  !sameSet(expected.map(describeEntry), actual.map(describeEntry));

/**
 * The invariants, after every step:
 *  (a) what the page shows as chosen is exactly what gets saved;
 *  (b) nothing typed or chosen is thrown away unless the person chose to (Esc, Close);
 *  (c) "Get help now" and a way out (Close, Esc) are reachable on every screen;
 *  (d) focus is never lost to <body> after a keyboard action;
 *  (e) no console error, uncaught exception or CSP violation.
 */
export const checkPopover = async (m: PopoverModel, r: PopoverReal, facts: StepFacts, label: string): Promise<void> => {
  if (facts.vaultEventsBefore !== undefined && !(await waitForVaultEvent(r.page, facts.vaultEventsBefore))) {
    throw new InvariantError('(model)', `the popover never heard that the vault changed (after "${label}")`);
  }
  await r.watch.settle();
  const view = await observePopover(r.page);

  if (r.watch.problems.length > 0) throw new InvariantError('(e)', r.watch.problems.join('\n'));

  const hid = hides(r);
  if (hid > m.hides)
    throw new InvariantError('(b)', `the popover closed without being asked to (after "${label}", on ${m.screen}); what was on it is gone`);
  if (hid < m.hides) throw new InvariantError('(c)', `"${label}" was a way out, but the popover did not close`);

  // (a) The vault holds exactly the check-ins the person saved, each as it was shown.
  if (m.vault === 'unlocked') {
    if (!view.vault.ok) throw new InvariantError('(a)', `the vault should be open but says ${view.vault.code}`);
    if (entriesDiffer(m.saved, view.vault.entries)) {
      throw new InvariantError(
        '(a)',
        `after "${label}" the vault holds ${show(view.vault.entries)}, but what the person saved (as shown) was ${show(m.saved)}`,
      );
    }
  } else if (view.vault.ok || view.vault.code !== (m.vault === 'locked' ? 'vault-locked' : 'vault-not-set-up')) {
    throw new InvariantError('(model)', `vault should be ${m.vault}, the bridge answers ${view.vault.ok ? 'ok' : view.vault.code}`);
  }

  if (m.screen === 'closed') return;

  if (view.screen !== m.screen) {
    const chosen = expectedEntry(m.draft);
    throw new InvariantError(
      view.screen === 'nothing' && chosen ? '(a)' : '(b)',
      `after "${label}" the page shows "${view.heading ?? '(no heading)'}" where "${m.screen}" was expected; the draft as shown was ${show(chosen)}`,
    );
  }

  if (isStepScreen(m.screen)) {
    if (facts.choice) takeChoices(m, view);
    for (const group of GROUPS_ON[m.screen]) {
      const shown = view.groups[group] ?? [];
      if (!sameSet(shown, m.draft.choices[group])) {
        throw new InvariantError(
          '(a)',
          `after "${label}" ${group} shows ${show(shown)} chosen, but the person last saw ${show(m.draft.choices[group])}`,
        );
      }
    }
    if (m.screen === 'step' && m.draft.choices.step.length > 0 && view.stepLabel !== m.draft.stepLabel) {
      throw new InvariantError('(a)', `the chosen step now reads ${show(view.stepLabel)}, the person chose ${show(m.draft.stepLabel)}`);
    }
    for (const field of TEXT_ON[m.screen]) {
      const shown = view.texts[field];
      const visible = field !== 'ownStep' || m.draft.choices.step[0] === 'own';
      if (visible && shown !== m.draft[field]) {
        throw new InvariantError('(b)', `after "${label}" ${field} reads ${show(shown)}, the person typed ${show(m.draft[field])}`);
      }
    }
  }
  if (m.screen === 'setup') {
    if (view.gate.pass !== m.gate.pass || view.gate.confirm !== m.gate.confirm)
      throw new InvariantError('(b)', `after "${label}" the passphrase fields lost what was typed`);
    if (view.gate.makeRecoveryKey !== m.gate.makeRecoveryKey)
      throw new InvariantError(
        '(a)',
        `the recovery-key choice shows ${view.gate.makeRecoveryKey}, the person left it ${m.gate.makeRecoveryKey}`,
      );
  }
  if ((m.screen === 'unlock' || m.screen === 'locked') && !m.gate.useRecovery && view.gate.unlock !== m.gate.unlock) {
    throw new InvariantError(
      '(b)',
      `after "${label}" the unlock field reads ${show(view.gate.unlock)}, the person typed ${show(m.gate.unlock)}`,
    );
  }

  // (c) A way out and help, on every screen (help itself is the help).
  if (!view.reach.close) throw new InvariantError('(c)', `no reachable Close on "${view.heading}"`);
  if (m.screen !== 'help' && !view.reach.help) throw new InvariantError('(c)', `no reachable "Get help now" on "${view.heading}"`);

  // (d) After a key, focus is somewhere (Tab may leave the page at either end, as a browser lets it).
  if (facts.key && view.focus.tag === 'body') {
    const { name, before } = facts.key;
    const leftAtEdge = (name === 'Tab' && before.lastStop) || (name === 'Shift+Tab' && before.firstStop);
    // Lost before this key (by a click): not this key's doing — the step that lost it is checked on its own.
    const alreadyLost = before.tag === 'body';
    if (!leftAtEdge && !alreadyLost) {
      throw new InvariantError(
        '(d)',
        `after "${label}" focus fell to <body> (it was on ${before.tag}${before.text ? ` "${before.text}"` : ''}) on "${view.heading}"`,
      );
    }
  }

  if (m.screen === 'now' && view.moreOpen !== m.moreOpen) {
    throw new InvariantError(
      '(model)',
      `after "${label}" the optional questions are ${view.moreOpen ? 'open' : 'closed'}, expected the other way`,
    );
  }

  // (b) Words kept by a close are said to be there, with a way to let them go.
  if (view.contentText.includes(checkInCopy.kept.text) !== m.keptNotice) {
    throw new InvariantError(
      '(b)',
      `after "${label}" the page ${m.keptNotice ? 'does not say' : 'says'} "${checkInCopy.kept.text}" on "${view.heading}"`,
    );
  }

  if (facts.failedSave && !view.contentText.includes(checkInCopy.saveProblem)) {
    throw new InvariantError('(b)', `a save failed on "${view.heading}" and the page does not say the entry is kept`);
  }
};

export const checkPopoverStart = (m: PopoverModel, r: PopoverReal): Promise<void> => checkPopover(m, r, {}, 'open the popover');
