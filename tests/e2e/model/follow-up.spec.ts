import { type Page, test } from '@playwright/test';
import fc from 'fast-check';

import { OUTCOME_IDS, type OutcomeId } from '../../../src/shared/entry-ids';
import type { Harness } from '../../harness/harness-server';
import {
  back,
  cardShown,
  type Earlier,
  escape,
  type FollowUpModel,
  type FuScreen,
  goOn,
  helpBack,
  initialFollowUpModel,
  letGo,
  openHelp,
  reopen,
  save,
  tryAnother,
} from './follow-up-model';
import { assertModel, InvariantError, letTimePass, loadFresh, logStep, MAX_STEPS, type PageWatch, sameSet } from './model-kit';
import { ModelSession } from './model-session';
import { PASSPHRASE } from './popover-model';

/**
 * Model-based UI test of "did that help?" and reattunement: random, seeded
 * sequences of what a person does around an earlier step's question (open it
 * from the card or let it go, choose and choose again, type what happened,
 * save — sometimes onto a full disk —, try another step or not, go back, open
 * help, Esc, open the popover again), with these invariants after every step:
 *   (a) the page shows the screen the model is on, and focus is never lost to the page;
 *   (b) the card is there exactly while the question is open, and only on the first screen;
 *   (c) the vault holds exactly the answers saved — each once, with the words shown when it was saved;
 *   (d) what was chosen and typed stays shown (across help, back and Esc), and after
 *       "try another" the earlier states and needs are in and the tried step is listed last.
 * Replay a failure with the seed it prints: see model-kit.ts.
 */
interface Real {
  page: Page;
  watch: PageWatch;
  harness: Harness;
  other: Page;
  /** hidePopover requests main had seen when this sequence started. */
  hides: number;
}

const EARLIER_STEPS = [
  { stepId: 'step-away-screen', stepText: 'Step away from the screen for two minutes' },
  { stepId: 'message-someone-safe', stepText: 'Send one message to someone safe' },
  { stepId: null, stepText: 'text my brother' },
] as const;

const earlierArb: fc.Arbitrary<Earlier> = fc
  .record({
    step: fc.constantFrom(...EARLIER_STEPS),
    states: fc.subarray(['freeze', 'fawn', 'withdrawal']),
    needs: fc.subarray(['rest', 'connection', 'quiet']),
  })
  .map(({ step, states, needs }) => ({ ...step, states, needs }));

const HEADINGS: Record<Exclude<FuScreen, 'closed'>, string | RegExp> = {
  first: 'What is here right now?',
  need: /^What do I need right now/,
  step: 'One small step',
  question: 'Did that help?',
  offer: 'Noted.',
  help: 'Get help now',
};

const content = (page: Page) => page.locator('main section.content');
const card = (page: Page) => page.getByRole('complementary', { name: 'An earlier small step' });
const button = (page: Page, name: string | RegExp) => content(page).getByRole('button', { name, exact: typeof name === 'string' });
const primary = (page: Page) => page.locator('footer .button.primary');
const hidesOf = (r: Real): number => r.harness.uiActions.filter((a) => a === 'hidePopover').length;

const OUTCOME_LABEL: Record<OutcomeId, string> = {
  helped: 'It helped',
  'a-bit': 'A bit',
  'not-really': 'Not really',
  'did-not-get-to-it': 'Didn’t get to it',
};

const savedAnswers = async (r: Real) => {
  const listed = await r.other.evaluate(() => window.attune.vault.list({ limit: 50, kind: 'follow-up' }));
  if (!listed.ok) throw new Error(listed.error.code);
  return listed.value.entries
    .flatMap((e) => (e.kind === 'follow-up' ? [{ outcome: e.data.outcome, ...(e.data.instead ? { instead: e.data.instead } : {}) }] : []))
    .reverse();
};

const checkedValues = (page: Page, name: string) =>
  page.locator(`input[name="${name}"]:checked`).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

/** Every invariant, against the page as it is after a step. */
const check = async (m: FollowUpModel, r: Real, label: string, failedSave = false): Promise<void> => {
  await r.watch.settle();
  if (r.watch.problems.length > 0) throw new InvariantError('(page)', r.watch.problems.join('\n'));
  const after = `after "${label}"`;
  // (c) The vault, whatever is on screen.
  const answers = await savedAnswers(r);
  if (JSON.stringify(answers) !== JSON.stringify(m.saved))
    throw new InvariantError('(c)', `${after} the vault holds ${JSON.stringify(answers)}, expected ${JSON.stringify(m.saved)}`);
  if (m.screen === 'closed') {
    if (hidesOf(r) <= r.hides) throw new InvariantError('(a)', `${after} the popover was not asked to close`);
    return;
  }
  // (a) The screen, and focus somewhere.
  const heading = r.page.getByRole('heading', { level: 1 });
  const text = (await heading.textContent())?.trim() ?? '';
  const wanted = HEADINGS[m.screen];
  if (typeof wanted === 'string' ? text !== wanted : !wanted.test(text))
    throw new InvariantError('(a)', `${after} the page shows "${text}", the model is on ${m.screen}`);
  if (await r.page.evaluate(() => document.activeElement === document.body || document.activeElement === null))
    throw new InvariantError('(a)', `${after} focus fell to the page on "${text}"`);
  // (b) The card.
  const cards = await card(r.page).count();
  if (cards !== (cardShown(m) ? 1 : 0))
    throw new InvariantError('(b)', `${after} ${cards} card(s) on "${text}", expected ${cardShown(m) ? 1 : 0}`);
  if (cardShown(m) && !((await card(r.page).textContent()) ?? '').includes(m.earlier.stepText))
    throw new InvariantError('(b)', `${after} the card does not name the earlier step`);
  // (d) What was chosen and typed.
  if (m.screen === 'question') {
    const chosen = await checkedValues(r.page, 'outcome');
    if (!sameSet(chosen, m.outcome ? [m.outcome] : []))
      throw new InvariantError('(d)', `${after} the answer shown is ${chosen}, chosen ${m.outcome}`);
    const field = r.page.getByLabel('What happened instead? (optional)');
    const fieldShown = m.outcome !== null && m.outcome !== 'helped';
    if ((await field.count()) !== (fieldShown ? 1 : 0))
      throw new InvariantError('(d)', `${after} the "what happened" field is ${fieldShown ? 'missing' : 'there'}`);
    if (fieldShown && (await field.inputValue()) !== m.instead)
      throw new InvariantError('(d)', `${after} the field reads "${await field.inputValue()}", typed "${m.instead}"`);
    if (failedSave && !((await content(r.page).textContent()) ?? '').includes('Couldn’t save just now'))
      throw new InvariantError('(c)', `${after} a save that did not work is not said`);
  }
  if (m.screen === 'first' && !sameSet(await checkedValues(r.page, 'states'), m.states))
    throw new InvariantError('(d)', `${after} the states shown are ${await checkedValues(r.page, 'states')}, expected ${m.states}`);
  if (m.screen === 'need' && !sameSet(await checkedValues(r.page, 'needs'), m.needs))
    throw new InvariantError('(d)', `${after} the needs shown are ${await checkedValues(r.page, 'needs')}, expected ${m.needs}`);
  if (m.screen === 'step' && m.tried !== null) {
    const labels = await r.page.locator('fieldset.choices label').allInnerTexts();
    // The suggestions, then "My own step": the tried step is the last suggestion.
    if (!(labels.at(-2) ?? '').startsWith(m.earlier.stepText))
      throw new InvariantError('(d)', `${after} the tried step is not listed last: ${JSON.stringify(labels)}`);
  }
};

class FuCommand implements fc.AsyncCommand<FollowUpModel, Real> {
  constructor(
    private readonly label: string,
    private readonly pre: (m: Readonly<FollowUpModel>) => boolean,
    private readonly act: (m: FollowUpModel, r: Real) => Promise<boolean | void>,
  ) {}
  check(m: Readonly<FollowUpModel>): boolean {
    return m.steps < MAX_STEPS && this.pre(m);
  }
  async run(m: FollowUpModel, r: Real): Promise<void> {
    m.steps += 1;
    m.trace.push(`${this.label} [on ${m.screen}]`);
    try {
      const failedSave = (await this.act(m, r)) === true;
      await check(m, r, this.label, failedSave);
      logStep(`  ${m.trace.at(-1)}`);
    } catch (error) {
      if (error instanceof Error) error.message += `\n  steps of this run:\n${m.trace.map((t, i) => `    ${i + 1}. ${t}`).join('\n')}`;
      throw error;
    }
  }
  toString(): string {
    return this.label;
  }
}

const on =
  (...screens: FuScreen[]) =>
  (m: Readonly<FollowUpModel>): boolean =>
    screens.includes(m.screen);

const askCommand = new FuCommand('the card: "Did that help?"', cardShown, async (m, r) => {
  await card(r.page)
    .getByRole('button', { name: /^Did that help\?/ })
    .click();
  m.screen = 'question';
});

const chooseArb = fc.tuple(fc.constantFrom(...OUTCOME_IDS), fc.constantFrom('click', 'dblclick', 'Space')).map(
  ([outcome, how]) =>
    new FuCommand(`choose "${OUTCOME_LABEL[outcome]}" (${how})`, on('question'), async (m, r) => {
      const radio = r.page.getByRole('radio', { name: OUTCOME_LABEL[outcome] });
      if (how === 'click') await radio.click();
      else if (how === 'dblclick') await radio.dblclick();
      else {
        await radio.focus();
        await r.page.keyboard.press('Space');
      }
      m.outcome = outcome;
    }),
);

const typeArb = fc.constantFrom('he did not answer', ' a walk ', 'é—?').map(
  (text) =>
    new FuCommand(
      `type "${text}" in what happened`,
      (m) => m.screen === 'question' && m.outcome !== null && m.outcome !== 'helped',
      async (m, r) => {
        await r.page.getByLabel('What happened instead? (optional)').click();
        await r.page.keyboard.press('End');
        await r.page.keyboard.type(text);
        m.instead += text;
      },
    ),
);

const saveArb = fc.boolean().map(
  (failing) =>
    new FuCommand(
      failing ? 'Save, onto a full disk' : 'Save',
      (m) => m.screen === 'question' && m.outcome !== null,
      async (m, r) => {
        if (failing) r.harness.failNextVaultWrite();
        await button(r.page, 'Save').click();
        if (!failing) save(m);
        return failing;
      },
    ),
);

const tryAnotherCommand = new FuCommand('"Try another small step now"', on('offer'), async (m, r) => {
  await button(r.page, 'Try another small step now').click();
  tryAnother(m);
});

const rest = (): fc.Arbitrary<fc.AsyncCommand<FollowUpModel, Real>>[] => [
  fc.constant(
    new FuCommand('the card: "Not now"', cardShown, async (m, r) => {
      await card(r.page)
        .getByRole('button', { name: /^Not now/ })
        .click();
      letGo(m);
    }),
  ),
  fc.constant(
    new FuCommand('the question: "Not now"', on('question'), async (m, r) => {
      await button(r.page, 'Not now').click();
      letGo(m);
    }),
  ),
  fc.constant(
    new FuCommand('the offer: "Not now"', on('offer'), async (m, r) => {
      await button(r.page, 'Not now').click();
      m.screen = 'first';
    }),
  ),
  fc.nat({ max: 6 }).map(
    (index) =>
      new FuCommand(`click state #${index}`, on('first'), async (m, r) => {
        const box = r.page.locator('input[name="states"]').nth(index);
        await box.click();
        const value = await box.inputValue();
        m.states = (await box.isChecked()) ? [...m.states, value] : m.states.filter((s) => s !== value);
      }),
  ),
  fc.constant(
    new FuCommand('go on (the main button)', on('first', 'need'), async (m, r) => {
      await primary(r.page).click();
      goOn(m);
    }),
  ),
  fc.constant(
    new FuCommand('Back', on('need', 'step'), async (m, r) => {
      await r.page.getByRole('button', { name: 'Back', exact: true }).click();
      back(m);
    }),
  ),
  fc.constant(
    new FuCommand('Get help now', on('first', 'question', 'offer'), async (m, r) => {
      await r.page.getByRole('button', { name: 'Get help now' }).click();
      openHelp(m);
    }),
  ),
  fc.constant(
    new FuCommand('Back from help', on('help'), async (m, r) => {
      await r.page.getByRole('button', { name: 'Back', exact: true }).click();
      helpBack(m);
    }),
  ),
  fc.constant(
    new FuCommand(
      'Esc',
      (m) => m.screen !== 'closed',
      async (m, r) => {
        await r.page.keyboard.press('Escape');
        escape(m);
      },
    ),
  ),
  fc.constant(
    new FuCommand('open the popover again (tray)', on('closed'), async (m, r) => {
      r.hides = hidesOf(r);
      r.harness.emit('popover.shown', { reason: 'tray' });
      await r.page.getByRole('heading', { level: 1, name: 'What is here right now?' }).waitFor();
      reopen(m);
    }),
  ),
  fc.constant(
    new FuCommand(
      '3 seconds pass',
      () => true,
      async (_m, r) => {
        await letTimePass(r.page, 3000);
      },
    ),
  ),
];

/** The question's own steps come up more often, so most sequences get past the card and into reattunement. */
const commands = (): fc.Arbitrary<fc.AsyncCommand<FollowUpModel, Real>>[] => [
  ...Array.from({ length: 4 }, () => fc.constant(askCommand)),
  ...Array.from({ length: 3 }, () => chooseArb),
  typeArb,
  ...Array.from({ length: 3 }, () => saveArb),
  ...Array.from({ length: 2 }, () => fc.constant(tryAnotherCommand)),
  ...rest(),
];

test('follow-up model: did that help, and another small step', async ({ page, context }) => {
  test.setTimeout(12 * 60_000);
  const session = new ModelSession(page, context);
  await session.prepare();
  try {
    await assertModel<FollowUpModel, Real, Earlier>({
      numRuns: 20,
      start: earlierArb,
      commands: commands(),
      setup: async (earlier, dirty) => {
        await session.reset(dirty);
        await session.vaultTo('unlocked', PASSPHRASE);
        const step = earlier.stepId ? { id: earlier.stepId, text: earlier.stepText } : { text: earlier.stepText };
        const saved = await session.other.evaluate((data) => window.attune.vault.append({ kind: 'check-in', data }), {
          states: earlier.states,
          needs: earlier.needs,
          step,
        } as never);
        if (!saved.ok) throw new Error(`append failed: ${saved.error.code}`);
        // The question is due a while after the check-in (20 minutes by default).
        session.harness.advanceClock(25 * 60_000);
        await loadFresh(page, session.watch, `${session.harness.url}/#popover`);
        await card(page).waitFor();
        const real: Real = {
          page,
          watch: session.watch,
          harness: session.harness,
          other: session.other,
          hides: session.harness.uiActions.filter((a) => a === 'hidePopover').length,
        };
        return { model: initialFollowUpModel(earlier), real };
      },
      checkStart: (m, r) => check(m, r, 'open the popover'),
    });
  } finally {
    await session.close();
  }
});
