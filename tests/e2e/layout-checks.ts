import type { Locator, Page } from '@playwright/test';

/**
 * Layout checks shared by the readable-at-any-size and every-language specs:
 * measured from the boxes the browser drew, never by eye.
 */
const MIN_TARGET = 24;

/** Fully inside the viewport and not clipped by a scrolling ancestor, at the scroll position the screen opened with. */
export const fullyInView = (locator: Locator): Promise<boolean> =>
  locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return false;
    let box = { top: 0, left: 0, bottom: window.innerHeight, right: document.documentElement.clientWidth };
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const clip = parent.getBoundingClientRect();
      box = {
        top: Math.max(box.top, clip.top),
        left: Math.max(box.left, clip.left),
        bottom: Math.min(box.bottom, clip.bottom),
        right: Math.min(box.right, clip.right),
      };
    }
    const slack = 0.5;
    return (
      rect.top >= box.top - slack && rect.left >= box.left - slack && rect.bottom <= box.bottom + slack && rect.right <= box.right + slack
    );
  });

/** Sideways scrolling anywhere (the page or a scrolling region), and targets under 24×24 (a checkbox or radio by its label). */
export const layoutFindings = (page: Page) =>
  page.evaluate((min) => {
    const describe = (element: Element) => {
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''} "${text}"`;
    };
    const sideways: string[] = [];
    for (const element of [document.documentElement, ...document.querySelectorAll('*')]) {
      const style = getComputedStyle(element);
      const scrolls = element === document.documentElement || style.overflowX === 'auto' || style.overflowX === 'scroll';
      if (scrolls && element.scrollWidth > element.clientWidth + 1)
        sideways.push(`${describe(element)} ${element.scrollWidth}>${element.clientWidth}`);
    }
    const small: string[] = [];
    const seen = new Set<Element>();
    for (const element of document.querySelectorAll<HTMLElement>('a, button, select, summary, input[type=checkbox], input[type=radio]')) {
      const choice = element instanceof HTMLInputElement;
      const target: Element = choice ? (element.closest('label') ?? element.labels?.[0] ?? element) : element;
      if (seen.has(target)) continue;
      seen.add(target);
      // Hidden, or visually hidden for screen readers only (clipped to a pixel): not a target anyone aims at.
      if (!target.checkVisibility({ visibilityProperty: true })) continue;
      const rect = target.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue;
      if (rect.width < min - 0.01 || rect.height < min - 0.01)
        small.push(`${describe(target)} ${rect.width.toFixed(1)}×${rect.height.toFixed(1)}`);
    }
    return { sideways, small };
  }, MIN_TARGET);

export const useScheme = (page: Page, scheme: 'light' | 'dark' | 'forced') =>
  scheme === 'forced'
    ? page.emulateMedia({ forcedColors: 'active', colorScheme: 'light' })
    : page.emulateMedia({ forcedColors: 'none', colorScheme: scheme });

/**
 * Words a person cannot read whole: text cut off by a box that hides its
 * overflow (scrolling boxes do not count: the rest can be scrolled to), text
 * shortened with an ellipsis, and two pieces of text, or text and a control,
 * or two controls, drawn over each other. Boxes, not pixels: each text line's
 * rectangle from a Range, each control's border box.
 */
export const textFindings = (page: Page) =>
  page.evaluate(() => {
    const describe = (element: Element, text = element.textContent ?? '') =>
      `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''} "${text.trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
    // Drawn now: not skipped by content-visibility (a long list's off-screen days), not hidden, not clipped to a pixel.
    // Screen-reader-only text (the .visually-hidden pattern, a clip to nothing) is not drawn either.
    const clippedAway = (element: Element): boolean => {
      for (let at: Element | null = element; at; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (style.clip !== 'auto' || style.clipPath !== 'none') return true;
      }
      return false;
    };
    const shown = (element: Element) =>
      element.checkVisibility({ visibilityProperty: true, opacityProperty: true, contentVisibilityAuto: true }) &&
      !element.closest('.visually-hidden, [aria-hidden="true"]') &&
      element.getBoundingClientRect().width > 1 &&
      !clippedAway(element);
    /** The part of `rect` a person can see where it is now: inside every box that hides or scrolls its overflow, and the window. */
    const seen = (element: Element, rect: DOMRect): DOMRect | null => {
      let left = Math.max(rect.left, 0);
      let top = Math.max(rect.top, 0);
      let right = Math.min(rect.right, document.documentElement.clientWidth);
      let bottom = Math.min(rect.bottom, window.innerHeight);
      for (let at = element.parentElement; at; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const edge = at.getBoundingClientRect();
        left = Math.max(left, edge.left);
        top = Math.max(top, edge.top);
        right = Math.min(right, edge.right);
        bottom = Math.min(bottom, edge.bottom);
      }
      return right - left > 0.5 && bottom - top > 0.5 ? new DOMRect(left, top, right - left, bottom - top) : null;
    };
    const clipped: string[] = [];
    const boxes: { owner: Element; rect: DOMRect; what: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || (node.textContent ?? '').trim() === '' || !shown(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((rect) => rect.width > 0.5 && rect.height > 0.5);
      const style = getComputedStyle(parent);
      if (style.textOverflow === 'ellipsis' && parent.scrollWidth > parent.clientWidth + 1) clipped.push(`shortened: ${describe(parent)}`);
      for (let clip = parent.parentElement ?? null, self: Element | null = parent; self; self = clip, clip = clip?.parentElement ?? null) {
        const box = getComputedStyle(self);
        const hidesX = box.overflowX === 'hidden' || box.overflowX === 'clip';
        const hidesY = box.overflowY === 'hidden' || box.overflowY === 'clip';
        if (!hidesX && !hidesY) continue;
        const edge = self.getBoundingClientRect();
        const out = rects.some(
          (rect) =>
            (hidesX && (rect.left < edge.left - 1 || rect.right > edge.right + 1)) ||
            (hidesY && (rect.top < edge.top - 1 || rect.bottom > edge.bottom + 1)),
        );
        if (out) {
          clipped.push(`cut off by ${describe(self, '')}: ${describe(parent, node.textContent ?? '')}`);
          break;
        }
      }
      for (const rect of rects) {
        const visible = seen(parent, rect);
        if (visible) boxes.push({ owner: parent, rect: visible, what: describe(parent, node.textContent ?? '') });
      }
    }
    for (const control of document.querySelectorAll('button, input, select, textarea, a[href], summary')) {
      if (!shown(control)) continue;
      const visible = seen(control, control.getBoundingClientRect());
      if (visible && visible.width > 1 && visible.height > 1) boxes.push({ owner: control, rect: visible, what: describe(control) });
    }
    const overlapping: string[] = [];
    for (let i = 0; i < boxes.length; i += 1)
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.owner === b.owner || a.owner.contains(b.owner) || b.owner.contains(a.owner)) continue;
        const width = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const height = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        // Line boxes may touch, and a glyph's box can reach a pixel or two into the next line's: more is drawn over.
        if (width > 2 && height > 3) overlapping.push(`${a.what} over ${b.what}`);
      }
    return { clipped: [...new Set(clipped)], overlapping: [...new Set(overlapping)] };
  });
