/**
 * Channel and event names without their schemas, so the sandboxed preload can
 * expose the API without bundling the validator. `contract.spec.ts` fails when
 * this list and the contract drift apart.
 */
export const CHANNEL_NAMES = [
  'app.info',
  'settings.get',
  'settings.set',
  'ui.closePopover',
  'ui.openView',
  'ui.closeWindow',
  'vault.status',
  'vault.setup',
  'vault.keepRecoveryKey',
  'vault.makeRecoveryKey',
  'vault.copyRecoveryKey',
  'vault.saveRecoveryKey',
  'vault.unlock',
  'vault.lock',
  'vault.append',
  'vault.list',
  'vault.delete',
  'vault.erase',
  'vault.changePassphrase',
  'vault.replaceKey',
  'vault.acceptDamage',
  'vault.acceptOlder',
  'vault.deleteRecovered',
  'vault.incidents',
  'vault.dismissIncident',
  'pauses.status',
  'pauses.command',
  'pauses.startNow',
  'vault.saveExport',
  'insights.get',
  'insights.previewSummary',
  'insights.saveSummary',
  'checkin.followUp',
  'checkin.suggestions',
  'checkin.answers',
  'devices.status',
  'devices.setUp',
  'devices.syncNow',
  'devices.link',
  'devices.remove',
] as const;

export const EVENT_NAMES = ['popover.shown', 'view.show', 'settings.changed', 'vault.changed'] as const;
