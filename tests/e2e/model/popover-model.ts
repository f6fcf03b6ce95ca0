import { FREE_ATTEMPTS } from '../../../src/main/vault/throttle';
import { MIN_PASSPHRASE_LENGTH } from '../../../src/shared/copy';
import { TEXT_LIMITS } from '../../../src/shared/entry-ids';

/**
 * The model of the check-in popover: what a person has chosen and typed, which
 * screen they should be on, and what the vault should hold. It is the oracle
 * the invariants compare the page against.
 *
 * Choices (checkboxes, radios) are taken from what the page SHOWS after the
 * person acts on them — the page is the authority on "shown as chosen" — and
 * from then on the model expects the page to keep showing exactly that, and a
 * save to store exactly that. Typed text is predicted from the keys pressed.
 */
export const PASSPHRASE = 'a long quiet river';
export const WRONG_PASSPHRASE = 'not the passphrase';

export type StepScreen = 'now' | 'need' | 'step';
export type Screen = StepScreen | 'setup' | 'unlock' | 'recovery' | 'locked' | 'help' | 'saved' | 'nothing' | 'closed';
export type VaultState = 'not-set-up' | 'locked' | 'unlocked';
export type Group = 'states' | 'driver' | 'capacity' | 'needs' | 'step';
export type TextField = 'needText' | 'ownStep' | 'note';
export type GateField = 'pass' | 'confirm' | 'unlock';

export const GROUPS_ON: Record<StepScreen, readonly Group[]> = {
  now: ['states', 'driver', 'capacity'],
  need: ['needs'],
  step: ['step'],
};
export const TEXT_ON: Record<StepScreen, readonly TextField[]> = { now: [], need: ['needText'], step: ['ownStep', 'note'] };
export const MAX_LENGTH: Record<TextField, number> = {
  needText: TEXT_LIMITS.needText,
  ownStep: TEXT_LIMITS.stepText,
  note: TEXT_LIMITS.note,
};
export const OWN_STEP = 'own';
export const isStepScreen = (screen: Screen): screen is StepScreen => screen === 'now' || screen === 'need' || screen === 'step';

/** Whether a group's options can be reached now: the first screen's optional two sit behind a disclosure. */
export const groupShown = (m: Readonly<{ screen: Screen; moreOpen: boolean }>, group: Group): boolean =>
  isStepScreen(m.screen) && GROUPS_ON[m.screen].includes(group) && (m.moreOpen || (group !== 'driver' && group !== 'capacity'));

export interface Draft {
  /** Checked values per choice group, as last shown. */
  choices: Record<Group, string[]>;
  /** The words next to the chosen step, as last shown (what a person reads is what should be stored). */
  stepLabel: string | null;
  needText: string;
  ownStep: string;
  note: string;
}

export const emptyDraft = (): Draft => ({
  choices: { states: [], driver: [], capacity: [], needs: [], step: [] },
  stepLabel: null,
  needText: '',
  ownStep: '',
  note: '',
});

/** The fields of a stored check-in a person can see and choose, in a comparable shape. */
export interface Expected {
  states: string[];
  driver: string | null;
  capacity: number | null;
  needs: string[];
  needText: string | null;
  step: string | null;
  note: string | null;
}

const clean = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** What a person who sees this draft expects to be stored; null when nothing is chosen or written. */
export const expectedEntry = (draft: Draft): Expected | null => {
  const chosenStep = draft.choices.step[0] ?? null;
  const step = chosenStep === null ? null : chosenStep === OWN_STEP ? clean(draft.ownStep) : draft.stepLabel;
  const entry: Expected = {
    states: [...draft.choices.states].sort(),
    driver: draft.choices.driver[0] ?? null,
    capacity: draft.choices.capacity[0] ? Number(draft.choices.capacity[0]) : null,
    needs: [...draft.choices.needs].sort(),
    needText: clean(draft.needText),
    step,
    note: clean(draft.note),
  };
  const empty =
    entry.states.length === 0 &&
    entry.needs.length === 0 &&
    entry.driver === null &&
    entry.capacity === null &&
    entry.needText === null &&
    entry.step === null &&
    entry.note === null;
  return empty ? null : entry;
};

export const describeEntry = (entry: Expected): string => JSON.stringify(entry);

export interface Gate {
  pass: string;
  confirm: string;
  makeRecoveryKey: boolean;
  unlock: string;
  useRecovery: boolean;
}
const freshGate = (): Gate => ({ pass: '', confirm: '', makeRecoveryKey: true, unlock: '', useRecovery: false });

export interface PopoverModel {
  vault: VaultState;
  /** The passphrase the vault was set up with (the person may pick any on the set-up screen). */
  passphrase: string;
  recoveryKeyMade: boolean;
  screen: Screen;
  draft: Draft;
  gate: Gate;
  /** Where Back from help goes; where an unlock returns to. */
  beforeHelp: Screen;
  beforeLock: Screen | 'vault';
  /** Whether "Noted." / "Nothing saved" will close itself when time passes. */
  autoClose: boolean;
  /** Every check-in the vault should hold. */
  saved: Expected[];
  /** How many times the popover should have asked main to hide it. */
  hides: number;
  /** The lock came while "Noted." showed: what comes back after unlock is a fresh check-in. */
  finishedBeforeLock: boolean;
  /** Unlock attempts that failed since the last one that worked (main makes the next ones wait after FREE_ATTEMPTS). */
  wrongAttempts: number;
  /** While closed: the screen the hidden page is still on (it is hidden, not reloaded). */
  hidden: Screen;
  /** Closed with typed words kept: the next open says they are still here. */
  wordsKept: boolean;
  /** "Your words from before are still here." shows, with Start over (until the screen changes). */
  keptNotice: boolean;
  /** The first screen's two optional questions are shown (a remembered setting). */
  moreOpen: boolean;
  /** Steps run so far in this sequence. */
  steps: number;
  /** What ran, with the screen each step started on (for the failure message). */
  trace: string[];
}

export const initialModel = (vault: VaultState, recoveryKeyMade: boolean): PopoverModel => ({
  vault,
  passphrase: PASSPHRASE,
  recoveryKeyMade,
  screen: vault === 'locked' ? 'locked' : 'now',
  draft: emptyDraft(),
  gate: freshGate(),
  beforeHelp: 'now',
  beforeLock: 'now',
  autoClose: false,
  saved: [],
  hides: 0,
  finishedBeforeLock: false,
  wrongAttempts: 0,
  hidden: 'now',
  wordsKept: false,
  keptNotice: false,
  moreOpen: false,
  steps: 0,
  trace: [],
});

const enterGate = (m: PopoverModel): void => {
  m.gate = freshGate();
  m.screen = m.vault === 'not-set-up' ? 'setup' : 'unlock';
};

const finish = (m: PopoverModel, screen: 'saved' | 'nothing'): void => {
  m.screen = screen;
  m.autoClose = true;
};

/** The vault took the entry: it is stored now. */
const stored = (m: PopoverModel, entry: Expected): void => {
  m.saved.push(entry);
  finish(m, 'saved');
};

/** Save (the last screen's primary action, or a retry). `failing`: the vault write fails once. */
export const save = (m: PopoverModel, failing = false): void => {
  const entry = expectedEntry(m.draft);
  if (entry === null) return finish(m, 'nothing');
  if (m.vault !== 'unlocked') return enterGate(m);
  if (!failing) stored(m, entry);
};

export const primary = (m: PopoverModel, failing = false): void => {
  if (m.screen === 'now') m.screen = 'need';
  else if (m.screen === 'need') m.screen = 'step';
  else if (m.screen === 'step') save(m, failing);
};

export const back = (m: PopoverModel): void => {
  if (m.screen === 'need') m.screen = 'now';
  else if (m.screen === 'step') m.screen = 'need';
};

/** The person lets the draft go (what is saved stays saved); the hidden page starts over. */
export const closeAndForget = (m: PopoverModel): void => {
  m.screen = 'closed';
  m.hidden = 'now';
  m.draft = emptyDraft();
  m.autoClose = false;
  m.wordsKept = false;
  m.hides += 1;
};

/** The lock screen's own Close: the window hides (the draft may stay for later). */
export const closeWindow = (m: PopoverModel): void => {
  m.hidden = m.screen;
  m.screen = 'closed';
  m.wordsKept = false;
  m.hides += 1;
};

const hasTypedWords = (draft: Draft): boolean => [draft.needText, draft.ownStep, draft.note].some((text) => text.trim() !== '');

/** Whether the draft on screen is not saved yet (behind help or the lock screen: where they came from). */
const unsavedDraft = (m: Readonly<PopoverModel>): boolean => {
  const where = m.screen === 'help' ? m.beforeHelp : m.screen;
  // A lock that came on a finished check-in let its answers go at once.
  if (where === 'locked') return !m.finishedBeforeLock && m.beforeLock !== 'recovery';
  return where !== 'saved' && where !== 'nothing' && where !== 'recovery';
};

/** Esc, or Close in the header: words typed and not saved yet are kept for the next open; anything else is let go. */
export const close = (m: PopoverModel): void => {
  if (!(hasTypedWords(m.draft) && unsavedDraft(m))) return closeAndForget(m);
  closeWindow(m);
  m.wordsKept = true;
};

/** Opened again from the tray: the hidden page shows where it was, saying so if words were kept. */
export const showAgain = (m: PopoverModel): void => {
  m.screen = m.hidden;
  // A page that let its draft go sits on the first screen; opening a locked Attune shows the lock screen.
  if (m.vault === 'locked') lockScreen(m);
  m.keptNotice = m.wordsKept && isStepScreen(m.screen);
  m.wordsKept = false;
};

/** "Start over" (beside the kept-words notice): the draft goes, the first screen shows. */
export const startOver = (m: PopoverModel): void => {
  m.draft = emptyDraft();
  m.beforeHelp = 'now';
  m.beforeLock = 'now';
  m.screen = 'now';
  m.keptNotice = false;
};

/** A vault change reaches the hidden page too: it moves as if it were on screen. */
const whileHidden = (m: PopoverModel, change: (m: PopoverModel) => void): void => {
  if (m.screen !== 'closed') return change(m);
  m.screen = m.hidden;
  change(m);
  m.hidden = m.screen;
  m.screen = 'closed';
};

export const openHelp = (m: PopoverModel): void => {
  if (m.screen === 'help' || m.screen === 'closed') return;
  m.beforeHelp = m.screen;
  m.screen = 'help';
  m.autoClose = false;
};

/** Where someone was, for "back where they were" after an unlock. A finished check-in starts over. */
const lockTarget = (screen: Screen): Screen | 'vault' => {
  if (screen === 'saved' || screen === 'nothing') return 'now';
  if (screen === 'setup' || screen === 'unlock') return 'vault';
  return screen;
};

/** Back where they were: a save that was waiting returns to its last screen. */
const resume = (m: PopoverModel): void => {
  const target = m.beforeLock === 'vault' ? 'step' : m.beforeLock;
  // A finished check-in is not brought back: the next one starts empty.
  if (m.beforeLock === 'now' && m.finishedBeforeLock) m.draft = emptyDraft();
  m.screen = target;
};

export const lockElsewhere = (m: PopoverModel): void => {
  m.vault = 'locked';
  whileHidden(m, lockScreen);
};

const lockScreen = (m: PopoverModel): void => {
  if (m.screen === 'help') {
    if (m.beforeHelp !== 'locked') {
      m.finishedBeforeLock = m.beforeHelp === 'saved' || m.beforeHelp === 'nothing';
      m.beforeLock = lockTarget(m.beforeHelp);
    }
    m.beforeHelp = 'locked';
    return;
  }
  if (m.screen !== 'locked') {
    m.finishedBeforeLock = m.screen === 'saved' || m.screen === 'nothing';
    m.beforeLock = lockTarget(m.screen);
    m.gate = freshGate();
  }
  m.screen = 'locked';
};

export const unlockElsewhere = (m: PopoverModel): void => {
  m.vault = 'unlocked';
  m.wrongAttempts = 0;
  whileHidden(m, (shown) => {
    if (shown.screen === 'locked') resume(shown);
  });
};

export const helpBack = (m: PopoverModel): void => {
  const target = m.beforeHelp;
  if (target === 'locked') {
    // The lock screen is shown afresh (a half-typed passphrase is not kept around).
    m.gate = freshGate();
    if (m.vault === 'locked') m.screen = 'locked';
    else resume(m);
    return;
  }
  if (target === 'setup' || target === 'unlock') {
    // The set-up/unlock step is shown afresh; if the vault is open by now, the waiting save goes ahead.
    if (m.vault === 'unlocked') {
      const entry = expectedEntry(m.draft);
      if (entry) stored(m, entry);
      else finish(m, 'nothing');
    } else enterGate(m);
    return;
  }
  m.screen = target;
};

/** Sending the unlock form now would not open the vault. */
export const unlockWouldFail = (m: Readonly<PopoverModel>): boolean =>
  (m.screen === 'unlock' || m.screen === 'locked') && m.vault !== 'unlocked' && (m.gate.useRecovery || m.gate.unlock !== m.passphrase);

/**
 * Whether a person in this model tries the unlock form now. After FREE_ATTEMPTS misses main asks
 * them to wait a moment (real time, not the page's paused clock), which would make a replay
 * depend on the machine's speed — so the model stops before that: one miss fewer than free.
 */
export const mayTryUnlock = (m: Readonly<PopoverModel>): boolean => !unlockWouldFail(m) || m.wrongAttempts < FREE_ATTEMPTS - 1;

/** The set-up / unlock form is sent (its button, or Enter in it). */
export const gateSubmit = (m: PopoverModel): void => {
  const g = m.gate;
  if (m.screen === 'setup') {
    if (g.pass.length < MIN_PASSPHRASE_LENGTH || g.pass !== g.confirm) return;
    // "Set up and save": the check-in is saved now; a recovery key (if asked for) is shown after.
    m.vault = 'unlocked';
    m.passphrase = g.pass;
    const entry = expectedEntry(m.draft);
    if (entry) stored(m, entry);
    if (g.makeRecoveryKey) {
      m.screen = 'recovery';
      m.autoClose = false;
    }
    return;
  }
  if (m.screen !== 'unlock' && m.screen !== 'locked') return;
  if (unlockWouldFail(m)) {
    m.wrongAttempts += 1;
    return;
  }
  m.wrongAttempts = 0;
  m.vault = 'unlocked';
  if (m.screen === 'locked') return resume(m);
  const entry = expectedEntry(m.draft);
  if (entry) stored(m, entry);
};

/** Back on the set-up / unlock step (the way out that keeps the entry); Close on the lock screen. */
export const gateCancel = (m: PopoverModel): void => {
  if (m.screen === 'locked') return closeWindow(m);
  if (m.screen === 'setup' || m.screen === 'unlock') m.screen = 'step';
};

/** "I've written it down": the key is kept (it opens the history from now on), and the check-in is done. */
export const recoveryDone = (m: PopoverModel): void => {
  if (m.screen !== 'recovery') return;
  m.recoveryKeyMade = true;
  finish(m, 'saved');
};

/**
 * Time passes: "Noted." and "Nothing saved" close themselves a moment later
 * (also if a lock came in between: nothing unsaved is on screen then) — but
 * only while the person is not using the window (`personHere`: focus on one of
 * its controls, or the pointer over it). A check-in begun after that —
 * something chosen or typed — is not closed by it.
 */
export const timePasses = (m: PopoverModel, personHere: boolean): void => {
  if (!m.autoClose || personHere) return;
  const nothingUnsaved =
    m.screen === 'saved' || m.screen === 'nothing' || m.screen === 'locked' || (m.screen === 'now' && expectedEntry(m.draft) === null);
  if (nothingUnsaved) closeAndForget(m);
};

/** The popover is opened again after it was closed (a fresh start). */
export const reopen = (m: PopoverModel): void => {
  m.screen = m.vault === 'locked' ? 'locked' : 'now';
  m.draft = emptyDraft();
  m.gate = freshGate();
  m.beforeHelp = 'now';
  m.beforeLock = 'now';
  m.finishedBeforeLock = false;
  m.autoClose = false;
  m.hidden = 'now';
  m.wordsKept = false;
  m.keptNotice = false;
};

/** The button a key or click acts on, by what it is for. */
export type ButtonId =
  | 'help'
  | 'close'
  | 'back'
  | 'primary'
  | 'gate-submit'
  | 'gate-cancel'
  | 'gate-toggle'
  | 'recovery-done'
  | 'help-back'
  | 'start-over'
  | 'more'
  | 'other';

/** What activating a button does to the model; 'other' buttons are choice controls (e.g. a "clear choice"). */
export const pressButton = (m: PopoverModel, id: ButtonId): 'choice' | 'done' => {
  switch (id) {
    case 'help':
      openHelp(m);
      break;
    case 'close':
      close(m);
      break;
    case 'back':
      back(m);
      break;
    case 'primary':
      primary(m);
      break;
    case 'gate-submit':
      gateSubmit(m);
      break;
    case 'gate-cancel':
      gateCancel(m);
      break;
    case 'gate-toggle':
      m.gate.useRecovery = !m.gate.useRecovery;
      break;
    case 'recovery-done':
      recoveryDone(m);
      break;
    case 'help-back':
      helpBack(m);
      break;
    case 'start-over':
      startOver(m);
      break;
    case 'more':
      m.moreOpen = !m.moreOpen;
      break;
    case 'other':
      return 'choice';
  }
  return 'done';
};

/** Types text where the caret is, replacing what is selected, as a text field does (clipped to its maxlength). */
export const typeInto = (value: string, start: number, end: number, text: string, max = Infinity): string => {
  const kept = value.slice(0, start) + value.slice(end);
  const room = Math.max(0, max - kept.length);
  return value.slice(0, start) + text.slice(0, room) + value.slice(end);
};
