import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, test } from 'vitest';

import HistoryNotice from './HistoryNotice.svelte';

const text = (html: string) => createRawSnippet(() => ({ render: () => html }));

describe('HistoryNotice: the shell the History notices share', () => {
  test('a region named by its heading, the text, then the choices in one row, then the live line', () => {
    render(HistoryNotice, {
      headingId: 'n-heading',
      heading: 'A calm heading',
      message: 'Said after a choice.',
      children: text('<p>What happened.</p>'),
      actions: text('<button type="button">Choose</button>'),
    });
    const region = screen.getByRole('region', { name: 'A calm heading' });
    expect(region).toHaveClass('notice');
    const order = [...region.querySelectorAll('h2, p, button')].map((el) => el.textContent?.trim());
    expect(order).toEqual(['A calm heading', 'What happened.', 'Choose', 'Said after a choice.']);
    expect(screen.getByRole('button', { name: 'Choose' }).parentElement).toHaveClass('actions');
    expect(screen.getByRole('status')).toHaveTextContent('Said after a choice.');
  });

  test('named by more than its heading when asked; no live line when the notice keeps none', () => {
    render(HistoryNotice, {
      headingId: 'n2',
      heading: 'A note',
      labelledBy: 'n2 n2-when',
      children: text('<p id="n2-when">On 3 December</p>'),
    });
    expect(screen.getByRole('region', { name: 'A note On 3 December' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
