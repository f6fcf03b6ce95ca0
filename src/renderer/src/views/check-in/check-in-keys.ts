import type { Screen } from '../../stores/checkin-flow.svelte';

/** What the check-in does with a key press, decided without the DOM so every key can be tried in a test. */
export type KeyIntent = 'close' | 'primary' | 'none';

export interface KeyPress {
  readonly key: string;
  /** Ctrl (or Cmd on macOS) is held: Ctrl/Cmd+Enter moves on from anywhere in a step. */
  readonly mod?: boolean;
  /** An input method is composing (Japanese, Chinese…): its keys are not ours. */
  readonly composing: boolean;
  /** What has focus: a choice, a text field, a button or link, or anything else. */
  readonly on: 'choice' | 'text' | 'control' | 'other';
}

/** Keys a screen reader or a person holding a modifier presses without meaning "close". */
const QUIET_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'Tab']);

export const keyIntent = (press: KeyPress, screen: Screen, isStep: boolean): KeyIntent => {
  if (press.composing) return 'none';
  if (press.key === 'Escape') return 'close';
  // "Noted." closes on any key — but not a modifier alone, and not a key on a button or link ("Get help now" must still open).
  if (screen === 'saved' || screen === 'nothing') return QUIET_KEYS.has(press.key) || press.on === 'control' ? 'none' : 'close';
  // Only the primary button and Ctrl/Cmd+Enter move on: Enter or Space on a choice toggles it
  // (ChoiceList), Enter in a one-line field does nothing, and a button's own key stays its own.
  if (press.key === 'Enter' && press.mod === true && isStep && press.on !== 'control') return 'primary';
  return 'none';
};

/** Where a key press landed, for keyIntent. */
export const focusKind = (target: EventTarget | null): KeyPress['on'] => {
  if (target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio')) return 'choice';
  if ((target instanceof HTMLInputElement && target.type === 'text') || target instanceof HTMLTextAreaElement) return 'text';
  if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) return 'control';
  return 'other';
};
