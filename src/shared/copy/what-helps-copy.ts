import { live } from '../i18n/messages';

/**
 * Words for the personal "what helps me" map. Counts are told as the person's
 * own record ("helped you 4 of 5 times"), never as a rate, a grade or a
 * comparison; a thin history is named as normal, not as something owed.
 * Words: messages/<locale>/what-helps.json.
 *
 * `whenState` finishes "Helped you 4 of 5 times …", naming the state the way
 * the check-in does ("What is present"); each sentence of `explain` takes it
 * as a value, so a translation places it where its word order wants it.
 */
export const whatHelpsCopy = /* @__PURE__ */ live('whatHelps', (m) => ({
  /**
   * "Helped you 4 of 5 times when freeze was present." `helped` counts "it helped" and
   * "a bit" together; `atLeastABit` says so when any of them were "a bit".
   * One whole sentence per case, with and without `when`.
   */
  explain: (helped: number, of: number, when = '', atLeastABit = false): string => {
    const says = atLeastABit ? m.explain.atLeastABit : m.explain.helped;
    if (helped !== of) return when ? says.partialWhen({ helped, count: of, when }) : says.partial({ helped, count: of });
    if (of === 1) return when ? says.onceWhen({ when }) : says.once;
    if (of === 2) return when ? says.bothWhen({ when }) : says.both;
    return when ? says.eachWhen({ count: of, when }) : says.each({ count: of });
  },
  /** For a table row in insights: plain counts per answer. */
  countLabel: {
    helped: (count: number) => m.countLabel.helped({ count }),
    'a-bit': (count: number) => m.countLabel.aBit({ count }),
    'not-really': (count: number) => m.countLabel.notReally({ count }),
    'did-not-get-to-it': (count: number) => m.countLabel.didNotGetToIt({ count }),
    'no-follow-up': (count: number) => m.countLabel.noFollowUp({ count }),
  },
}));
