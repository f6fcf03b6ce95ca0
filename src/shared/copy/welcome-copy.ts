/** First run: what Attune is and is not, privacy, and nothing switched on behind the person's back. */
export const welcomeCopy = {
  stepOf: (current: number, total: number) => `${current} of ${total}`,
  skip: 'Skip',
  next: 'Continue',
  back: 'Back',
  done: 'Done',
  about: {
    heading: 'Welcome to Attune',
    body: [
      'Attune helps you pause for a moment and ask: what do I need right now to feel safe — or to get safe?',
      'Then, if you like, take one small step. Every question can be skipped.',
    ],
    notEmergency:
      'Attune is not an emergency service. If you might act on thoughts of harming yourself or you are in danger, call your local emergency number or a crisis line now.',
  },
  privacy: {
    heading: 'Your history stays private',
    later: 'Set this up later',
  },
  ways: {
    heading: 'Ways in',
    shortcut: (keys: string) => `Press ${keys} anywhere to check in. You can change this in Settings.`,
    tray: 'Or use the Attune icon in the menu bar or tray.',
    pauses: 'Offer a short pause now and then during the day',
    pausesHint: 'Off unless you turn it on. You choose the times in Settings.',
  },
  /** One sentence, plus the shortcut only when it really works (`withShortcut`). */
  noTray: (withShortcut: boolean) =>
    `This desktop does not show tray icons, so Attune opens this window instead.${withShortcut ? ' The shortcut still works.' : ''}`,
} as const;
