/**
 * Pure checks for Electron accelerator strings ("CommandOrControl+Alt+Space"),
 * shared by main (before registering) and the renderer's shortcut recorder.
 * @see https://www.electronjs.org/docs/latest/api/accelerator
 */
const MODIFIERS = new Map<string, string>([
  ['command', 'Command'],
  ['cmd', 'Command'],
  ['control', 'Control'],
  ['ctrl', 'Control'],
  ['commandorcontrol', 'CommandOrControl'],
  ['cmdorctrl', 'CommandOrControl'],
  ['alt', 'Alt'],
  ['option', 'Alt'],
  ['altgr', 'AltGr'],
  ['shift', 'Shift'],
  ['super', 'Super'],
  ['meta', 'Super'],
]);

const NAMED_KEYS = [
  'Plus',
  'Space',
  'Tab',
  'Capslock',
  'Numlock',
  'Scrolllock',
  'Backspace',
  'Delete',
  'Insert',
  'Return',
  'Enter',
  'Up',
  'Down',
  'Left',
  'Right',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
  'Esc',
  'PrintScreen',
  'VolumeUp',
  'VolumeDown',
  'VolumeMute',
  'MediaNextTrack',
  'MediaPreviousTrack',
  'MediaStop',
  'MediaPlayPause',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
];
const NAMED = new Map(NAMED_KEYS.map((k) => [k.toLowerCase(), k]));
const PUNCTUATION = new Set([...')!@#$%^&*(:;=<,_->.?/~`{][|\\}"\'']);

const normalizeKey = (part: string): string | null => {
  if (/^[a-z0-9]$/i.test(part)) return part.toUpperCase();
  if (PUNCTUATION.has(part)) return part;
  const lower = part.toLowerCase();
  const fn = /^f([1-9]|1[0-9]|2[0-4])$/.exec(lower);
  if (fn) return `F${fn[1]}`;
  const num = /^num([0-9])$/.exec(lower);
  if (num) return `num${num[1]}`;
  return NAMED.get(lower) ?? null;
};

export type AcceleratorCheck =
  | { ok: true; accelerator: string }
  | { ok: false; reason: 'empty' | 'unknown-part' | 'no-key' | 'many-keys' | 'needs-modifier' | 'repeated-modifier' };

/**
 * Validates and normalises an accelerator. A global shortcut needs a modifier
 * other than Shift alone, so Attune never steals a key someone is typing.
 */
export const checkAccelerator = (input: string): AcceleratorCheck => {
  const trimmed = input.trim();
  if (trimmed === '' || trimmed.length > 64) return { ok: false, reason: 'empty' };
  // "+" is the separator, so a literal plus key is spelled "Plus".
  const parts = trimmed.split('+').map((p) => p.trim());
  if (parts.some((p) => p === '')) return { ok: false, reason: 'unknown-part' };
  const modifiers: string[] = [];
  const keys: string[] = [];
  for (const part of parts) {
    const modifier = MODIFIERS.get(part.toLowerCase());
    if (modifier) {
      if (modifiers.includes(modifier)) return { ok: false, reason: 'repeated-modifier' };
      modifiers.push(modifier);
      continue;
    }
    const key = normalizeKey(part);
    if (key === null) return { ok: false, reason: 'unknown-part' };
    keys.push(key);
  }
  if (keys.length === 0) return { ok: false, reason: 'no-key' };
  if (keys.length > 1) return { ok: false, reason: 'many-keys' };
  const isFunctionKey = /^F\d+$/.test(keys[0] as string);
  if (!isFunctionKey && modifiers.every((m) => m === 'Shift')) return { ok: false, reason: 'needs-modifier' };
  return { ok: true, accelerator: [...modifiers, keys[0]].join('+') };
};

/** Display form: "Ctrl+Alt+Space" on Windows/Linux, "⌘⌥Space" style names avoided for screen readers. */
export const describeAccelerator = (accelerator: string, platform: string): string =>
  accelerator
    .split('+')
    .map((part) => {
      if (part === 'CommandOrControl') return platform === 'darwin' ? 'Cmd' : 'Ctrl';
      if (part === 'Command') return 'Cmd';
      if (part === 'Control') return 'Ctrl';
      if (part === 'Alt' && platform === 'darwin') return 'Option';
      return part;
    })
    .join('+');

/** The parts of a KeyboardEvent the shortcut recorder reads (a plain object, so tests need no DOM). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

export type KeyPressCapture =
  | { ok: true; accelerator: string }
  /** Only modifiers are down so far; `held` is them in accelerator form ("CommandOrControl+Alt"), or '' for none. */
  | { ok: false; reason: 'modifier-only'; held: string }
  /** A key Electron cannot register, or a key without a modifier (Attune never takes a key someone is typing). */
  | { ok: false; reason: 'not-allowed' };

const MODIFIER_CODES = /^(Control|Alt|Shift|Meta|OS|Super|Hyper)(Left|Right)?$|^(AltGraph|CapsLock|Fn|FnLock)$/;
const MODIFIER_KEYS = new Set(['Control', 'Alt', 'AltGraph', 'Shift', 'Meta', 'OS', 'Super', 'Hyper', 'Fn', 'FnLock', 'CapsLock']);

/** Keys whose `code` and `key` carry the same name (→ accelerator key): one list for both maps below. */
const SAME_NAME_KEYS: [string, string][] = [
  ['Enter', 'Enter'],
  ['Tab', 'Tab'],
  ['Backspace', 'Backspace'],
  ['Delete', 'Delete'],
  ['Insert', 'Insert'],
  ['Home', 'Home'],
  ['End', 'End'],
  ['PageUp', 'PageUp'],
  ['PageDown', 'PageDown'],
  ['ArrowUp', 'Up'],
  ['ArrowDown', 'Down'],
  ['ArrowLeft', 'Left'],
  ['ArrowRight', 'Right'],
  ['Escape', 'Escape'],
  ['PrintScreen', 'PrintScreen'],
];

/** `KeyboardEvent.code` (the physical key, whatever the layout) → accelerator key. */
const CODE_KEYS = new Map<string, string>([
  ['Space', 'Space'],
  ['NumpadEnter', 'Enter'],
  ...SAME_NAME_KEYS,
  ['Minus', '-'],
  ['Equal', '='],
  ['BracketLeft', '['],
  ['BracketRight', ']'],
  ['Backslash', '\\'],
  ['Semicolon', ';'],
  ['Quote', "'"],
  ['Backquote', '`'],
  ['Comma', ','],
  ['Period', '.'],
  ['Slash', '/'],
  ['NumpadDecimal', 'numdec'],
  ['NumpadAdd', 'numadd'],
  ['NumpadSubtract', 'numsub'],
  ['NumpadMultiply', 'nummult'],
  ['NumpadDivide', 'numdiv'],
  ['AudioVolumeUp', 'VolumeUp'],
  ['AudioVolumeDown', 'VolumeDown'],
  ['AudioVolumeMute', 'VolumeMute'],
  ['MediaTrackNext', 'MediaNextTrack'],
  ['MediaTrackPrevious', 'MediaPreviousTrack'],
  ['MediaStop', 'MediaStop'],
  ['MediaPlayPause', 'MediaPlayPause'],
]);

/** `KeyboardEvent.key` names, for events that carry no `code` (some synthetic or remote-desktop events). */
const KEY_NAMES = new Map<string, string>([[' ', 'Space'], ...SAME_NAME_KEYS]);

const keyFromCode = (code: string): string | null => {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1] as string;
  const digit = /^Digit([0-9])$/.exec(code);
  if (digit) return digit[1] as string;
  const numpad = /^Numpad([0-9])$/.exec(code);
  if (numpad) return `num${numpad[1]}`;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  return CODE_KEYS.get(code) ?? null;
};

const keyFromKey = (key: string): string | null => {
  if (/^[a-z0-9]$/i.test(key)) return key.toUpperCase();
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(key)) return key;
  return KEY_NAMES.get(key) ?? null;
};

/**
 * Turns one key press into an accelerator for the shortcut recorder. Ctrl on
 * Windows/Linux and Cmd on macOS become CommandOrControl (Ctrl on macOS stays
 * Control, the Windows/Super key is Super). The key comes from `code`, the
 * physical key, so another keyboard layout or an Option/Alt-changed character
 * ("˚" for Option+K) still gives "K".
 */
export const acceleratorFromKeyEvent = (press: KeyPress, platform: string): KeyPressCapture => {
  const modifiers = modifiersOf(press, platform);
  if (MODIFIER_CODES.test(press.code) || MODIFIER_KEYS.has(press.key)) {
    return { ok: false, reason: 'modifier-only', held: modifiers.join('+') };
  }
  const key = keyFromCode(press.code) ?? keyFromKey(press.key);
  if (key === null) return { ok: false, reason: 'not-allowed' };
  const check = checkAccelerator([...modifiers, key].join('+'));
  return check.ok ? check : { ok: false, reason: 'not-allowed' };
};

const modifiersOf = (press: Omit<KeyPress, 'key' | 'code'>, platform: string): string[] => {
  const mac = platform === 'darwin';
  return [
    (mac ? press.metaKey : press.ctrlKey) && 'CommandOrControl',
    mac && press.ctrlKey && 'Control',
    press.altKey && 'Alt',
    press.shiftKey && 'Shift',
    !mac && press.metaKey && 'Super',
  ].filter((m): m is string => typeof m === 'string');
};

/** The modifiers down now, in accelerator form ("CommandOrControl+Alt"), or '' — for the recorder after a key-up. */
export const heldModifiers = (press: Omit<KeyPress, 'key' | 'code'>, platform: string): string => modifiersOf(press, platform).join('+');
