import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';

import CapacityLine from './CapacityLine.svelte';
import CountBars from './CountBars.svelte';
import { fullInsights } from './insights-fixture';
import StatesWhenChart from './StatesWhenChart.svelte';
import WhatHelpedList from './WhatHelpedList.svelte';

/** Every chart is an image with a name and a description, and says the same again as a table a keyboard can open. */
const describedBy = (img: HTMLElement): string =>
  (img.getAttribute('aria-labelledby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');

describe('StatesWhenChart', () => {
  test('an image named and described, with the same numbers in a table', () => {
    render(StatesWhenChart, { statesWhen: fullInsights().statesWhen });
    const img = screen.getByRole('img', { name: /^When: All check-ins/ });
    expect(describedBy(img)).toContain('Darker means more. The same numbers are in the table.');
    expect(img.querySelectorAll('rect')).toHaveLength(28);
    const table = screen.getByRole('table', { name: 'When: All check-ins' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(8);
    expect(rows[1]).toHaveTextContent(/^Monday0224$/);
    expect(rows[7]).toHaveTextContent(/^Sunday02210$/);
    // The table sits in a disclosure: a summary the keyboard reaches.
    expect(screen.getByText('Show as a table', { selector: 'summary' })).toBeInTheDocument();
  });

  test('one state at a time, on the same shading scale', async () => {
    const user = userEvent.setup();
    render(StatesWhenChart, { statesWhen: fullInsights().statesWhen });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'freeze');
    expect(screen.getByRole('img', { name: /^When: Freeze/ })).toBeInTheDocument();
    const rows = within(screen.getByRole('table', { name: 'When: Freeze' })).getAllByRole('row');
    expect(rows[7]).toHaveTextContent(/^Sunday0006$/);
    // 6 of the shared maximum 10 is a middle shade, not the darkest.
    expect(screen.getByRole('img').querySelector('rect.shade-3')).not.toBeNull();
    expect(screen.getByRole('img').querySelector('rect.shade-4')).toBeNull();
  });
});

describe('CountBars', () => {
  test('bars for the eye, counts in words in the description and in a table', () => {
    render(CountBars, {
      title: 'What was present',
      items: [
        { id: 'freeze', label: 'Freeze', count: 30 },
        { id: 'fawn', label: 'Fawn', count: 1 },
      ],
    });
    const img = screen.getByRole('img', { name: /^What was present, most named first/ });
    expect(describedBy(img)).toContain('Freeze, 30 times; Fawn, once.');
    const rows = within(screen.getByRole('table', { name: 'What was present' })).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual(['NamedHow often', 'Freeze30 times', 'Fawnonce']);
  });
});

describe('CapacityLine', () => {
  test('a line that breaks at a gap, told in words, never as a number to grade', () => {
    const { container } = render(CapacityLine, { capacity: fullInsights().capacity, locale: 'en-GB' });
    const img = screen.getByRole('img', { name: /^How manageable it felt/ });
    expect(describedBy(img)).toContain('from 20 Nov 2026 to 23 Nov 2026');
    // Two answered days joined, a gap, then a lone day drawn as a dot of its own.
    expect(img.querySelectorAll('path.line')).toHaveLength(1);
    expect(img.querySelectorAll('circle.alone')).toHaveLength(1);
    const rows = within(screen.getByRole('table', { name: 'How manageable it felt, over the period' })).getAllByRole('row');
    expect(rows.slice(1).map((row) => Array.from(row.children, (cell) => cell.textContent))).toEqual([
      ['Fri, 20 Nov 2026', 'Around “Hard”', '3'],
      ['Sat, 21 Nov 2026', 'Around “In between”', '2'],
      ['Sun, 22 Nov 2026', 'No answer', '0'],
      ['Mon, 23 Nov 2026', 'Around “Plenty of room”', '1'],
    ]);
    expect(container.textContent).not.toMatch(/\d\.\d/);
  });
});

describe('WhatHelpedList', () => {
  test('per state, each step with how it went in words; the person’s own step marked as theirs', () => {
    const data = fullInsights();
    render(WhatHelpedList, { whatHelped: data.whatHelped, overall: data.whatHelpedOverall, notYet: false });
    const group = screen.getByRole('region', { name: 'When freeze was present' });
    const items = within(group).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Feel your feet on the floor for a few seconds');
    expect(items[0]).toHaveTextContent('Helped 3 times, a bit once, and not really once');
    expect(items[1]).toHaveTextContent('Make tea');
    expect(items[1]).toHaveTextContent('Your own step');
    expect(items[1]).toHaveTextContent('Helped once, a bit 2 times, and didn’t get to it once');
    // The little bars repeat the words for the eye only.
    for (const svg of group.querySelectorAll('svg')) expect(svg).toHaveAttribute('aria-hidden', 'true');
  });

  test('too few answers yet: said kindly, nothing ranked', () => {
    const data = fullInsights();
    render(WhatHelpedList, { whatHelped: data.whatHelped, overall: data.whatHelpedOverall, notYet: true });
    expect(screen.getByRole('heading', { name: 'Nothing to show here yet' })).toBeInTheDocument();
    expect(screen.getByText(/There is no right amount/)).toBeInTheDocument();
    expect(screen.queryByRole('listitem')).toBeNull();
  });
});
