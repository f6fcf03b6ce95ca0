import { checkInCopy, commonCopy } from '../../../shared/copy';
import type { EntryInput } from '../../../shared/entry-schema';
import { bridge } from '../lib/bridge';
import { flow } from './checkin-flow.svelte';

export type SaveOutcome = 'saved' | 'needs-vault' | 'kept';

/**
 * Saves through main (which encrypts before anything touches the disk). The
 * draft stays in the window until the save is confirmed; on any problem the
 * person keeps their entry and gets a calm message with a way to try again.
 */
export async function saveCheckIn(entry: EntryInput): Promise<SaveOutcome> {
  flow.saving = true;
  flow.problem = null;
  try {
    const result = await bridge().vault.append(entry);
    if (result.ok) return 'saved';
    if (result.error.code === 'vault-locked' || result.error.code === 'vault-not-set-up') return 'needs-vault';
    flow.problem = commonCopy.twoSentences({ first: checkInCopy.saveProblem, second: result.error.message });
    return 'kept';
  } catch {
    // The bridge itself did not answer (main busy or restarting): same calm message, entry kept.
    flow.problem = checkInCopy.saveProblem;
    return 'kept';
  } finally {
    flow.saving = false;
  }
}
