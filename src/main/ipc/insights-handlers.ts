import { isAbsolute } from 'node:path';

import type { Entry } from '../../shared/entry-schema';
import type { insightsContract } from '../../shared/ipc/insights-contract';
import { AttuneError } from '../attune-error';
import { writeFileAtomicSync } from '../fs/durable-write';
import { toExportError } from '../fs/export-error';
import { computeInsights } from '../insights/insights';
import { buildTherapistSummary, renderSummaryHtml, type SummaryInclude } from '../insights/therapist-summary';
import type { VaultService } from '../vault/vault-service';
import type { HandlerTable } from './dispatch';
import type { SaveDialogPort } from './export-handlers';

/**
 * Insights and the therapist summary, computed here in main: the window gets
 * counts and the chosen summary, never the entries. Each call reads the
 * history afresh (a check-in made a moment ago belongs in the picture).
 */

/** "attune-summary-2026-11-23.html": dated and neutral, as the file name may be seen by others. */
export const suggestedSummaryName = (now: number): string => `attune-summary-${new Date(now).toISOString().slice(0, 10)}.html`;

/** The viewer's offset now (main and the window share one clock), to name the period's first and last day. */
const viewerOffset = (at: number): number => -new Date(at).getTimezoneOffset() || 0;

const firstCheckInAt = (entries: readonly Entry[]): number | undefined => entries.find((entry) => entry.kind === 'check-in')?.at;

interface SummaryRequest {
  from: number;
  to: number;
  include: SummaryInclude;
}

export const createInsightsHandlers = (
  vault: VaultService,
  dialog: SaveDialogPort,
  now: () => number = Date.now,
): HandlerTable<typeof insightsContract> => {
  // The whole history, as the pure functions expect it: they pick the period's check-ins themselves and
  // link answers by id wherever they fall. Reading 10k entries from the open index takes about a millisecond.
  const summaryOf = async ({ from, to, include }: SummaryRequest, at: number) => {
    const entries = await vault.entries();
    return { entries, model: buildTherapistSummary(entries, { from, to, include, offsetMinutes: viewerOffset(at) }) };
  };

  return {
    'insights.get': async ({ from, to }) => {
      const at = now();
      const end = to ?? at + 1;
      const entries = await vault.entries();
      // "All": from the first check-in (oldest first); with none, an empty period ending now.
      const start = from ?? Math.min(firstCheckInAt(entries) ?? end, end);
      return computeInsights(entries, { from: start, to: end, now: at, offsetMinutes: viewerOffset(at) });
    },

    'insights.previewSummary': async (request) => ({ model: (await summaryOf(request, now())).model }),

    'insights.saveSummary': async ({ from, to, include }) => {
      const at = now();
      // Read (and fail on a locked history) before asking where to save, so nothing is asked for in vain.
      const { entries, model } = await summaryOf({ from, to, include }, at);
      const path = await dialog.chooseSavePath(suggestedSummaryName(at), 'html');
      if (path === null) return { saved: false };
      if (!isAbsolute(path)) throw new AttuneError('invalid-request', 'summary path must be absolute');
      try {
        // Atomic: the chosen file is the old one or the whole summary, never half of one.
        writeFileAtomicSync(path, renderSummaryHtml(model));
      } catch (error) {
        throw toExportError(error, 'write summary') ?? error;
      }
      const checkIns = entries.filter((entry) => entry.kind === 'check-in' && entry.at >= from && entry.at < to).length;
      return { saved: true, path, count: checkIns };
    },
  };
};
