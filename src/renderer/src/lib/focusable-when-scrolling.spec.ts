import { describe, expect, test } from 'vitest';

import { focusableWhenScrolling } from './focusable-when-scrolling';

/** jsdom lays nothing out, so the sizes a browser would measure are set by hand. */
const region = (html: string, scrollHeight: number, clientHeight = 100): HTMLElement => {
  const node = document.createElement('div');
  node.innerHTML = html;
  Object.defineProperty(node, 'scrollHeight', { configurable: true, get: () => scrollHeight });
  Object.defineProperty(node, 'clientHeight', { configurable: true, get: () => clientHeight });
  document.body.append(node);
  return node;
};

describe('focusableWhenScrolling', () => {
  test('words that do not fit: the region joins the tab order, named, so a keyboard can scroll it', () => {
    const node = region('<p>Let your eyes wander slowly around the room.</p>', 240);
    const action = focusableWhenScrolling(node, 'Look around');
    expect(node.tabIndex).toBe(0);
    expect(node.getAttribute('role')).toBe('region');
    expect(node.getAttribute('aria-label')).toBe('Look around');
    action.update('Sounds near and far');
    expect(node.getAttribute('aria-label')).toBe('Sounds near and far');
    action.destroy();
  });

  test('when it fits, or holds controls of its own, no extra tab stop appears', () => {
    const fits = region('<p>Stopped.</p>', 100);
    focusableWhenScrolling(fits, 'Stopped.').destroy();
    expect(fits.hasAttribute('tabindex')).toBe(false);
    expect(fits.hasAttribute('role')).toBe(false);
    const withControls = region('<label><input type="radio" /> Look around</label>', 240);
    focusableWhenScrolling(withControls, 'A short pause').destroy();
    expect(withControls.hasAttribute('tabindex')).toBe(false);
  });
});
