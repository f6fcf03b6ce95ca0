/**
 * Svelte action for a region that may scroll (at 200% zoom, say): while its
 * content does not fit, it joins the tab order so keyboard users can scroll
 * it too (WCAG 2.1.1; axe "scrollable-region-focusable"). When it fits, or
 * holds controls of its own (tabbing to them scrolls it), it stays out of the
 * tab order, so no empty stop appears.
 */
const CONTROLS = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

export const focusableWhenScrolling = (node: HTMLElement, label: string): { update: (label: string) => void; destroy: () => void } => {
  let name = label;
  const check = (): void => {
    if (node.scrollHeight > node.clientHeight + 1 && !node.querySelector(CONTROLS)) {
      node.tabIndex = 0;
      node.setAttribute('role', 'region');
      node.setAttribute('aria-label', name);
    } else {
      node.removeAttribute('tabindex');
      node.removeAttribute('role');
      node.removeAttribute('aria-label');
    }
  };
  // Size changes (zoom, window) and content changes (a new line of words) both count.
  const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(check) : null;
  resized?.observe(node);
  const changed = new MutationObserver(check);
  changed.observe(node, { childList: true, subtree: true, characterData: true });
  check();
  return {
    update: (next: string) => {
      name = next;
      check();
    },
    destroy: () => {
      resized?.disconnect();
      changed.disconnect();
    },
  };
};
