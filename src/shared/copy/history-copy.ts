import { live } from '../i18n/messages';

/**
 * The history view: a record for the person, never a score. Words:
 * messages/<locale>/history.json. On damage found at opening (a cut-off last
 * line after a crash, or changed bytes) it says so calmly, once; before the
 * first check-in there is nothing to unlock, and that is fine.
 */
export const historyCopy = /* @__PURE__ */ live('history', (m) => ({
  /** A follow-up's answer, with what happened instead in the person's own words: "A bit — ‘he did not answer’". */
  followUpAnswer: (outcome: string, instead?: string) => (instead ? m.followUpAnswerInstead({ outcome, instead }) : outcome),
  deleteLabel: (time: string) => m.deleteLabel({ time }),
  /** One whole sentence per case: with a copy set aside in the “recovered” folder, or without. */
  damaged: (setAside: number) => (setAside > 0 ? m.damaged.setAside : m.damaged.intact),
}));

/** The app window's navigation. Words: messages/<locale>/app-window.json. */
export const appWindowCopy = /* @__PURE__ */ live('appWindow');
