import type { TimeBlockId } from '../ipc/insights-contract';
import { plural } from './plural';

/**
 * The insights view and the summary export. A picture of what the person
 * noticed, told as plain counts and words: never a rate, a grade, a trend
 * arrow or a comparison with another time. A thin or empty period is named
 * as normal, never as something owed.
 */
const times = (count: number): string => plural(count, { one: 'once', other: '# times' });
const checkIns = (count: number): string => plural(count, { one: 'one check-in', other: '# check-ins' });
const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

export const PERIOD_CHOICES = ['week', 'month', 'quarter', 'all', 'custom'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

export const insightsCopy = {
  heading: 'Insights',
  intro: 'What showed up, when, and what helped — from your own check-ins. Only on this computer.',
  loading: 'Loading…',
  problem: 'Couldn’t load this just now. Nothing was changed.',
  retry: 'Try again',
  locked: 'Your history is locked. Unlock it to see this.',
  /** Before the first check-in: nothing to show yet, which is fine (not a problem to retry). */
  notSetUp: {
    heading: 'Nothing here yet',
    body: 'Insights come from your own check-ins. They show up here once you have saved one.',
    /** What helps here is a check-in, not a retry. */
    action: 'Check in now',
  },

  period: {
    label: 'Period',
    choices: {
      week: 'Last 7 days',
      month: 'Last 30 days',
      quarter: 'Last 3 months',
      all: 'All time',
      custom: 'Choose dates',
    } satisfies Record<PeriodChoice, string>,
    from: 'From',
    to: 'To',
    range: (first: string, last: string) => (first === last ? first : `${first} – ${last}`),
    /**
     * A plain count of what happened, said once, never compared. None at all is not a number to
     * read ("0 check-ins"): the empty state below says it kindly, so this line says nothing then.
     */
    checkIns: (count: number) => (count === 0 ? '' : `${capitalised(checkIns(count))} in this period.`),
  },

  empty: {
    heading: 'Nothing in this period',
    body: 'When you check in, it shows up here. There is no right amount.',
    showAll: 'Show all',
  },
  sparse: {
    heading: 'A few check-ins so far',
    body: 'Patterns take more check-ins to show, so there are no charts for this period yet. Here is what you named. There is no right amount.',
    states: 'What was present',
    needs: 'What you needed',
  },

  /** Columns of the time-of-day chart: the same six-hour blocks the check-ins were sorted into. */
  blocks: { night: 'Night', morning: 'Morning', afternoon: 'Afternoon', evening: 'Evening' } satisfies Record<TimeBlockId, string>,
  blockHours: { night: '0–6', morning: '6–12', afternoon: '12–18', evening: '18–24' } satisfies Record<TimeBlockId, string>,
  /** ISO weekday 1 (Monday) … 7 (Sunday). */
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  weekdaysShort: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],

  when: {
    heading: 'When things showed up',
    intro: 'Check-ins by day of the week and time of day, in the local time where you were.',
    show: 'Show',
    all: 'All check-ins',
    /** "Freeze" → the grid of check-ins where freeze was named. */
    state: (label: string) => label,
    chartTitle: (what: string) => `When: ${what}`,
    chartDesc: (count: number) =>
      count === 0
        ? 'A grid of the days of the week by time of day. No check-ins here in this period.'
        : `A grid of the days of the week by time of day, shaded by how many of ${checkIns(count)} fell there. Darker means more. The same numbers are in the table.`,
    legendFewer: 'Fewer',
    legendMore: 'More',
    none: 'None',
    cell: (weekday: string, block: string, count: number) => `${weekday}, ${block.toLowerCase()}: ${count === 0 ? 'none' : times(count)}`,
  },

  named: {
    heading: 'What you named most',
    intro: 'How often each came up in this period.',
    states: 'What was present',
    needs: 'What you needed',
    noStates: 'No states were named in this period.',
    noNeeds: 'No needs were named in this period.',
    chartTitle: (what: string) => `${what}, most named first`,
    chartDesc: (items: string) => `Bars in order of how often each was named: ${items}. The same numbers are in the table.`,
    item: (label: string, count: number) => `${label}, ${times(count)}`,
    times,
  },

  helped: {
    heading: 'What helped',
    intro: 'Small steps you took, and how you said they went afterwards.',
    /** "when freeze was present" (whatHelpsCopy.whenState) → a heading: "When freeze was present". */
    when: (phrase: string) => capitalised(phrase),
    anyState: 'Whatever was present',
    answers: (count: number) => plural(count, { one: 'One answer', other: '# answers' }),
    /** The mini bar beside each step repeats these words; it is drawn for the eye only. */
    outcomes: {
      helped: (count: number) => `helped ${times(count)}`,
      'a-bit': (count: number) => `a bit ${times(count)}`,
      'not-really': (count: number) => `not really ${times(count)}`,
      'did-not-get-to-it': (count: number) => `didn’t get to it ${times(count)}`,
    },
    /** The outcomes joined with ", " → "Helped 3 times, a bit once". */
    line: (joined: string) => capitalised(joined),
    outcomeKey: { helped: 'Helped', 'a-bit': 'A bit', 'not-really': 'Not really' },
  },

  capacity: {
    heading: 'How manageable it felt',
    intro: 'From “How manageable does this feel?”. A line to look at, not a grade. A gap means no answer then, and that is okay.',
    bucket: {
      day: 'Each point is one day’s answers taken together.',
      week: 'Each point is one week’s answers taken together.',
      month: 'Each point is one month’s answers taken together.',
    },
    none: 'No answers to “How manageable does this feel?” in this period. It is always optional.',
    chartTitle: 'How manageable it felt, over the period',
    chartDesc: (first: string, last: string, answered: number) =>
      `A line from ${first} to ${last}, higher where there was more room. ${capitalised(times(answered))} with an answer; gaps where there was none. The same is in the table.`,
    around: (word: string) => `Around “${word}”`,
    /** Table headings. */
    columns: { when: 'When', felt: 'How it felt', answers: 'Answers' },
    weekOf: (day: string) => `Week of ${day}`,
    noAnswer: 'No answer',
  },

  table: {
    show: 'Show as a table',
    weekday: 'Day',
    item: 'Named',
    count: 'How often',
  },

  summary: {
    heading: 'A summary to share',
    intro:
      'A short page you could bring to a therapist or someone you trust. You choose what goes in. It covers the period chosen at the top.',
    format: 'What to save',
    formats: {
      summary: { label: 'A summary', description: 'A short page to read or print' },
      json: { label: 'All entries as JSON', description: 'Every entry of the period, for other apps' },
      csv: { label: 'All entries as CSV', description: 'Every entry of the period, for a spreadsheet' },
    },
    entriesHint: 'JSON and CSV hold every entry of this period as it is, notes included.',
    parts: 'What to include',
    partLabels: {
      states: 'What was present',
      needs: 'What you needed',
      whatHelped: 'What helped',
      notes: 'Your notes, in your own words',
    },
    notesHint: 'Off unless you choose it.',
    nothingChosen: 'Choose at least one part to include.',
    emptyPeriod: 'There are no check-ins in this period to put in a summary.',
    preview: 'Preview',
    previewing: 'Preparing…',
    previewHeading: 'Preview',
    previewNote: 'This is what the file will hold.',
    previewStale: 'The choices changed. Preview again to see what the file will hold.',
    saveSummary: 'Save this summary…',
    exportEntries: 'Export…',
    confirmHeading: 'Before you save',
    confirm: 'This file is not encrypted. Anyone who opens it can read what it holds.',
    confirmButton: 'I understand — choose where to save',
    cancel: 'Cancel',
    close: 'Close preview',
    saving: 'Saving…',
    saved: (path: string) => `Saved to ${path}`,
    exported: (count: number, path: string) => `Saved ${plural(count, { one: 'one entry', other: '# entries' })} to ${path}`,
    notSaved: 'Nothing was saved.',
  },
} as const;
