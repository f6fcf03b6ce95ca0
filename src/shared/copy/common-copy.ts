/** Words every window uses (and the check-in question). Invite, never instruct; every screen has a way out. */
export const commonCopy = {
  question: 'What do I need right now to feel safe — or to get safe?',
  close: 'Close',
  notNow: 'Not now',
  getHelp: 'Get help now',
  escHint: 'Esc closes',
} as const;
