/** The history view: a record for the person, never a score. */
export const historyCopy = {
  heading: 'History',
  intro: 'Your check-ins, newest first. Only on this computer.',
  filters: {
    label: 'Filter',
    from: 'From',
    to: 'To',
    state: 'State',
    anyState: 'Any state',
    clear: 'Clear filters',
  },
  empty: {
    heading: 'Nothing here yet',
    body: 'When you check in, it shows up here — only on this computer. There is no right amount.',
    action: 'Check in now',
  },
  noMatches: 'No check-ins match these filters.',
  labels: {
    states: 'Present',
    driver: 'Driving',
    capacity: 'Manageable',
    needs: 'Needed',
    step: 'Small step',
    note: 'Note',
    followUp: 'Did it help',
  },
  /** A follow-up's answer, with what happened instead in the person's own words: "A bit — ‘he did not answer’". */
  followUpAnswer: (outcome: string, instead?: string) => (instead ? `${outcome} — ‘${instead}’` : outcome),
  delete: 'Delete',
  deleteLabel: (time: string) => `Delete the check-in at ${time}`,
  deleted: 'Check-in deleted.',
  undo: 'Undo',
  loadMore: 'Show earlier',
  loading: 'Loading…',
  problem: 'Couldn’t load your history just now. Nothing was changed.',
  retry: 'Try again',
  locked: 'Your history is locked.',
  /** Before the first check-in there is nothing to unlock: no history yet, and that is fine. */
  notSetUp: {
    heading: 'No history yet',
    body: 'Your history starts with your first check-in. Attune sets it up then — private, and only on this computer.',
  },
  /** When opening found damage (a cut-off last line after a crash, or changed bytes): say it calmly, once. */
  damaged: (setAside: number) =>
    setAside > 0
      ? `Part of your history could not be read, so it was set aside in a “recovered” folder beside it, still encrypted. Everything shown here is intact.`
      : 'Part of your history could not be read. Everything shown here is intact.',
  /**
   * Part of the saved history (the snapshot) could not be read. Attune leaves
   * it as it is until the person chooses to go on with what is left.
   */
  /** The history on disk is older than the last one Attune saw (problem 'older-history'); nothing is open until the person chooses. */
  olderHistory: {
    heading: 'This history looks older than the last one Attune saw',
    body: 'It may be a copy from a backup or another computer, so check-ins saved later may not be in it. Attune has not opened it or changed anything.',
    deleted: 'Check-ins you deleted stay deleted, whichever you choose.',
    keepLookingHint: 'Keep looking locks Attune and leaves every file as it is. You can put the newer copy back, then unlock again.',
    keepLooking: 'Keep looking',
    openAnyway: 'Open it anyway',
    working: 'Opening…',
    problem: 'Couldn’t do that just now. Nothing was changed. Try again when you like.',
  },
  snapshotDamage: {
    heading: 'Some earlier check-ins could not be read',
    body: 'Part of the file that holds your earlier check-ins is damaged or cut short. A copy of it is kept, still encrypted, in the “recovered” folder. Everything shown here is intact.',
    waiting: 'Attune leaves the damaged file as it is until you choose. You can keep using Attune meanwhile.',
    choose: 'Keep what’s left and go on…',
    confirmHeading: 'Keep what’s left and go on?',
    confirmLost: 'The check-ins that could not be read cannot come back from this copy of your history.',
    confirmKept:
      'A copy of the damaged file stays in the “recovered” folder, still encrypted. You can delete it later in Settings › Privacy.',
    confirm: 'Yes, go on with what’s left',
    cancel: 'Not now',
    working: 'Going on…',
    accepted: 'Done. Your history goes on from what could be read. The copy of the damaged file is still in the “recovered” folder.',
    problem: 'Couldn’t do that just now. Nothing was changed. Try again when you like.',
  },
} as const;

export const appWindowCopy = {
  nav: 'Sections',
  locked: 'Locked',
  /** While locked and on an open section (help): back to the lock screen. */
  unlock: 'Unlock',
  sections: { history: 'History', insights: 'Insights', settings: 'Settings', help: 'Get help now' },
} as const;
