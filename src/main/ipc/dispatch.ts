import type { z } from 'zod';

import { commonCopy, errorCopy, waitCopy } from '../../shared/copy';
import type { ChannelSpec } from '../../shared/ipc/channel';
import { fail, type IpcResult, ok } from '../../shared/ipc/result';
import { isAttuneError } from '../attune-error';
import type { Logger } from '../log/logger';
import type { CallContext } from './call-context';

export type Handler<Spec extends ChannelSpec> = (
  request: z.infer<Spec['request']>,
  context: CallContext,
) => Promise<z.infer<Spec['response']>> | z.infer<Spec['response']>;

export type HandlerTable<T extends Record<string, ChannelSpec>> = { [C in keyof T]: Handler<T[C]> };

export type Dispatch = (channel: string, payload: unknown, context: CallContext | null) => Promise<IpcResult<unknown>>;

/**
 * The single gate between a window and main. Order matters: the channel must
 * exist, the sender must be one of our windows, and the payload must match the
 * schema — all before the handler runs, so bad input changes nothing. Handlers
 * throw AttuneError for expected problems; anything else is logged here and
 * reported calmly. Nothing ever throws back across the bridge.
 */
export const createDispatch = <T extends Record<string, ChannelSpec>>(contract: T, handlers: HandlerTable<T>, log: Logger): Dispatch => {
  const has = (channel: string): channel is Extract<keyof T, string> => Object.hasOwn(contract, channel);

  return async (channel, payload, context) => {
    if (typeof channel !== 'string' || !has(channel)) {
      return fail({ code: 'unknown-channel', message: errorCopy['unknown-channel'] });
    }
    if (context === null) {
      log.warn('ipc: refused a call from an unknown sender', { channel });
      return fail({ code: 'untrusted-sender', message: errorCopy['untrusted-sender'] });
    }
    const spec = contract[channel] as ChannelSpec;
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) {
      // Log where the payload was wrong, never what it held: it may be a private note.
      log.warn('ipc: invalid request', { channel, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`) });
      return fail({ code: 'invalid-request', message: errorCopy['invalid-request'] });
    }
    try {
      const handler = handlers[channel] as (request: unknown, context: CallContext) => unknown;
      const value = await handler(parsed.data, context);
      const checked = spec.response.safeParse(value);
      if (!checked.success) {
        log.error('ipc: handler returned a value outside its contract', { channel });
        return fail({ code: 'internal', message: errorCopy.internal });
      }
      return ok(checked.data);
    } catch (error) {
      if (isAttuneError(error)) {
        log.info('ipc: handled error', { channel, code: error.code });
        const message =
          error.retryAfterSeconds === undefined
            ? errorCopy[error.code]
            : commonCopy.twoSentences({ first: errorCopy[error.code], second: waitCopy(error.retryAfterSeconds) });
        return fail({
          code: error.code,
          message,
          ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
        });
      }
      log.error('ipc: unexpected error', { channel, error: error instanceof Error ? error.stack : String(error) });
      return fail({ code: 'internal', message: errorCopy.internal });
    }
  };
};
