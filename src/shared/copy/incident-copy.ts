import type { LastingProblemKind } from '../vault-incidents';

/**
 * History's note about records an unlock found missing, out of order or not
 * following on (vault.incidents). Kept until the person removes it; said
 * calmly, without blame, with what it may mean and what is still here.
 */
export const incidentCopy = {
  heading: 'Attune noticed a change in your history',
  found: (date: string) => `Found when your history was opened on ${date}.`,
  kinds: {
    missing: 'Some entries saved earlier (check-ins or answers to them) were not in the file any more. The rest are all here.',
    reordered: 'Some check-ins were stored out of their saved order. They are all still here.',
    'chain-broken':
      'Some check-ins did not follow on from the ones saved before them, as if part of the file came from another copy. Everything shown here could be read.',
  } satisfies Record<LastingProblemKind, string>,
  why: 'This can happen when the files are restored from a backup, synced from another computer, or changed by another program. Attune keeps this note until you remove it.',
  dismiss: 'Remove this note',
  /** The visible words first (the name a voice-control user says), then which note. */
  dismissLabel: (date: string) => `Remove this note from ${date}`,
  problem: 'Couldn’t remove that note just now. Nothing was changed. Try again when you like.',
} as const;
