import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';

import { bridgeAnswers, bridgeCalls } from '../../../../../tests/renderer-setup';
import { emptyInsights, fullInsights, sparseInsights } from './insights-fixture';
import InsightsView from './InsightsView.svelte';

const answer = (value: unknown) => () => ({ ok: true, value });
const callsTo = (channel: string) => bridgeCalls.filter(([name]) => name === channel).map(([, request]) => request);

const MODEL = {
  lang: 'en',
  title: 'My check-ins with Attune',
  period: '25 October 2026 – 23 November 2026',
  overview: '118 check-ins in this period.',
  sections: [
    {
      id: 'states',
      heading: 'What was present',
      intro: 'Protective responses I noticed, and how often.',
      groups: [{ rows: [{ label: 'Freeze', value: '30 times', detail: 'Mostly in the evening' }] }],
    },
  ],
  footer: 'Made with Attune.',
};

describe('InsightsView', () => {
  test('a full period: every chart with its table, the last 30 days asked of main', async () => {
    bridgeAnswers.set('insights.get', answer(fullInsights()));
    render(InsightsView);
    expect(await screen.findByRole('img', { name: /^When: All check-ins/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^What was present, most named first/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^What you needed, most named first/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^How manageable it felt/ })).toBeInTheDocument();
    expect(screen.getAllByText('Show as a table', { exact: false, selector: 'summary' })).toHaveLength(4);
    expect(screen.getByText('118 check-ins in this period.')).toBeInTheDocument();
    const [request] = callsTo('insights.get') as { from: number; to?: number }[];
    expect(request?.to).toBeUndefined();
    expect(Date.now() - (request?.from ?? 0)).toBeGreaterThan(29 * 86_400_000);
    expect(Date.now() - (request?.from ?? 0)).toBeLessThan(31 * 86_400_000);
  });

  test('no grades anywhere: no percentages, no decimals, no better or worse', async () => {
    bridgeAnswers.set('insights.get', answer(fullInsights()));
    const { container } = render(InsightsView);
    await screen.findByRole('img', { name: /^When: All check-ins/ });
    const text = container.textContent ?? '';
    expect(text).not.toMatch(/%|\d\.\d|better|worse|streak|in a row|score/i);
  });

  test('an empty period: a kind sentence, no charts, and a way to see all time', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('insights.get', answer(emptyInsights()));
    render(InsightsView);
    expect(await screen.findByRole('heading', { name: 'Nothing in this period' })).toBeInTheDocument();
    expect(screen.getByText(/There is no right amount/)).toBeInTheDocument();
    // No "0 check-ins in this period": the kind sentence above says it, with no count to read.
    expect(screen.queryByText(/\d check-ins? in this period/)).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByRole('button', { name: 'Preview' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Show all' }));
    await vi.waitFor(() => expect(callsTo('insights.get')).toHaveLength(2));
    expect(callsTo('insights.get')[1]).toEqual({});
    expect(screen.getByRole('radio', { name: 'All time' })).toBeChecked();
  });

  test('a thin period: what was named, in words, without charts', async () => {
    bridgeAnswers.set('insights.get', answer(sparseInsights()));
    render(InsightsView);
    expect(await screen.findByRole('heading', { name: 'A few check-ins so far' })).toBeInTheDocument();
    expect(screen.getByText('Fawn, 2 times')).toBeInTheDocument();
    expect(screen.getByText('Space or a boundary, once')).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });

  test('locked: says so, shows nothing of the history', async () => {
    bridgeAnswers.set('insights.get', () => ({ ok: false, error: { code: 'vault-locked', message: 'Your history is locked.' } }));
    render(InsightsView);
    expect(await screen.findByText('Your history is locked. Unlock it to see this.')).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });

  test('before any set-up: nothing yet, said calmly — no problem message and no Try again', async () => {
    bridgeAnswers.set('insights.get', () => ({
      ok: false,
      error: { code: 'vault-not-set-up', message: 'Your private history is not set up yet.' },
    }));
    render(InsightsView);
    expect(await screen.findByRole('heading', { name: 'Nothing here yet' })).toBeInTheDocument();
    expect(screen.getByText('Insights come from your own check-ins. They show up here once you have saved one.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.queryByText(/not set up/)).toBeNull();
    expect(screen.queryByText(/locked/i)).toBeNull();
    // What helps instead of a retry: a check-in.
    await userEvent.setup().click(screen.getByRole('button', { name: 'Check in now' }));
    await vi.waitFor(() => expect(callsTo('ui.openView')).toEqual([{ view: 'check-in' }]));
  });

  test('choosing dates asks main for exactly those whole days', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('insights.get', answer(fullInsights()));
    render(InsightsView);
    await screen.findByRole('img', { name: /^When: All check-ins/ });
    await user.click(screen.getByRole('radio', { name: 'Choose dates' }));
    const from = screen.getByLabelText('From');
    await user.clear(from);
    await user.type(from, '2026-11-01');
    from.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(callsTo('insights.get').at(-1)).toMatchObject({ from: new Date(2026, 10, 1).getTime() }));
  });
});

describe('the summary export', () => {
  test('notes off unless chosen; the preview shows the model main built from exactly these parts', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('insights.get', answer(fullInsights()));
    bridgeAnswers.set('insights.previewSummary', answer({ model: MODEL }));
    render(InsightsView);
    await screen.findByRole('img', { name: /^When: All check-ins/ });
    expect(screen.getByRole('checkbox', { name: /Your notes/ })).not.toBeChecked();
    // Label and hint are two phrases: the walk heard them run together ("wordsOff").
    expect(screen.getByRole('checkbox', { name: 'Your notes, in your own words Off unless you choose it.' })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'What helped' }));
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    const preview = await screen.findByRole('region', { name: 'Preview' });
    expect(callsTo('insights.previewSummary')).toEqual([
      {
        from: fullInsights().period.from,
        to: fullInsights().period.to,
        include: { states: true, needs: true, whatHelped: false, notes: false },
      },
    ]);
    expect(within(preview).getByRole('heading', { name: 'What was present' })).toBeInTheDocument();
    expect(within(preview).getByRole('row', { name: /Freeze/ })).toHaveTextContent('30 times');
    expect(preview).toHaveFocus();

    // A changed choice retires the preview: what is saved is always what was seen.
    await user.click(screen.getByRole('checkbox', { name: /Your notes/ }));
    expect(screen.queryByRole('region', { name: 'Preview' })).toBeNull();
    expect(screen.getByText('The choices changed. Preview again to see what the file will hold.')).toBeInTheDocument();
  });

  test('save asks first, then says where it went; cancelled, it says nothing was saved', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('insights.get', answer(fullInsights()));
    bridgeAnswers.set('insights.previewSummary', answer({ model: MODEL }));
    bridgeAnswers.set('insights.saveSummary', answer({ saved: true, path: '/home/sam/attune-summary-2026-11-23.html', count: 118 }));
    render(InsightsView);
    await screen.findByRole('img', { name: /^When: All check-ins/ });
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    await user.click(await screen.findByRole('button', { name: 'Save this summary…' }));
    expect(screen.getByRole('heading', { name: 'Before you save' })).toHaveFocus();
    expect(screen.getByText('This file is not encrypted. Anyone who opens it can read what it holds.')).toBeInTheDocument();
    expect(callsTo('insights.saveSummary')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'I understand — choose where to save' }));
    expect(await screen.findByText('Saved to /home/sam/attune-summary-2026-11-23.html')).toBeInTheDocument();
    expect(callsTo('insights.saveSummary')).toEqual([
      {
        from: fullInsights().period.from,
        to: fullInsights().period.to,
        include: { states: true, needs: true, whatHelped: true, notes: false },
        confirmPlaintext: true,
      },
    ]);

    bridgeAnswers.set('insights.saveSummary', answer({ saved: false }));
    await user.click(screen.getByRole('button', { name: 'Save this summary…' }));
    await user.click(screen.getByRole('button', { name: 'I understand — choose where to save' }));
    expect(await screen.findByText('Nothing was saved.')).toBeInTheDocument();
  });

  test('the period’s entries as JSON or CSV go through the existing export, with the period as its range', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('insights.get', answer(fullInsights()));
    bridgeAnswers.set('vault.saveExport', answer({ saved: true, path: '/home/sam/attune-export.csv', count: 180 }));
    render(InsightsView);
    await screen.findByRole('img', { name: /^When: All check-ins/ });
    await user.click(screen.getByRole('radio', { name: /All entries as CSV/ }));
    expect(screen.getByText('JSON and CSV hold every entry of this period as it is, notes included.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    await user.click(screen.getByRole('button', { name: 'I understand — choose where to save' }));
    expect(await screen.findByText('Saved 180 entries to /home/sam/attune-export.csv')).toBeInTheDocument();
    expect(callsTo('vault.saveExport')).toEqual([
      { format: 'csv', range: { from: fullInsights().period.from, to: fullInsights().period.to }, confirmPlaintext: true },
    ]);
  });
});
