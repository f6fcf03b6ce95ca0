import { currentLocale, live } from '../i18n/messages';

/**
 * Words for the summary a person may bring to a therapist. Written in the
 * person's own voice ("what I needed"), as a plain record: counts, never a
 * rate, a grade or a comparison with another time. Notes appear only when the
 * person chose to include them, exactly as they wrote them. Words:
 * messages/<locale>/summary.json.
 */
export const summaryCopy = /* @__PURE__ */ live('summary', (m) => ({
  /** The language of these words (the summary's lang attribute). */
  lang: currentLocale(),
  period: (first: string, last: string) => (first === last ? first : m.period({ first, last })),
  overview: (checkIns: number) => (checkIns === 0 ? m.overviewNone : m.overview({ count: checkIns })),
  sections: {
    ...m.sections,
    notes: {
      ...m.sections.notes,
      /** A whole sentence per case: one note shown ("The most recent of 5 notes.") or several. */
      newestOf: (shown: number, total: number) =>
        shown === 1 ? m.sections.notes.newestOfOne({ count: total }) : m.sections.notes.newestOf({ shown, count: total }),
    },
  },
  times: (count: number) => m.times({ count }),
  outcomes: {
    helped: (count: number) => m.outcomes.helped({ count }),
    'a-bit': (count: number) => m.outcomes['a-bit']({ count }),
    'not-really': (count: number) => m.outcomes['not-really']({ count }),
    'did-not-get-to-it': (count: number) => m.outcomes['did-not-get-to-it']({ count }),
  },
  /** Joins the outcome phrases into one line, e.g. "Helped 3 times, a bit once". */
  outcomeLine: (parts: string) => (parts === '' ? '' : `${parts.charAt(0).toUpperCase()}${parts.slice(1)}`),
}));
