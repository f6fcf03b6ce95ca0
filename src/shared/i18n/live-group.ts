/** Kept where the copy modules import it from; the one implementation is in messages.ts. */
export { liveGroup } from './messages';
