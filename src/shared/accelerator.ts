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
  'Plus', 'Space', 'Tab', 'Capslock', 'Numlock', 'Scrolllock', 'Backspace', 'Delete', 'Insert', 'Return', 'Enter',
  'Up', 'Down', 'Left', 'Right', 'Home', 'End', 'PageUp', 'PageDown', 'Escape', 'Esc', 'PrintScreen',
  'VolumeUp', 'VolumeDown', 'VolumeMute', 'MediaNextTrack', 'MediaPreviousTrack', 'MediaStop', 'MediaPlayPause',
  'numdec', 'numadd', 'numsub', 'nummult', 'numdiv',
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
