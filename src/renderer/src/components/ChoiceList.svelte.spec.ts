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

  test('radios: choosing again clears an optional answer', async () => {
    const user = userEvent.setup();
    const onchange = vi.fn();
    render(ChoiceList, { legend: 'One', name: 'r', kind: 'radio', options, selected: ['a'], onchange });
    await user.click(screen.getByRole('radio', { name: /Alpha/ }));
    expect(onchange).toHaveBeenLastCalledWith([]);
    await user.click(screen.getByRole('radio', { name: /Gamma/ }));
    expect(onchange).toHaveBeenLastCalledWith(['c']);
  });
});
