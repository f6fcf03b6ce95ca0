import { live, liveGroup } from '../i18n/messages';
import type { TimeBlockId } from '../ipc/insights-contract';

/** “helped once” → “Helped once”: the first letter of a line made from lower-case phrases. */
const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

export const PERIOD_CHOICES = ['week', 'month', 'quarter', 'all', 'custom'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

type Outcome = 'helped' | 'a-bit' | 'not-really' | 'did-not-get-to-it';

/** Groups are live views of their own: a component that keeps one in a variable still follows a language switch. */
const messages = /* @__PURE__ */ live('insights');

const period = /* @__PURE__ */ liveGroup(
  () => messages.period,
  (m) => ({
    range: (first: string, last: string) => (first === last ? first : m.range({ first, last })),
    /**
     * A plain count of what happened, said once, never compared. None at all is not a number to
     * read ("0 check-ins"): the empty state says it kindly, so this line says nothing then.
     */
    checkIns: (count: number) => (count === 0 ? '' : m.checkIns({ count })),
  }),
);

const when = /* @__PURE__ */ liveGroup(
  () => messages.when,
  (m) => ({
    /** "Freeze" → the grid of check-ins where freeze was named. */
    state: (label: string) => label,
    chartTitle: (what: string) => m.chartTitle({ what }),
    chartDesc: (count: number) => (count === 0 ? m.chartDescNone : m.chartDesc({ count })),
    /** `block` is a column's label (insightsCopy.blocks); inside the sentence it takes its in-sentence form. */
    cell: (weekday: string, block: string, count: number) => {
      const id = (Object.keys(messages.blocks) as TimeBlockId[]).find((key) => messages.blocks[key] === block);
      const inSentence = id ? m.cellBlocks[id] : block;
      return count === 0 ? m.cellNone({ weekday, block: inSentence }) : m.cell({ weekday, block: inSentence, count });
    },
  }),
);

const named = /* @__PURE__ */ liveGroup(
  () => messages.named,
  (m) => ({
    chartTitle: (what: string) => m.chartTitle({ what }),
    chartDesc: (items: string) => m.chartDesc({ items }),
    item: (label: string, count: number) => m.item({ label, count }),
    times: (count: number) => m.times({ count }),
  }),
);

const helped = /* @__PURE__ */ liveGroup(
  () => messages.helped,
  (m) => ({
    /** "when freeze was present" (whatHelpsCopy.whenState) → a heading: "When freeze was present". */
    when: (phrase: string) => capitalised(phrase),
    answers: (count: number) => m.answers({ count }),
    /** The mini bar beside each step repeats these words; it is drawn for the eye only. */
    outcomes: {
      helped: (count: number) => m.outcomes.helped({ count }),
      'a-bit': (count: number) => m.outcomes['a-bit']({ count }),
      'not-really': (count: number) => m.outcomes['not-really']({ count }),
      'did-not-get-to-it': (count: number) => m.outcomes['did-not-get-to-it']({ count }),
    } satisfies Record<Outcome, (count: number) => string>,
    /** The outcomes joined with ", " → "Helped 3 times, a bit once". */
    line: (joined: string) => capitalised(joined),
  }),
);

const capacity = /* @__PURE__ */ liveGroup(
  () => messages.capacity,
  (m) => ({
    chartDesc: (first: string, last: string, answered: number) => m.chartDesc({ first, last, count: answered }),
    around: (word: string) => m.around({ word }),
    weekOf: (day: string) => m.weekOf({ day }),
  }),
);

const summary = /* @__PURE__ */ liveGroup(
  () => messages.summary,
  (m) => ({
    saved: (path: string) => m.saved({ path }),
    exported: (count: number, path: string) => m.exported({ count, path }),
  }),
);

/**
 * The insights view and the summary export. A picture of what the person
 * noticed, told as plain counts and words: never a rate, a grade, a trend
 * arrow or a comparison with another time. A thin or empty period is named
 * as normal, never as something owed. Words: messages/<locale>/insights.json.
 */
export const insightsCopy = /* @__PURE__ */ live('insights', () => ({ period, when, named, helped, capacity, summary }));
