import type { Channel, Contract } from '../../shared/ipc/contract';
import type { Settings } from '../../shared/settings-schema';
import { AttuneError } from '../attune-error';
import type { HandlerTable } from './dispatch';

/**
 * While Attune is locked, a window may only do what the lock screen and
 * "Get help now" need: read the app's info and settings, move between
 * windows, see the history's status (and whether it syncs), unlock (or lock), erase everything (its
 * request carries the confirmation), keep the recovery key shown at setup
 * (it proves itself by being that key), and ask for a delete, which only
 * waits for the next unlock. Help may save the region it shows. Everything
 * else — settings changes such as turning auto-lock off, pauses, the
 * history, insights, exports, changing the passphrase — is refused with a
 * typed error before its handler runs.
 */
export const OPEN_WHILE_LOCKED: ReadonlySet<Channel> = new Set<Channel>([
  'app.info',
  'settings.get',
  'ui.closePopover',
  'ui.closeWindow',
  'ui.openView',
  'ui.viewAsked',
  'vault.status',
  // Says only 'locked' and whether a link exists (for Erase everything's words): the folder and names are sealed.
  'devices.status',
  'vault.unlock',
  'vault.lock',
  'vault.erase',
  'vault.keepRecoveryKey',
  'vault.delete',
]);

/**
 * settings.set while locked: only the help section (the region "Get help now" shows) and the
 * zoom (Ctrl+=/-/0 works on the lock screen too). The appearance section comes whole, so
 * everything in it but the zoom must stay as it is: discreet mode is not for a locked window to turn off.
 */
const openSettingsPatch = (patch: unknown, current: Settings | null): boolean => {
  if (typeof patch !== 'object' || patch === null) return false;
  return Object.entries(patch).every(([key, value]) => {
    if (key === 'help') return true;
    if (key !== 'appearance' || current === null || typeof value !== 'object' || value === null) return false;
    const { zoomPercent: _zoom, ...rest } = value as Record<string, unknown>;
    const { zoomPercent: _current, ...same } = current.appearance;
    return Object.keys(rest).length === Object.keys(same).length && Object.entries(same).every(([k, v]) => rest[k] === v);
  });
};

/** Channels that touch the history answer as a locked history always has ('vault-locked'); the rest say Attune is locked. */
const refusal = (channel: string): AttuneError =>
  channel.startsWith('settings.') || channel.startsWith('pauses.')
    ? new AttuneError('locked', `${channel} is closed while Attune is locked`)
    : new AttuneError('vault-locked', `${channel} is closed while Attune is locked`);

export const gateWhileLocked = (
  table: HandlerTable<Contract>,
  isLocked: () => boolean,
  currentSettings: () => Settings | null = () => null,
): HandlerTable<Contract> => {
  const gated: Record<string, unknown> = {};
  for (const [channel, handler] of Object.entries(table) as Array<[Channel, (request: unknown, context: unknown) => unknown]>) {
    gated[channel] = OPEN_WHILE_LOCKED.has(channel)
      ? handler
      : (request: unknown, context: unknown) => {
          if (isLocked() && !(channel === 'settings.set' && openSettingsPatch(request, currentSettings()))) throw refusal(channel);
          return handler(request, context);
        };
  }
  return gated as HandlerTable<Contract>;
};
