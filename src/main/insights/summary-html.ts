import { textDirection } from '../../shared/i18n/locale-choice';
import type { SummaryGroup, SummaryModel, SummaryRow, SummarySection } from './therapist-summary';

/**
 * The summary as one self-contained HTML file, saved and opened in a browser
 * (or printed to PDF). Inline styles are fine here — it is not an app page —
 * but nothing else: no scripts, no external resources, and a CSP meta that
 * forbids both in case a viewer honours it. Every piece of text is escaped:
 * notes and own steps are the person's words and may contain anything.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and double- or single-quoted attributes alike. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/**
 * Sized for one to two A4/Letter pages: 10 pt body, compact tables, rows
 * that never split across a page, and black-on-white that prints cleanly.
 */
const STYLE = `
@page { margin: 14mm 15mm 15mm; }
* { box-sizing: border-box; }
html { color: #1d1d1f; background: #fff; }
body { font: 10pt/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; margin: 0 auto; max-width: 46rem; padding: 1.5rem; }
h1 { font-size: 16pt; margin: 0 0 .15rem; font-weight: 600; }
h2 { font-size: 12pt; margin: 1.1rem 0 .15rem; font-weight: 600; break-after: avoid; }
h3 { font-size: 10pt; margin: .55rem 0 .1rem; font-weight: 600; break-after: avoid; }
p { margin: .2rem 0; }
.period { color: #3a3a3c; margin-bottom: .6rem; }
.intro, .footnote, .empty { color: #48484a; }
.footnote { font-size: 9.5pt; }
table { width: 100%; border-collapse: collapse; margin: .25rem 0 .4rem; }
th, td { text-align: left; vertical-align: top; padding: .14rem .4rem .14rem 0; border-bottom: 1px solid #e5e5ea; }
th { font-weight: 500; width: 45%; }
tr { break-inside: avoid; }
.detail { display: block; color: #636366; font-size: 9pt; font-weight: 400; }
.own { white-space: pre-wrap; overflow-wrap: anywhere; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.5rem; }
.pair th { width: 60%; }
footer { margin-top: 1.5rem; padding-top: .5rem; border-top: 1px solid #d1d1d6; color: #636366; font-size: 9pt; }
@media print { body { padding: 0; max-width: none; } }
`;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const cell = (text: string, ownWords: boolean | undefined): string =>
  ownWords ? `<span class="own">${escapeHtml(text)}</span>` : escapeHtml(text);

const renderRow = (row: SummaryRow, notes: boolean): string => {
  const detail = row.detail ? `<span class="detail">${escapeHtml(row.detail)}</span>` : '';
  // In notes the person's words are the value; elsewhere (an own step) they are the label.
  const label = notes ? escapeHtml(row.label) : cell(row.label, row.ownWords);
  const value = notes ? cell(row.value, row.ownWords) : escapeHtml(row.value);
  return `<tr><th scope="row">${label}${detail}</th><td>${value}</td></tr>`;
};

const renderGroup = (group: SummaryGroup, notes: boolean): string =>
  `${group.heading ? `<h3>${escapeHtml(group.heading)}</h3>` : ''}<table><tbody>${group.rows.map((row) => renderRow(row, notes)).join('')}</tbody></table>`;

const renderSection = (section: SummarySection): string => {
  const id = `section-${section.id}`;
  const body = section.empty
    ? `<p class="empty">${escapeHtml(section.empty)}</p>`
    : section.groups.map((g) => renderGroup(g, section.id === 'notes')).join('');
  const footnote = section.footnote ? `<p class="footnote">${escapeHtml(section.footnote)}</p>` : '';
  return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(section.heading)}</h2><p class="intro">${escapeHtml(section.intro)}</p>${body}${footnote}</section>`;
};

/** States and needs are short lists: side by side when both are there, so the summary stays within two pages. */
const renderSections = (sections: readonly SummarySection[]): string[] => {
  const out: string[] = [];
  for (let i = 0; i < sections.length; i += 1) {
    const section = sections[i] as SummarySection;
    const next = sections[i + 1];
    if (section.id === 'states' && next?.id === 'needs') {
      out.push(`<div class="pair">${renderSection(section)}${renderSection(next)}</div>`);
      i += 1;
    } else out.push(renderSection(section));
  }
  return out;
};

/** Pure: the model → a complete HTML document (UTF-8). */
export const renderSummaryHtml = (model: SummaryModel): string =>
  [
    '<!doctype html>',
    `<html lang="${escapeHtml(model.lang)}" dir="${textDirection(model.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(model.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(model.title)}</h1>`,
    `<p class="period">${escapeHtml(model.period)}</p>`,
    `<p>${escapeHtml(model.overview)}</p>`,
    ...renderSections(model.sections),
    '</main>',
    `<footer><p>${escapeHtml(model.footer)}</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
