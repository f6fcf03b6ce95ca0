import { plural } from './plural';

/**
 * Words for the summary a person may bring to a therapist. Written in the
 * person's own voice ("what I needed"), as a plain record: counts, never a
 * rate, a grade or a comparison with another time. Notes appear only when the
 * person chose to include them, exactly as they wrote them.
 */
const times = (count: number): string => plural(count, { one: 'once', other: '# times' });

export const summaryCopy = {
  /** The language of these words (the summary's lang attribute). */
  lang: 'en',
  title: 'My check-ins with Attune',
  period: (first: string, last: string) => (first === last ? first : `${first} – ${last}`),
  overview: (checkIns: number) =>
    checkIns === 0
      ? 'No check-ins in this period.'
      : plural(checkIns, { one: 'One check-in in this period.', other: '# check-ins in this period.' }),
  sections: {
    states: {
      heading: 'What was present',
      intro: 'Protective responses I noticed, and how often.',
      empty: 'No states were named in this period.',
    },
    needs: {
      heading: 'What I needed',
      intro: 'The needs I named most.',
      empty: 'No needs were named in this period.',
    },
    whatHelped: {
      heading: 'What helped',
      intro: 'Small steps I took, and how I said they went afterwards.',
      empty: 'No answers about small steps in this period.',
      overallGroup: 'Any state',
    },
    notes: {
      heading: 'My notes',
      intro: 'In my own words.',
      empty: 'No notes in this period.',
      newestOf: (shown: number, total: number) =>
        `${plural(shown, { one: 'The most recent', other: 'The # most recent' })} of ${plural(total, { one: '# note', other: '# notes' })}.`,
    },
  },
  times,
  /** "Mostly in the evening": said only when one part of the day clearly stands out. */
  mostly: {
    night: 'Mostly at night',
    morning: 'Mostly in the morning',
    afternoon: 'Mostly in the afternoon',
    evening: 'Mostly in the evening',
  },
  outcomes: {
    helped: (count: number) => `helped ${times(count)}`,
    'a-bit': (count: number) => `a bit ${times(count)}`,
    'not-really': (count: number) => `not really ${times(count)}`,
    'did-not-get-to-it': (count: number) => `didn’t get to it ${times(count)}`,
  },
  /** Joins the outcome phrases into one line, e.g. "Helped 3 times, a bit once". */
  outcomeLine: (parts: string) => (parts === '' ? '' : `${parts.charAt(0).toUpperCase()}${parts.slice(1)}`),
  ownStep: 'My own step',
  noteKinds: {
    note: 'Note',
    needText: 'What I needed, in my words',
    instead: 'What happened instead',
  },
  footer: 'Made with Attune, a tool for everyday self-support. It is a personal record, not a diagnosis or an assessment.',
} as const;
