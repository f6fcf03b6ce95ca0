import { type Namespace, NAMESPACES } from '../../../shared/i18n/generated/locales';

/**
 * Which messages a window loads before it shows. The popover keeps to what
 * its first screens read, so its first paint stays small in every language;
 * a namespace it reads without loading is an error the e2e suite sees. The
 * app and pause windows load them all.
 */
export const POPOVER_NAMESPACES: readonly Namespace[] = [
  'common',
  // The check-in's screens and their choices, and the steps' "what helped" lines.
  'checkin',
  'state',
  'driver',
  'capacity',
  'need',
  'outcome',
  'step',
  'whatHelps',
  // Not 'vault': the lock screen, set-up and the recovery key load it with their chunk (CheckInFlow).
];

export const namespacesFor = (route: string): readonly Namespace[] =>
  route.startsWith('app') || route.startsWith('pause') ? NAMESPACES : POPOVER_NAMESPACES;
