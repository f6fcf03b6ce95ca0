import { type CheckInDraft, emptyDraft } from '../../../shared/checkin/checkin-draft';

/**
 * The check-in's state, shared by its screens. It lives in the popover's page,
 * which is hidden (not destroyed) when it loses focus — so a draft survives an
 * accidental close until Attune quits, and is never written anywhere unencrypted.
 * Mutate properties; never reassign the object.
 */
export const SCREENS = ['now', 'need', 'step'] as const;
export type Screen = (typeof SCREENS)[number] | 'follow-up' | 'vault' | 'recovery-key' | 'saved' | 'nothing' | 'help' | 'locked';

export const flow = $state<{
  screen: Screen;
  draft: CheckInDraft;
  saving: boolean;
  problem: string | null;
  /** A step just tried that did not help (enough): "try another" lists it last. */
  tried: string | null;
}>({
  screen: 'now',
  draft: emptyDraft(),
  saving: false,
  problem: null,
  tried: null,
});

export const stepIndex = (screen: Screen): number => SCREENS.indexOf(screen as (typeof SCREENS)[number]);

export function resetFlow(): void {
  flow.screen = 'now';
  flow.draft = emptyDraft();
  flow.saving = false;
  flow.problem = null;
  flow.tried = null;
}

export function goTo(screen: Screen): void {
  flow.problem = null;
  flow.screen = screen;
}

export function next(): void {
  const index = stepIndex(flow.screen);
  if (index >= 0 && index < SCREENS.length - 1) goTo(SCREENS[index + 1] as Screen);
}

export function back(): void {
  const index = stepIndex(flow.screen);
  if (index > 0) goTo(SCREENS[index - 1] as Screen);
}

/** True when this screen has something chosen or written, so its button reads "Continue", not "Skip". */
export function screenHasAnswer(screen: Screen, draft: CheckInDraft): boolean {
  if (screen === 'now') return draft.states.length > 0 || draft.driver !== null || draft.capacity !== null;
  if (screen === 'need') return draft.needs.length > 0 || draft.needText.trim() !== '';
  if (screen === 'step') return draft.step !== null || draft.note.trim() !== '';
  return false;
}
