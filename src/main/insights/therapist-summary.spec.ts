import { describe, expect, test } from 'vitest';

import { needCopy, stateCopy, stepCopy, summaryCopy } from '../../shared/copy';
import type { Entry } from '../../shared/entry-schema';
import { escapeHtml } from './summary-html';
import { checkIn, DAY, followUp, HOUR, MIN, T0, tried } from './testing/entry-builders';
import { generateHistory } from './testing/history-generator';
import {
  buildTherapistSummary,
  DEFAULT_MAX_NOTES,
  NOTE_CHARS,
  periodOfLocalDays,
  renderSummaryHtml,
  type SummaryInclude,
} from './therapist-summary';

const ALL: SummaryInclude = { states: true, needs: true, whatHelped: true, notes: true };
const NONE: SummaryInclude = { states: false, needs: false, whatHelped: false, notes: false };
const PERIOD = { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 3, 1), locale: 'en-GB', offsetMinutes: 0 };
const MARK = 'ZQXJ-private-marker';

const history: Entry[] = [
  ...tried(1, T0, { states: ['freeze'], needs: ['safety'], step: { id: 'drink-water', text: 'w' }, note: `note ${MARK}-note` }, 'helped'),
  ...tried(2, T0 + DAY, { states: ['freeze'], needs: ['safety'], step: { id: 'drink-water', text: 'w' } }, 'a-bit'),
  ...tried(
    3,
    T0 + 2 * DAY,
    { states: ['fawn'], needs: ['something-else'], needText: `own need ${MARK}-need`, step: { text: `Make tea ${MARK}-step` } },
    'not-really',
  ),
  checkIn('check00004', T0 + 3 * DAY, { states: ['fawn'], needs: ['space'] }),
  followUp('answer0099', 'check00004', T0 + 3 * DAY + 30 * MIN, 'did-not-get-to-it', `instead ${MARK}-instead`),
];

const html = (include: SummaryInclude, entries: readonly Entry[] = history) =>
  renderSummaryHtml(buildTherapistSummary(entries, { ...PERIOD, include }));

describe('buildTherapistSummary: only what was chosen', () => {
  test('nothing chosen: the frame only (title, period, how many check-ins)', () => {
    const model = buildTherapistSummary(history, { ...PERIOD, include: NONE });
    expect(model.sections).toEqual([]);
    expect(model.title).toBe(summaryCopy.title);
    expect(model.period).toBe('1 March 2026 – 31 March 2026');
    expect(model.overview).toBe(summaryCopy.overview(4));
  });

  test('notes left out: none of the person’s free text appears anywhere (note, own need words, "instead")', () => {
    const out = html({ ...ALL, notes: false });
    expect(out).not.toContain(`${MARK}-note`);
    expect(out).not.toContain(`${MARK}-need`);
    expect(out).not.toContain(`${MARK}-instead`);
    expect(out).toContain(`${MARK}-step`); // an own step is part of "what helped", which was chosen
  });

  test('notes chosen: all three kinds appear, labelled', () => {
    const out = html({ ...NONE, notes: true });
    for (const kind of ['note', 'need', 'instead']) expect(out).toContain(`${MARK}-${kind}`);
    expect(out).toContain(escapeHtml(summaryCopy.noteKinds.instead));
    expect(out).not.toContain(`${MARK}-step`);
  });

  test('states, needs and what helped each appear only when chosen', () => {
    const none = html(NONE);
    for (const label of [stateCopy.freeze.label, needCopy.safety.label, escapeHtml(stepCopy['drink-water'] as string), MARK])
      expect(none).not.toContain(label);
    expect(html({ ...NONE, states: true })).toContain(`>${stateCopy.freeze.label}<`);
    expect(html({ ...NONE, states: true })).not.toContain(needCopy.safety.label);
    expect(html({ ...NONE, needs: true })).toContain(`>${needCopy.safety.label}<`);
    expect(html({ ...NONE, needs: true })).not.toContain(`>${stateCopy.freeze.label}<`);
    expect(html({ ...NONE, whatHelped: true })).toContain(escapeHtml(stepCopy['drink-water'] as string));
  });

  test('states and needs sit side by side only when both are chosen', () => {
    expect(html(ALL)).toContain('<div class="pair"><section aria-labelledby="section-states">');
    expect(html({ ...NONE, states: true })).not.toContain('class="pair"');
  });

  test('what helped: plain counts per state, own steps marked as the person’s', () => {
    const model = buildTherapistSummary(history, { ...PERIOD, include: { ...NONE, whatHelped: true } });
    const groups = model.sections[0]?.groups ?? [];
    expect(groups.map((g) => g.heading)).toEqual([stateCopy.freeze.label, stateCopy.fawn.label]);
    expect(groups[0]?.rows[0]).toEqual({ label: stepCopy['drink-water'], value: 'Helped once and a bit once' });
    expect(groups[1]?.rows[0]).toMatchObject({
      label: `Make tea ${MARK}-step`,
      value: 'Not really once',
      detail: summaryCopy.ownStep,
      ownWords: true,
    });
  });

  test('"mostly in the evening" only when one part of the day clearly stands out', () => {
    const evenings = [0, 1, 2].map((d) => checkIn(`even0000${d}`, Date.UTC(2026, 2, 3 + d, 20), { states: ['withdrawal'] }));
    const spread = [7, 13, 20].map((h) => checkIn(`spread0${h}`, Date.UTC(2026, 2, 10, h), { states: ['flight'] }));
    const rows = buildTherapistSummary([...evenings, ...spread], { ...PERIOD, include: { ...NONE, states: true } }).sections[0]?.groups[0]
      ?.rows;
    expect(rows).toEqual([
      { label: stateCopy.flight.label, value: '3 times' },
      { label: stateCopy.withdrawal.label, value: '3 times', detail: summaryCopy.mostly.evening },
    ]);
  });

  test('a chosen part with nothing in the period says so instead of vanishing', () => {
    const model = buildTherapistSummary([], { ...PERIOD, include: ALL });
    expect(model.sections.map((s) => [s.id, s.empty])).toEqual([
      ['states', summaryCopy.sections.states.empty],
      ['needs', summaryCopy.sections.needs.empty],
      ['what-helped', summaryCopy.sections.whatHelped.empty],
      ['notes', summaryCopy.sections.notes.empty],
    ]);
  });

  test('notes: the most recent few, oldest first, long ones shortened, with a line saying so', () => {
    const many = Array.from({ length: DEFAULT_MAX_NOTES + 3 }, (_, i) =>
      checkIn(`note${String(i).padStart(6, '0')}`, T0 + i * HOUR, { note: `n${i} ${'x'.repeat(i === DEFAULT_MAX_NOTES + 2 ? 600 : 3)}` }),
    );
    const section = buildTherapistSummary(many, { ...PERIOD, include: { ...NONE, notes: true } }).sections[0];
    const rows = section?.groups[0]?.rows ?? [];
    expect(rows).toHaveLength(DEFAULT_MAX_NOTES);
    expect(rows[0]?.value).toMatch(/^n3 /);
    expect(rows.at(-1)?.value).toHaveLength(NOTE_CHARS);
    expect(rows.at(-1)?.value.endsWith('…')).toBe(true);
    expect(section?.footnote).toBe(summaryCopy.sections.notes.newestOf(DEFAULT_MAX_NOTES, DEFAULT_MAX_NOTES + 3));
  });

  test('note times are the local time where they were written', () => {
    const rows = buildTherapistSummary([checkIn('tz00000001', Date.UTC(2026, 2, 2, 22, 30), { note: 'late' }, -300)], {
      ...PERIOD,
      include: { ...NONE, notes: true },
    }).sections[0]?.groups[0]?.rows;
    expect(rows?.[0]?.label).toMatch(/Mon.*2 Mar.*17:30/);
  });

  test('an "instead" whose check-in was deleted is left out', () => {
    const out = html({ ...NONE, notes: true }, [followUp('orphan0001', 'deleted001', T0, 'not-really', `orphan ${MARK}`)]);
    expect(out).not.toContain(MARK);
  });

  test('an unknown locale falls back to English dates instead of failing', () => {
    expect(buildTherapistSummary(history, { ...PERIOD, locale: 'not a locale!', include: NONE }).period).toMatch(/March.*2026/);
  });
});

describe('renderSummaryHtml', () => {
  const hostile = `<script>alert("x")</script><img src=x onerror='y'> & </td><style>`;
  const entries = [
    checkIn('check00001', T0, { states: ['freeze'], step: { text: hostile }, note: hostile }),
    followUp('answer0001', 'check00001', T0 + HOUR, 'helped'),
  ];
  const out = html(ALL, entries);

  test('escapes every piece of the person’s text', () => {
    expect(out).toContain(escapeHtml(hostile));
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).not.toContain("onerror='y'");
    expect(out.match(/<style>/g)).toHaveLength(1);
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  test('self-contained: no scripts, no external resources, a CSP that forbids both', () => {
    expect(out.startsWith('<!doctype html>')).toBe(true);
    expect(out).toMatch(/<html lang="en" dir="ltr">/);
    expect(out).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'`);
    // Escaped text cannot open a tag, so any "<" left is markup: check the markup and the one style block.
    expect(out).not.toMatch(/<(script|link|iframe|object|embed|img|base|form)\b/i);
    expect(out).not.toMatch(/<[^>]*\s(src|href|action|on\w+)=/i);
    const style = out.slice(out.indexOf('<style>'), out.indexOf('</style>'));
    expect(style).not.toMatch(/url\(|@import|https?:/i);
  });

  test('three months of realistic data stay short: one to two printed pages', () => {
    const generated = generateHistory({ days: 90, seed: 3 });
    const end = (generated.at(-1)?.at ?? 0) + 1;
    const model = buildTherapistSummary(generated, { from: end - 90 * DAY, to: end, include: ALL, locale: 'en-GB', offsetMinutes: 60 });
    const rows = model.sections.reduce((sum, s) => sum + s.groups.reduce((n, g) => n + g.rows.length + (g.heading ? 1 : 0), 0), 0);
    // ~45 lines of 10.5 pt per A4 page after headings: two pages hold about 70 rows with the section headings.
    expect(rows).toBeLessThanOrEqual(70);
    expect(model.sections.every((s) => !s.empty)).toBe(true);
  });

  test.each(periodCases())('periodOfLocalDays %s', (_name, first, last, offset, from, to) => {
    expect(periodOfLocalDays(first, last, offset)).toEqual({ from, to });
  });
});

function periodCases(): [string, string, string, number, number, number][] {
  return [
    ['UTC', '2026-03-01', '2026-03-31', 0, Date.UTC(2026, 2, 1), Date.UTC(2026, 3, 1)],
    ['Berlin winter', '2026-03-01', '2026-03-01', 60, Date.UTC(2026, 1, 28, 23), Date.UTC(2026, 2, 1, 23)],
  ];
}
