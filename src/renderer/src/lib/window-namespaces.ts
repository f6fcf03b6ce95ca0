import { MESSAGE_GROUPS, type Namespace, NAMESPACES } from '../../../shared/i18n/generated/locales';

/**
 * Which messages a window loads before it shows. The popover keeps to what
 * its first screens read (messages/groups.json: one chunk per language), so its first paint stays small in every language;
 * a namespace it reads without loading is an error the e2e suite sees. The
 * app and pause windows load them all.
 */
export const POPOVER_NAMESPACES: readonly Namespace[] = MESSAGE_GROUPS.popover;

export const namespacesFor = (route: string): readonly Namespace[] =>
  route.startsWith('app') || route.startsWith('pause') ? NAMESPACES : POPOVER_NAMESPACES;
