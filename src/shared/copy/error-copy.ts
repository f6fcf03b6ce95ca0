import { live } from '../i18n/messages';
import type { ErrorCode } from '../ipc/result';

/**
 * What a person reads when something does not work. Say what happened, that
 * nothing was lost (only where that is true), and what they can do next.
 * Never blame, never alarm, never a stack trace. Saving a copy where the
 * person chose (`export-…`): say which place, that the history is as it was,
 * and what helps. Words: messages/<locale>/error.json.
 */
export const errorCopy: Record<ErrorCode, string> = /* @__PURE__ */ live('error');

const wait = /* @__PURE__ */ live('wait');

/** Added to a throttled answer, so nobody waits without knowing for how long. Words: messages/<locale>/wait.json. */
export const waitCopy = (seconds: number): string =>
  seconds < 60 ? wait.seconds({ count: Math.max(1, Math.ceil(seconds)) }) : wait.minutes({ count: Math.ceil(seconds / 60) });
