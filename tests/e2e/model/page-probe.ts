import type { Page } from '@playwright/test';

/**
 * Small facts about any page, read in one round trip: where focus is (and
 * whether it sits at either end of the Tab order), and whether a control can
 * really be reached — present, enabled, visible, inside the window, and not
 * covered by something else.
 */
export interface FocusFacts {
  /** 'body' when focus is nowhere (lost to the document). */
  tag: string;
  type: string;
  name: string;
  value: string;
  caret: number;
  /** End of the selection (equal to caret when nothing is selected): typing replaces what is selected. */
  caretEnd: number;
  text: string;
  maxLength: number;
  /** A CSS path of landmarks around it (header.bar, footer.bar, form.gate, …). */
  within: string[];
  firstStop: boolean;
  lastStop: boolean;
  checked: boolean;
  disabled: boolean;
  /** Its place among inputs of the same type in its form (or page): which of two password fields. */
  index: number;
}

export interface ModelProbe {
  readFocus(landmarks: readonly string[]): FocusFacts;
  reachable(element: Element | null | undefined): boolean;
  /** Why a control is not reachable, in a few words (for the failure message). */
  whyNot(element: Element | null | undefined): string;
}
export type ProbeWindow = Window & { __modelProbe: ModelProbe };

/**
 * Installed into every page before its own scripts (an init script, so the
 * page's CSP stays as strict as it is): helpers the observers call in the page.
 * Runs in the page, serialised by Playwright: keep it self-contained.
 */
export const installProbe = (): void => {
  const readFocus = (landmarks: readonly string[]): FocusFacts => {
    const active = document.activeElement as HTMLElement | null;
    const stops = (): HTMLElement[] => {
      const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter((el) => {
        if ((el as HTMLButtonElement).disabled) return false;
        if (el.tabIndex < 0) return false;
        return el.checkVisibility();
      });
      // A radio group is one Tab stop: its checked radio, or its first when none is checked.
      return all.filter((el) => {
        if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || !el.name) return true;
        const group = all.filter((o): o is HTMLInputElement => o instanceof HTMLInputElement && o.type === 'radio' && o.name === el.name);
        const checked = group.find((o) => o.checked);
        return checked ? checked === el : group[0] === el;
      });
    };
    if (!active || active === document.body || !active.isConnected) {
      return {
        tag: 'body',
        type: '',
        name: '',
        value: '',
        caret: 0,
        caretEnd: 0,
        text: '',
        maxLength: -1,
        within: [],
        firstStop: false,
        lastStop: false,
        checked: false,
        disabled: false,
        index: -1,
      };
    }
    const list = stops();
    const input = active as HTMLInputElement;
    const sameStop = (el: HTMLElement | undefined): boolean =>
      el === active ||
      (el instanceof HTMLInputElement && el.type === 'radio' && input.type === 'radio' && el.name === input.name && el.name !== '');
    let caret = 0;
    let caretEnd = 0;
    try {
      caret = typeof input.selectionStart === 'number' ? input.selectionStart : 0;
      caretEnd = typeof input.selectionEnd === 'number' ? input.selectionEnd : caret;
    } catch {
      caret = 0;
      caretEnd = 0;
    }
    return {
      tag: active.tagName.toLowerCase(),
      type: active.getAttribute('type') ?? '',
      name: input.name ?? '',
      value: 'value' in input ? String(input.value) : '',
      caret,
      caretEnd,
      text: (active.textContent ?? '').trim(),
      maxLength: typeof input.maxLength === 'number' ? input.maxLength : -1,
      within: landmarks.filter((selector) => active.closest(selector) !== null),
      firstStop: sameStop(list[0]),
      lastStop: sameStop(list[list.length - 1]),
      checked: Boolean(input.checked),
      disabled: Boolean(input.disabled),
      index: [...(active.closest('form') ?? document).querySelectorAll(`${active.tagName.toLowerCase()}[type="${input.type}"]`)].indexOf(
        active,
      ),
    };
  };

  /** Can a person reach this control with mouse and keyboard? */
  const reachable = (element: Element | null | undefined): boolean => {
    if (!(element instanceof HTMLElement)) return false;
    if ((element as HTMLButtonElement).disabled || element.closest('[inert]')) return false;
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const box = element.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) return false;
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return false;
    const hit = document.elementFromPoint(x, y);
    return hit !== null && (hit === element || element.contains(hit));
  };
  const whyNot = (element: Element | null | undefined): string => {
    if (!(element instanceof HTMLElement)) return 'not on the page';
    if ((element as HTMLButtonElement).disabled) return 'disabled';
    if (element.closest('[inert]')) return 'inert';
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return 'hidden';
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight)
      return `outside the window (at ${Math.round(x)},${Math.round(y)})`;
    const hit = document.elementFromPoint(x, y);
    return hit && !(hit === element || element.contains(hit)) ? `covered by ${hit.outerHTML.slice(0, 100)}` : 'reachable';
  };
  (window as unknown as ProbeWindow).__modelProbe = { readFocus, reachable, whyNot };
};

export const addProbe = async (page: Page): Promise<void> => {
  await page.addInitScript(installProbe);
};

/**
 * Counts the vault events the page has received, through the same bridge the
 * app listens on (registered after the app's own listener, so when the count
 * moves, the app has already been told).
 */
export const countVaultEvents = async (page: Page): Promise<void> => {
  await page.evaluate(() => {
    const w = window as unknown as { __modelVaultEvents?: number };
    if (w.__modelVaultEvents !== undefined) return;
    w.__modelVaultEvents = 0;
    window.attune.events.onVaultChanged(() => {
      w.__modelVaultEvents = (w.__modelVaultEvents ?? 0) + 1;
    });
  });
};

export const vaultEventsSeen = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { __modelVaultEvents?: number }).__modelVaultEvents ?? 0);

/** Waits (by polling, never by a fixed sleep) until the page has received one more vault event than `before`. */
export const waitForVaultEvent = async (page: Page, before: number, limitMs = 15_000): Promise<boolean> => {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    if ((await vaultEventsSeen(page)) > before) return true;
    await new Promise((done) => setTimeout(done, 10));
  }
  return false;
};

/**
 * A window losing focus and getting it back, as far as a page can tell:
 * headless Chromium keeps every page "focused", so the blur and focus events
 * a real window switch sends are dispatched (the focused element stays, as it does).
 */
export const blurAndRefocus = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const active = document.activeElement;
    active?.dispatchEvent(new FocusEvent('blur'));
    active?.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    window.dispatchEvent(new FocusEvent('blur'));
    window.dispatchEvent(new FocusEvent('focus'));
    active?.dispatchEvent(new FocusEvent('focus'));
    active?.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
  });
