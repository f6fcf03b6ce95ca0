import { ENGLISH } from './generated/english';
import { useMessageSource } from './messages';

/**
 * English, whole and at once, for main, tests and scripts: none of them has
 * a first paint to keep small. A window loads its language per namespace
 * instead (load-messages.ts), so it never carries every string.
 */
export const useEnglishNow = (): void => useMessageSource({ locale: 'en', catalogue: ENGLISH });
