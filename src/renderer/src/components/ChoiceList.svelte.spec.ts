import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';

import ChoiceList from './ChoiceList.svelte';

const options = [
  { value: 'a', label: 'Alpha', description: 'first' },
  { value: 'b', label: 'Beta' },
  { value: 'c', label: 'Gamma' },
];

describe('ChoiceList', () => {
  test('checkboxes: a labelled group; clicking toggles; arrow keys move focus', async () => {
    const user = userEvent.setup();
    const onchange = vi.fn();
    render(ChoiceList, { legend: 'Pick', name: 'p', kind: 'checkbox', options, selected: ['b'], onchange });
    const group = screen.getByRole('group', { name: 'Pick' });
    expect(group).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /Beta/ })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: /Alpha/ }));
    expect(onchange).toHaveBeenLastCalledWith(['b', 'a']);
    screen.getByRole('checkbox', { name: /Alpha/ }).focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('checkbox', { name: /Beta/ })).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(screen.getByRole('checkbox', { name: /Gamma/ })).toHaveFocus();
  });

  test('radios: choosing the chosen one again keeps it (a click, a double-click, Space)', async () => {
    const user = userEvent.setup();
    const onchange = vi.fn();
    render(ChoiceList, { legend: 'One', name: 'r', kind: 'radio', options, selected: ['a'], onchange });
    const alpha = screen.getByRole('radio', { name: /Alpha/ });
    await user.click(alpha);
    await user.dblClick(alpha);
    alpha.focus();
    await user.keyboard(' ');
    expect(onchange).not.toHaveBeenCalledWith([]);
    expect(alpha).toBeChecked();
    await user.click(screen.getByRole('radio', { name: /Gamma/ }));
    expect(onchange).toHaveBeenLastCalledWith(['c']);
  });

  test('radios: what shows as chosen follows `selected`, even when a change is not taken up', async () => {
    const user = userEvent.setup();
    // A parent that does not (yet) take the change: the dot must not show a choice the data does not hold.
    render(ChoiceList, { legend: 'One', name: 'r', kind: 'radio', options, selected: ['a'], onchange: vi.fn() });
    await user.click(screen.getByRole('radio', { name: /Beta/ }));
    await vi.waitFor(() => expect(screen.getByRole('radio', { name: /Alpha/ })).toBeChecked());
    expect(screen.getByRole('radio', { name: /Beta/ })).not.toBeChecked();
  });

  test('radios: an optional answer is undone with "Clear", which then hands focus to the group', async () => {
    const user = userEvent.setup();
    let selected: string[] = ['b'];
    const onchange = vi.fn((next: string[]) => {
      selected = next;
      void rerender({ selected });
    });
    const { rerender } = render(ChoiceList, { legend: 'One', name: 'r', kind: 'radio', options, selected, onchange, optional: true });
    const clear = screen.getByRole('button', { name: /^Clear/ });
    expect(clear).toHaveAccessibleName('Clear: One');
    // The group keeps its own name; the button is not part of it.
    expect(screen.getByRole('group')).toHaveAccessibleName('One');
    await user.click(clear);
    expect(onchange).toHaveBeenLastCalledWith([]);
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: /^Clear/ })).not.toBeInTheDocument());
    expect(screen.getByRole('radio', { name: /Beta/ })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: /Alpha/ })).toHaveFocus();
  });

  test('radios that are not optional (an answer that is needed) offer no Clear', () => {
    render(ChoiceList, { legend: 'One', name: 'r', kind: 'radio', options, selected: ['b'], onchange: vi.fn() });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
