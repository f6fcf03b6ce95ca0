import type { Page } from '@playwright/test';

import { checkInCopy, commonCopy, helpCopy, vaultCopy } from '../../../src/shared/copy';
import type { FocusFacts, ProbeWindow } from './page-probe';
import type { ButtonId, Expected, GateField, Group, Screen, TextField } from './popover-model';

/** Everything the invariants look at on the popover, read in one round trip after a step. */
export interface PopoverView {
  heading: string | null;
  screen: Screen | 'unknown';
  /** Checked values of each choice group on the page (only groups present). */
  groups: Partial<Record<Group, string[]>>;
  stepLabel: string | null;
  texts: Partial<Record<TextField, string>>;
  gate: Partial<Record<GateField, string>> & { makeRecoveryKey?: boolean; recoveryField?: boolean };
  reach: { close: boolean; help: boolean };
  primary: string | null;
  /** The first screen's disclosure: open, closed, or not on the page. */
  moreOpen: boolean | null;
  /** All text of the popover (to see what the person is told). */
  contentText: string;
  focus: FocusFacts;
  focusButton: ButtonId | null;
  /** What the vault holds, read through the bridge, or why it cannot be read. */
  vault: { ok: true; entries: Expected[] } | { ok: false; code: string };
}

/** Read when a view is read, not when this module loads: the words are not there before the fixtures load them. */
const screensByHeading = (): Record<string, Screen> => ({
  [checkInCopy.now.heading]: 'now',
  [checkInCopy.need.heading]: 'need',
  [checkInCopy.step.heading]: 'step',
  [checkInCopy.saved.heading]: 'saved',
  [checkInCopy.nothingToSave.heading]: 'nothing',
  [vaultCopy.setup.heading]: 'setup',
  [vaultCopy.unlock.heading]: 'unlock',
  [vaultCopy.locked.heading]: 'locked',
  [vaultCopy.recovery.heading]: 'recovery',
  [helpCopy.title]: 'help',
});

export const LANDMARKS = [
  'header.bar',
  'footer.bar',
  'form.gate',
  'section.recovery',
  'section.help',
  'section.content',
  'fieldset.choices',
] as const;

/** Which button, by its place and role (not its words, which change with state). */
export const buttonIdOf = (focus: FocusFacts): ButtonId | null => {
  if (focus.tag !== 'button') return null;
  const at = (landmark: string) => focus.within.includes(landmark);
  if (at('header.bar')) return focus.text === commonCopy.getHelp ? 'help' : 'close';
  if (at('footer.bar')) return focus.text === checkInCopy.actions.back ? 'back' : 'primary';
  // Copy and Save as file keep nothing and change no screen: to the model they are like any other button.
  if (at('section.recovery')) return focus.text === vaultCopy.recovery.done ? 'recovery-done' : 'other';
  if (at('form.gate')) {
    if (focus.type === 'submit') return 'gate-submit';
    if (focus.text === vaultCopy.unlock.useRecovery || focus.text === vaultCopy.unlock.usePassphrase) return 'gate-toggle';
    return 'gate-cancel';
  }
  if (at('section.help')) return focus.text === helpCopy.back ? 'help-back' : 'other';
  if (focus.text === checkInCopy.kept.startOver) return 'start-over';
  if (focus.text === checkInCopy.now.more) return 'more';
  return 'other';
};

interface RawView {
  heading: string | null;
  groups: Record<string, string[]>;
  stepLabel: string | null;
  inputs: { maxLength: number; tag: string; value: string }[];
  gatePasswords: string[];
  gateRecovery: string | null;
  gateCheck: boolean | null;
  reachClose: boolean;
  reachHelp: boolean;
  primary: string | null;
  moreOpen: boolean | null;
  contentText: string;
  focus: FocusFacts;
  vault: { ok: true; entries: { kind: string; data: Record<string, unknown> }[] } | { ok: false; code: string };
}

const toExpected = (data: Record<string, unknown>): Expected => {
  const step = data.step as { text?: string } | undefined;
  return {
    states: [...((data.states as string[] | undefined) ?? [])].sort(),
    driver: (data.driver as string | undefined) ?? null,
    capacity: (data.capacity as number | undefined) ?? null,
    needs: [...((data.needs as string[] | undefined) ?? [])].sort(),
    needText: (data.needText as string | undefined) ?? null,
    step: step?.text ?? null,
    note: (data.note as string | undefined) ?? null,
  };
};

export const observePopover = async (page: Page): Promise<PopoverView> => {
  const raw = await page.evaluate(
    async ({ landmarks, getHelp, close }): Promise<RawView> => {
      const probe = (window as unknown as ProbeWindow).__modelProbe;
      const main = document.querySelector('main.popover');
      const content = main?.querySelector('section.content') ?? null;
      const headerButtons = [...(main?.querySelectorAll<HTMLButtonElement>('header.bar button') ?? [])];
      const groups: Record<string, string[]> = {};
      for (const input of content?.querySelectorAll<HTMLInputElement>('fieldset.choices input') ?? []) {
        groups[input.name] ??= [];
        if (input.checked) groups[input.name]!.push(input.value);
      }
      const stepInput = content?.querySelector<HTMLInputElement>('fieldset.choices input[name="step"]:checked');
      const form = content?.querySelector('form.gate');
      const list = await window.attune.vault.list({ limit: 200 });
      return {
        heading: main?.querySelector('h1')?.textContent?.trim() ?? null,
        groups,
        stepLabel: stepInput?.closest('label')?.querySelector('.label')?.textContent?.trim() ?? null,
        inputs: [...(content?.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[type="text"], textarea') ?? [])]
          .filter((el) => !el.closest('form.gate'))
          .map((el) => ({ maxLength: el.maxLength, tag: el.tagName.toLowerCase(), value: el.value })),
        gatePasswords: [...(form?.querySelectorAll<HTMLInputElement>('input[type="password"]') ?? [])].map((el) => el.value),
        gateRecovery: form?.querySelector<HTMLInputElement>('input[type="text"]')?.value ?? null,
        gateCheck: form?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked ?? null,
        reachClose: probe.reachable(headerButtons.find((b) => b.textContent?.trim() === close)),
        reachHelp: probe.reachable(headerButtons.find((b) => b.textContent?.trim() === getHelp)),
        primary: main?.querySelector('footer.bar .button.primary')?.textContent?.trim() ?? null,
        moreOpen: ((expanded) => (expanded === null ? null : expanded === 'true'))(
          content?.querySelector('button[aria-controls="more-questions"]')?.getAttribute('aria-expanded') ?? null,
        ),
        contentText: (main?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        focus: probe.readFocus(landmarks),
        vault: list.ok
          ? { ok: true, entries: list.value.entries.map((e) => ({ kind: e.kind, data: e.data as Record<string, unknown> })) }
          : { ok: false, code: list.error.code },
      };
    },
    { landmarks: LANDMARKS, getHelp: commonCopy.getHelp, close: commonCopy.close },
  );
  const screen = raw.heading === null ? 'unknown' : (screensByHeading()[raw.heading] ?? 'unknown');
  const texts: Partial<Record<TextField, string>> = {};
  for (const input of raw.inputs) {
    if (input.tag === 'textarea') texts.note = input.value;
    else if (screen === 'need') texts.needText = input.value;
    else if (screen === 'step') texts.ownStep = input.value;
  }
  const gate: PopoverView['gate'] = {};
  if (screen === 'setup') {
    gate.pass = raw.gatePasswords[0];
    gate.confirm = raw.gatePasswords[1];
    if (raw.gateCheck !== null) gate.makeRecoveryKey = raw.gateCheck;
  } else if (screen === 'unlock' || screen === 'locked') {
    if (raw.gatePasswords[0] !== undefined) gate.unlock = raw.gatePasswords[0];
    gate.recoveryField = raw.gateRecovery !== null;
  }
  return {
    heading: raw.heading,
    screen,
    groups: raw.groups as Partial<Record<Group, string[]>>,
    stepLabel: raw.stepLabel,
    texts,
    gate,
    reach: { close: raw.reachClose, help: raw.reachHelp },
    primary: raw.primary,
    moreOpen: raw.moreOpen,
    contentText: raw.contentText,
    focus: raw.focus,
    focusButton: buttonIdOf(raw.focus),
    vault: raw.vault.ok
      ? { ok: true, entries: raw.vault.entries.filter((e) => e.kind === 'check-in').map((e) => toExpected(e.data)) }
      : raw.vault,
  };
};
