import type { VaultService } from '../vault/vault-service';
import { moveToAnotherMachine } from './device-move';
import { type LinkPlaces, type ResumeResult, resumeSync } from './sync-link';

export interface OpenedLink {
  readonly resumed: ResumeResult;
  /** The device id this install wrote as until this start took a new one (§4.3 rule 1). */
  readonly movedFrom?: string;
}

/**
 * The link as the next engine start needs it, read at unlock: a data dir
 * that finds itself on another machine (a restored backup, a cloned disk)
 * first takes its own device id (§4.3 rule 1), then resumes under it. The
 * engine started next finishes the move. Nothing here throws: a link that
 * cannot be read is `unreadable`, and `warn` hears why.
 */
export const openLink = async (
  places: Omit<LinkPlaces, 'folder'>,
  vault: VaultService,
  warn: (what: string, error: unknown) => void,
): Promise<OpenedLink> => {
  const resume = (): Promise<ResumeResult> =>
    resumeSync(places, vault).catch((error: unknown) => {
      warn('sync: could not read the link', error);
      return { kind: 'unreadable' as const };
    });
  const resumed = await resume();
  if (resumed.kind !== 'another-machine') return { resumed };
  const moved = await moveToAnotherMachine(places, vault).catch((error: unknown) => {
    warn('sync: could not take a new device id', error);
    return { kind: 'unreadable' as const };
  });
  return moved.kind === 'moved' ? { resumed: await resume(), movedFrom: moved.movedFrom } : { resumed };
};
