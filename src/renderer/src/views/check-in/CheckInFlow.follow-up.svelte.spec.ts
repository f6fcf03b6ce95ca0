import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { beforeEach, describe, expect, test, vi } from 'vitest';

import { bridgeAnswers, bridgeCalls, emitBridgeEvent } from '../../../../../tests/renderer-setup';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { flow, resetFlow } from '../../stores/checkin-flow.svelte';
import { statusOf } from './check-in-test-kit';
import CheckInFlow from './CheckInFlow.svelte';

/**
 * "Did that help?" and reattunement: an earlier step waits as a small card on
 * the first screen (never a screen in front of the check-in); its answer is a
 * record of its own; after "A bit" or "Not really" another small step is one
 * press away, with the earlier answers filled in and that step listed last.
 */
type Pending = NonNullable<ResponseOf<'checkin.followUp'>['checkIn']>;

/** Each test uses its own id: a step asked about is not asked again while Attune runs (module state). */
const due = (id: string, extra: Partial<Pending> = {}): void => {
  const checkIn: Pending = {
    id,
    at: Date.UTC(2026, 10, 23, 13, 20),
    offsetMinutes: 60,
    stepText: 'Step away from the screen for two minutes',
    stepId: 'step-away-screen',
    states: ['freeze'],
    needs: ['rest'],
    ...extra,
  };
  bridgeAnswers.set('checkin.followUp', () => ({ ok: true, value: { checkIn } }));
};

const heading = () => screen.getByRole('heading', { level: 1 });
const card = () => screen.queryByRole('complementary', { name: 'An earlier small step' });
const appended = () => bridgeCalls.filter(([c]) => c === 'vault.append').map(([, request]) => request);
const stepLabels = () => screen.getAllByRole('radio').map((radio) => radio.closest('label')?.textContent?.trim() ?? '');

beforeEach(() => {
  resetFlow();
  bridgeAnswers.set('vault.append', (request) => ({
    ok: true,
    value: { ...(request as object), id: 'followup-1', at: 1, offsetMinutes: 0 },
  }));
});

describe('CheckInFlow: an earlier step, followed up', () => {
  test('waits as a card on the first screen; "Did that help?" asks; the answer is its own record', async () => {
    const user = userEvent.setup();
    due('checkin-card');
    render(CheckInFlow);
    const found = await vi.waitFor(() => card() ?? Promise.reject(new Error('no card yet')));
    // The check-in is what shows: its heading, its states, its way on.
    expect(heading()).toHaveTextContent('What is here right now?');
    expect(screen.getAllByRole('checkbox')).toHaveLength(7);
    expect(found).toHaveTextContent('Did that help? Step away from the screen for two minutes');
    await user.click(screen.getByRole('button', { name: /^Did that help\?/ }));
    await screen.findByRole('radio', { name: 'It helped' });
    expect(heading()).toHaveTextContent('Did that help?');
    expect(heading()).toHaveFocus();
    await user.click(screen.getByRole('radio', { name: 'It helped' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(heading()).toHaveTextContent('What is here right now?');
    expect(appended()).toEqual([{ kind: 'follow-up', data: { checkInId: 'checkin-card', outcome: 'helped' } }]);
    expect(card()).toBeNull();
  });

  test('"A bit", with what happened: saved, then another small step now, earlier answers in, the tried step last', async () => {
    const user = userEvent.setup();
    due('checkin-a-bit');
    bridgeAnswers.set('checkin.suggestions', () => ({
      ok: true,
      value: { scores: [{ stepId: 'step-away-screen', score: 3 }], explanations: [] },
    }));
    render(CheckInFlow);
    await user.click(await screen.findByRole('button', { name: /^Did that help\?/ }));
    await user.click(await screen.findByRole('radio', { name: 'A bit' }));
    await user.type(screen.getByLabelText('What happened instead? (optional)'), 'he did not answer');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(heading()).toHaveTextContent('Noted.');
    expect(heading()).toHaveFocus();
    expect(appended()).toEqual([
      { kind: 'follow-up', data: { checkInId: 'checkin-a-bit', outcome: 'a-bit', instead: 'he did not answer' } },
    ]);
    await user.click(screen.getByRole('button', { name: 'Try another small step now' }));
    expect(heading()).toHaveTextContent('One small step');
    expect(flow.draft.states).toEqual(['freeze']);
    expect(flow.draft.needs).toEqual(['rest']);
    // History ranks it first; having just not helped much, it is offered last.
    const labels = stepLabels();
    expect(labels.at(-2)).toMatch(/^Step away from the screen for two minutes/);
    expect(labels.at(-1)).toMatch(/^My own step/);
    expect(bridgeCalls.filter(([c]) => c === 'checkin.suggestions').at(-1)?.[1]).toEqual({ states: ['freeze'], needs: ['rest'] });
    // Back shows the needs filled in; the new check-in saves as usual.
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('checkbox', { name: /^Rest/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getAllByRole('radio')[0]!);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(heading()).toHaveTextContent('Noted.');
    expect(appended().at(-1)).toMatchObject({ kind: 'check-in', data: { states: ['freeze'], needs: ['rest'] } });
  });

  test('choosing an answer again (click, double-click) keeps it, with its field; saved once', async () => {
    const user = userEvent.setup();
    due('checkin-again');
    render(CheckInFlow);
    await user.click(await screen.findByRole('button', { name: /^Did that help\?/ }));
    const notReally = await screen.findByRole('radio', { name: 'Not really' });
    await user.click(notReally);
    await user.click(notReally);
    await user.dblClick(notReally);
    expect(notReally).toBeChecked();
    expect(screen.getByLabelText('What happened instead? (optional)')).toBeInTheDocument();
    // A needed answer (Not now is the way out): no Clear here.
    expect(screen.queryByRole('button', { name: /^Clear/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(heading()).toHaveTextContent('Noted.');
    expect(appended()).toEqual([{ kind: 'follow-up', data: { checkInId: 'checkin-again', outcome: 'not-really' } }]);
  });

  test('words typed under "Not really" and hidden by a change to "It helped" are not saved', async () => {
    const user = userEvent.setup();
    due('checkin-hidden-words');
    render(CheckInFlow);
    await user.click(await screen.findByRole('button', { name: /^Did that help\?/ }));
    await user.click(await screen.findByRole('radio', { name: 'Not really' }));
    await user.type(screen.getByLabelText('What happened instead? (optional)'), 'made tea instead');
    await user.click(screen.getByRole('radio', { name: 'It helped' }));
    expect(screen.queryByLabelText('What happened instead? (optional)')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(appended()).toEqual([{ kind: 'follow-up', data: { checkInId: 'checkin-hidden-words', outcome: 'helped' } }]);
  });

  test('help and back keep the answer being given; after it is saved, they keep the offer, and nothing saves twice', async () => {
    const user = userEvent.setup();
    due('checkin-help');
    render(CheckInFlow);
    await user.click(await screen.findByRole('button', { name: /^Did that help\?/ }));
    await user.click(await screen.findByRole('radio', { name: 'A bit' }));
    await user.type(screen.getByLabelText('What happened instead? (optional)'), 'a short walk');
    await user.click(screen.getByRole('button', { name: 'Get help now' }));
    await user.click(await screen.findByRole('button', { name: 'Back' }));
    expect(screen.getByRole('radio', { name: 'A bit' })).toBeChecked();
    expect(screen.getByLabelText('What happened instead? (optional)')).toHaveValue('a short walk');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(heading()).toHaveTextContent('Noted.');
    await user.click(screen.getByRole('button', { name: 'Get help now' }));
    await user.click(await screen.findByRole('button', { name: 'Back' }));
    expect(screen.getByRole('button', { name: 'Try another small step now' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(appended()).toHaveLength(1);
  });

  test('a save still on its way: help does not lose it, a second Save waits, and its landing leaves help open', async () => {
    const user = userEvent.setup();
    due('checkin-in-flight');
    let land: (() => void) | undefined;
    bridgeAnswers.set(
      'vault.append',
      (request) =>
        new Promise((resolve) => {
          land = () => resolve({ ok: true, value: { ...(request as object), id: 'followup-1', at: 1, offsetMinutes: 0 } });
        }),
    );
    render(CheckInFlow);
    await user.click(await screen.findByRole('button', { name: /^Did that help\?/ }));
    await user.click(await screen.findByRole('radio', { name: 'It helped' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(screen.getByRole('button', { name: 'Get help now' }));
    await user.click(await screen.findByRole('button', { name: 'Back' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(appended()).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Get help now' }));
    land?.();
    await tick();
    await tick();
    expect(heading()).toHaveTextContent('Get help now');
    await user.click(await screen.findByRole('button', { name: 'Back' }));
    expect(heading()).toHaveTextContent('What is here right now?');
    expect(card()).toBeNull();
    expect(appended()).toHaveLength(1);
  });

  test('Esc on the question keeps it waiting on the card, with what was chosen; Esc after saving lets it go', async () => {
    const user = userEvent.setup();
    due('checkin-esc');
    render(CheckInFlow);
    await user.click(await screen.findByRole('button', { name: /^Did that help\?/ }));
    await user.click(await screen.findByRole('radio', { name: 'Not really' }));
    await user.keyboard('{Escape}');
    emitBridgeEvent('popover.shown', { reason: 'tray' });
    await user.click(await screen.findByRole('button', { name: /^Did that help\?/ }));
    expect(await screen.findByRole('radio', { name: 'Not really' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(heading()).toHaveTextContent('Noted.');
    await user.keyboard('{Escape}');
    // Main has nothing more to ask now that it is answered.
    bridgeAnswers.set('checkin.followUp', () => ({ ok: true, value: { checkIn: null } }));
    emitBridgeEvent('popover.shown', { reason: 'tray' });
    await vi.waitFor(() => expect(heading()).toHaveTextContent('What is here right now?'));
    await tick();
    expect(card()).toBeNull();
    expect(appended()).toHaveLength(1);
  });

  test('try another keeps what this check-in already has, and adds the earlier answers', async () => {
    const user = userEvent.setup();
    due('checkin-merge', { states: ['freeze'], needs: ['rest'] });
    render(CheckInFlow);
    await user.click(screen.getByRole('checkbox', { name: /^Fight/ }));
    await user.click(await screen.findByRole('button', { name: /^Did that help\?/ }));
    await user.click(await screen.findByRole('radio', { name: 'Not really' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(screen.getByRole('button', { name: 'Try another small step now' }));
    expect(flow.draft.states).toEqual(['fight', 'freeze']);
    expect(flow.draft.needs).toEqual(['rest']);
  });

  test('"Not now" after "Not really": the first screen, with the answer saved and the card gone', async () => {
    const user = userEvent.setup();
    due('checkin-offer-not-now');
    const { container } = render(CheckInFlow);
    await user.click(await screen.findByRole('button', { name: /^Did that help\?/ }));
    await user.click(await screen.findByRole('radio', { name: 'Not really' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(screen.getByRole('button', { name: 'Not now' }));
    expect(heading()).toHaveTextContent('What is here right now?');
    expect(container.querySelector('[aria-live="polite"]')).toHaveTextContent('Noted.');
    expect(card()).toBeNull();
    expect(appended()).toHaveLength(1);
  });

  test('"It helped" and "Didn’t get to it" do not offer another step', async () => {
    const user = userEvent.setup();
    due('checkin-did-not');
    render(CheckInFlow);
    await user.click(await screen.findByRole('button', { name: /^Did that help\?/ }));
    await user.click(await screen.findByRole('radio', { name: 'Didn’t get to it' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(heading()).toHaveTextContent('What is here right now?');
    expect(screen.queryByRole('button', { name: 'Try another small step now' })).not.toBeInTheDocument();
  });

  test('"Not now" on the card lets the question go for this run; focus returns to the screen', async () => {
    const user = userEvent.setup();
    due('checkin-dismiss');
    render(CheckInFlow);
    await user.click(await screen.findByRole('button', { name: 'Not now: ask about this step another time' }));
    expect(card()).toBeNull();
    expect(heading()).toHaveFocus();
    const asked = () => bridgeCalls.filter(([c]) => c === 'checkin.followUp').length;
    const before = asked();
    emitBridgeEvent('popover.shown', { reason: 'tray' });
    // Wait for the reopen to have asked main again (a positive signal), then check no card came back.
    await vi.waitFor(() => expect(asked()).toBeGreaterThan(before));
    await tick();
    await tick();
    expect(card()).toBeNull();
    expect(appended()).toEqual([]);
  });

  test('a person’s own step has no id: "try another" lists the usual suggestions', async () => {
    const user = userEvent.setup();
    due('checkin-own', { stepText: 'text my brother', stepId: null, needs: ['connection'] });
    render(CheckInFlow);
    await user.click(await screen.findByRole('button', { name: /^Did that help\?/ }));
    await user.click(await screen.findByRole('radio', { name: 'Not really' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(screen.getByRole('button', { name: 'Try another small step now' }));
    expect(heading()).toHaveTextContent('One small step');
    expect(flow.tried).toBeNull();
    expect(stepLabels()).toHaveLength(4);
  });

  test('unlocking with a follow-up due: the first screen with one card, even when the unlock is reported twice', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('vault.status', () => statusOf('locked'));
    bridgeAnswers.set('vault.unlock', () => {
      // Main tells every window as well as answering the gate.
      emitBridgeEvent('vault.changed', { state: 'unlocked' });
      return statusOf('unlocked');
    });
    due('checkin-unlock');
    render(CheckInFlow);
    expect(await screen.findByRole('heading', { name: 'Attune is locked' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Passphrase'), 'long enough');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('heading', { name: 'What is here right now?' })).toBeInTheDocument();
    await vi.waitFor(() => expect(card()).not.toBeNull());
    await new Promise((done) => setTimeout(done, 50));
    expect(screen.getAllByRole('complementary', { name: 'An earlier small step' })).toHaveLength(1);
    expect(heading()).toHaveTextContent('What is here right now?');
  });
});
