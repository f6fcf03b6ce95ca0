import { needCopy, stateCopy, stepCopy, summaryCopy } from '../../shared/copy';
import type { Entry } from '../../shared/entry-schema';
import { listOf } from '../../shared/i18n/format-locale';
import { computeInsights, type Insights } from './insights';
import { DAY_MS, MINUTE_MS, TIME_BLOCKS } from './local-time';
import type { WhatHelpedStep } from './what-helped-list';

export { renderSummaryHtml } from './summary-html';

/**
 * The short summary a person may bring to a therapist, as a model (sections
 * of label/value rows) that summary-html.ts renders. Only what the person
 * chose is read at all: a part left out is never computed into the model,
 * so it cannot leak into the file.
 */

export interface SummaryInclude {
  states: boolean;
  needs: boolean;
  whatHelped: boolean;
  /** Notes, needs in their own words, and "what happened instead": all the person's free text. */
  notes: boolean;
}

export interface SummaryOptions {
  /** UTC epoch ms, from ≤ at < to. */
  from: number;
  to: number;
  include: SummaryInclude;
  /** For dates and times (BCP 47, e.g. "en-GB"); the words come from summaryCopy. */
  locale?: string;
  /** The viewer's offset now, to name the period's days (entries use their own). */
  offsetMinutes?: number;
  /** Keeps the summary to one or two printed pages. */
  maxNotes?: number;
  stepsPerState?: number;
}

export interface SummaryRow {
  label: string;
  value: string;
  detail?: string;
  /** The person's own words: shown as written (line breaks kept). */
  ownWords?: boolean;
}

export interface SummaryGroup {
  heading?: string;
  rows: SummaryRow[];
}

export type SummarySectionId = 'states' | 'needs' | 'what-helped' | 'notes';

export interface SummarySection {
  id: SummarySectionId;
  heading: string;
  intro: string;
  groups: SummaryGroup[];
  /** Set when the section has nothing to show (the heading stays, so the choice is visible). */
  empty?: string;
  footnote?: string;
}

export interface SummaryModel {
  lang: string;
  title: string;
  period: string;
  overview: string;
  sections: SummarySection[];
  footer: string;
}

export const DEFAULT_MAX_NOTES = 10;
/** The two steps that went best per state: enough to talk about, short enough to print. */
export const SUMMARY_STEPS_PER_STATE = 2;
/** A note longer than this is shortened (with "…") so the summary stays short; the vault keeps it whole. */
export const NOTE_CHARS = 280;

/** An unknown locale tag falls back to English dates rather than failing the export. */
const formatter = (locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  } catch (error) {
    if (error instanceof RangeError) return new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' });
    throw error;
  }
};

const dayFromKey = (key: string): Date => new Date(`${key}T00:00:00Z`);

/** "Mostly in the evening" only when one part of the day holds at least half of a state's (three or more) check-ins. */
const mostlyWhen = (cells: number[][], total: number): string | undefined => {
  if (total < 3) return undefined;
  const byBlock = TIME_BLOCKS.map((_, column) => cells.reduce((sum, row) => sum + (row[column] ?? 0), 0));
  const top = Math.max(...byBlock);
  const block = TIME_BLOCKS[byBlock.indexOf(top)];
  return block && top * 2 >= total ? summaryCopy.mostly[block] : undefined;
};

const statesSection = (insights: Insights): SummarySection => {
  const { heading, intro, empty } = summaryCopy.sections.states;
  const rows = insights.statesNamed.map(({ state, count }) => {
    const cells = insights.statesWhen.byState.find((row) => row.state === state)?.cells ?? [];
    const detail = mostlyWhen(cells, count);
    return { label: stateCopy[state].label, value: summaryCopy.times(count), ...(detail ? { detail } : {}) };
  });
  return { id: 'states', heading, intro, groups: rows.length ? [{ rows }] : [], ...(rows.length ? {} : { empty }) };
};

const needsSection = (insights: Insights): SummarySection => {
  const { heading, intro, empty } = summaryCopy.sections.needs;
  const rows = insights.needsNamed.map(({ need, count }) => ({ label: needCopy[need].label, value: summaryCopy.times(count) }));
  return { id: 'needs', heading, intro, groups: rows.length ? [{ rows }] : [], ...(rows.length ? {} : { empty }) };
};

const stepRow = (step: WhatHelpedStep): SummaryRow => {
  const parts = (['helped', 'a-bit', 'not-really', 'did-not-get-to-it'] as const)
    .filter((outcome) => step.counts[outcome] > 0)
    .map((outcome) => summaryCopy.outcomes[outcome](step.counts[outcome]));
  const value = summaryCopy.outcomeLine(listOf(parts));
  if (step.stepId === null) return { label: step.ownText ?? '', value, detail: summaryCopy.ownStep, ownWords: true };
  return { label: stepCopy[step.stepId] ?? step.stepId, value };
};

const whatHelpedSection = (insights: Insights): SummarySection => {
  const { heading, intro, empty, overallGroup } = summaryCopy.sections.whatHelped;
  const groups: SummaryGroup[] = insights.whatHelped.map(({ state, steps }) => ({
    heading: stateCopy[state].label,
    rows: steps.map(stepRow),
  }));
  // Check-ins that named no state still say what helped; show them together when no state has any.
  if (groups.length === 0 && insights.whatHelpedOverall.length > 0)
    groups.push({ heading: overallGroup, rows: insights.whatHelpedOverall.map(stepRow) });
  return { id: 'what-helped', heading, intro, groups, ...(groups.length ? {} : { empty }) };
};

interface OwnWords {
  at: number;
  offsetMinutes: number;
  kind: keyof typeof summaryCopy.noteKinds;
  text: string;
}

const shorten = (text: string): string => {
  const trimmed = text.trim();
  return trimmed.length <= NOTE_CHARS ? trimmed : `${trimmed.slice(0, NOTE_CHARS - 1).trimEnd()}…`;
};

const notesSection = (entries: readonly Entry[], options: SummaryOptions): SummarySection => {
  const { heading, intro, empty, newestOf } = summaryCopy.sections.notes;
  const inPeriod = (at: number) => at >= options.from && at < options.to;
  const checkInIds = new Set(entries.filter((e) => e.kind === 'check-in').map((e) => e.id));
  const words: OwnWords[] = [];
  for (const entry of entries) {
    if (!inPeriod(entry.at)) continue;
    const base = { at: entry.at, offsetMinutes: entry.offsetMinutes };
    if (entry.kind === 'check-in') {
      if (entry.data.note?.trim()) words.push({ ...base, kind: 'note', text: entry.data.note });
      if (entry.data.needText?.trim()) words.push({ ...base, kind: 'needText', text: entry.data.needText });
    } else if (entry.data.instead?.trim() && checkInIds.has(entry.data.checkInId)) {
      words.push({ ...base, kind: 'instead', text: entry.data.instead });
    }
  }
  const max = options.maxNotes ?? DEFAULT_MAX_NOTES;
  const shown = words
    .sort((a, b) => b.at - a.at)
    .slice(0, max)
    .reverse();
  const when = formatter(options.locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const rows = shown.map((w) => ({
    label: when.format(new Date(w.at + w.offsetMinutes * MINUTE_MS)),
    value: shorten(w.text),
    detail: summaryCopy.noteKinds[w.kind],
    ownWords: true,
  }));
  return {
    id: 'notes',
    heading,
    intro,
    groups: rows.length ? [{ rows }] : [],
    ...(rows.length ? {} : { empty }),
    ...(words.length > shown.length ? { footnote: newestOf(shown.length, words.length) } : {}),
  };
};

/** Pure: entries (deleted ones already gone) → the summary the person chose, for one period. */
export const buildTherapistSummary = (entries: readonly Entry[], options: SummaryOptions): SummaryModel => {
  const { include } = options;
  const insights = computeInsights(entries, {
    from: options.from,
    to: options.to,
    now: options.to,
    stepsPerState: options.stepsPerState ?? SUMMARY_STEPS_PER_STATE,
    ...(options.offsetMinutes === undefined ? {} : { offsetMinutes: options.offsetMinutes }),
  });
  const day = formatter(options.locale, { day: 'numeric', month: 'long', year: 'numeric' });
  const sections: SummarySection[] = [];
  if (include.states) sections.push(statesSection(insights));
  if (include.needs) sections.push(needsSection(insights));
  if (include.whatHelped) sections.push(whatHelpedSection(insights));
  if (include.notes) sections.push(notesSection(entries, options));
  return {
    lang: summaryCopy.lang,
    title: summaryCopy.title,
    period: summaryCopy.period(day.format(dayFromKey(insights.period.firstDay)), day.format(dayFromKey(insights.period.lastDay))),
    overview: summaryCopy.overview(insights.totals.checkIns),
    sections,
    footer: summaryCopy.footer,
  };
};

/** For callers naming a period in local days: the UTC instants of [first day 00:00, day after last 00:00) at an offset. */
export const periodOfLocalDays = (firstDay: string, lastDay: string, offsetMinutes: number): { from: number; to: number } => ({
  from: dayFromKey(firstDay).getTime() - offsetMinutes * MINUTE_MS,
  to: dayFromKey(lastDay).getTime() + DAY_MS - offsetMinutes * MINUTE_MS,
});
