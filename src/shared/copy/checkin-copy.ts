import type { DriverId, NeedId, OutcomeId, StateId } from '../entry-schema';

/**
 * The check-in's words. States are named as protective responses, neutrally;
 * needs and steps are small and concrete; every screen has a way out.
 */
export const stateCopy: Record<StateId, { label: string; description: string }> = {
  fight: { label: 'Fight', description: 'Ready to push back, argue or defend' },
  flight: { label: 'Flight', description: 'Wanting to get away or keep busy' },
  freeze: { label: 'Freeze', description: 'Everything slows down or shuts off' },
  fawn: { label: 'Fawn', description: 'Going along to keep the peace' },
  withdrawal: { label: 'Withdrawal', description: 'Pulling away; shame or guilt' },
  settled: { label: 'Settled', description: 'Steady enough to look around' },
  'not-sure': { label: 'Not sure', description: 'Hard to tell — that’s okay' },
};

export const driverCopy: Record<DriverId, { label: string; description: string }> = {
  reacting: { label: 'Reacting first', description: 'Act, then notice' },
  observing: { label: 'Observing first', description: 'Notice, then respond' },
};

/** A five-step scale in words, not numbers or faces: capacity, not mood. */
export const capacityCopy: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: 'Too much right now',
  2: 'Hard',
  3: 'In between',
  4: 'Manageable',
  5: 'Plenty of room',
};

export const needCopy: Record<NeedId, { label: string; description: string }> = {
  safety: { label: 'Safety', description: 'To feel safer where I am' },
  rest: { label: 'Rest', description: 'To stop for a while' },
  space: { label: 'Space or a boundary', description: 'Room, or a clear no' },
  connection: { label: 'Connection', description: 'Someone safe, near or in touch' },
  movement: { label: 'Movement', description: 'To move my body' },
  'food-water': { label: 'Food or water', description: 'Something to eat or drink' },
  comfort: { label: 'Comfort', description: 'Something soothing' },
  quiet: { label: 'Quiet', description: 'Less noise, less input' },
  help: { label: 'Help from someone', description: 'To ask for support' },
  'something-else': { label: 'Something else', description: 'In my own words' },
};

export const outcomeCopy: Record<OutcomeId, string> = {
  helped: 'It helped',
  'a-bit': 'A bit',
  'not-really': 'Not really',
  'did-not-get-to-it': 'Didn’t get to it',
};

export const checkInCopy = {
  steps: { now: 'Right now', need: 'What I need', step: 'One small step' },
  stepOf: (current: number, total: number) => `Step ${current} of ${total}`,
  now: {
    heading: 'What is here right now?',
    hint: 'Choose any that fit. Or skip.',
    statesLabel: 'What is present',
    driverLabel: 'Who’s driving? (optional)',
    driverHint: 'Under stress we often act first and notice later. Neither is wrong.',
    capacityLabel: 'How manageable does this feel? (optional)',
    more: 'Two more questions (optional)',
  },
  need: {
    heading: 'What do I need right now to feel safe — or to get safe?',
    hint: 'Choose any that fit.',
    needsLabel: 'Needs',
    ownWords: 'In my own words (optional)',
  },
  step: {
    heading: 'One small step',
    hint: 'Something small you could do in the next few minutes. Not ready is okay too.',
    stepsLabel: 'Small steps',
    ownStep: 'My own step',
    ownStepPlaceholder: 'Write your own step',
    note: 'A note for yourself (optional)',
  },
  actions: {
    next: 'Continue',
    back: 'Back',
    skip: 'Skip',
    save: 'Save',
    saving: 'Saving…',
    close: 'Close',
    retry: 'Try again',
  },
  saved: {
    heading: 'Noted.',
    body: 'You can close this now.',
  },
  nothingToSave: {
    heading: 'Nothing saved — that’s okay.',
    body: 'You can close this now.',
  },
  saveProblem: 'Couldn’t save just now — your entry is kept in this window.',
  followUp: {
    heading: 'Did that help?',
    earlier: (time: string) => `Earlier, at ${time}, you chose a small step:`,
    outcomesLabel: 'How it went',
    instead: 'What happened instead? (optional)',
    notNow: 'Not now',
    save: 'Save',
    saved: 'Noted.',
    /** After "A bit" or "Not really": another step, now, with the earlier answers filled in. */
    offer: 'Want to try another small step now?',
    offerHint: 'Your answers from before are filled in. The step you tried is last in the list.',
    tryAnother: 'Try another small step now',
    /** The small card on the first screen: the question waits there, it never stands in the way. */
    card: {
      label: 'An earlier small step',
      answer: 'Did that help?',
      notNow: 'Not now',
      notNowLabel: 'Not now: ask about this step another time',
    },
  },
  escHint: 'Esc closes',
  /** After Esc or Close with words typed: they were kept, and can be let go. */
  kept: { text: 'Your words from before are still here.', startOver: 'Start over' },
  /** Undoes the answer to an optional one-choice question; the label names the question. */
  clearChoice: { text: 'Clear', label: (question: string) => `Clear: ${question}` },
} as const;

/** The built-in small steps' words, by id (the catalogue in src/shared/steps holds what each serves). */
export const stepCopy: Record<string, string> = {
  'name-five-things': 'Look around and name five things you can see',
  'feet-on-floor': 'Feel your feet on the floor for a few seconds',
  'check-the-exits': 'Notice where the door is and that you can leave',
  'say-struggling': 'Say to yourself: “I’m struggling right now”',
  'rest-without-explaining': 'Rest for five minutes without explaining why',
  'step-away-screen': 'Step away from the screen for two minutes',
  'message-someone-safe': 'Send one message to someone safe',
  'ask-for-one-thing': 'Ask one person for one specific thing',
  'one-small-no': 'Say one small “no”, or “let me get back to you”',
  'close-the-door': 'Close a door, or put on headphones',
  'stretch-or-shake': 'Stretch, or shake out your hands and arms',
  'short-walk': 'Walk to another room and back',
  'drink-water': 'Get a glass of water',
  'small-snack': 'Eat something small',
  'warm-something': 'Hold something warm, or wrap up in something soft',
  'lower-the-input': 'Turn one thing off: a sound, a tab, a notification',
  'look-at-something-neutral': 'Rest your eyes on something plain and neutral',
  'write-one-line': 'Write one line about what you need',
  'notice-what-is-okay': 'Notice one thing that is okay right now',
};
