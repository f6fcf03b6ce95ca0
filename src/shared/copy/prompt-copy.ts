/** The check-in prompt. Invite, never instruct; every screen has a way out. */
export const promptCopy = {
  question: 'What do I need right now to feel safe — or to get safe?',
  close: 'Close',
  notNow: 'Not now',
  getHelp: 'Get help now',
  escHint: 'Esc closes',
} as const;
