/**
 * The one copy module: every word a person reads in Attune comes from here, so
 * it can be reviewed in one place (and translated later). `copy-rules.spec.ts`
 * checks all of it against the copy guide's "Never" list.
 */
export { appCopy, fileTypeCopy, noticeCopy } from './app-copy';
export { capacityCopy, checkInCopy, driverCopy, needCopy, outcomeCopy, stateCopy, stepCopy } from './checkin-copy';
export { commonCopy } from './common-copy';
export { devicesCopy } from './devices-copy';
export { errorCopy, waitCopy } from './error-copy';
export { helpCopy } from './help-copy';
export { appWindowCopy, historyCopy } from './history-copy';
export { incidentCopy } from './incident-copy';
export { insightsCopy } from './insights-copy';
export { languageCopy } from './language-copy';
export { pauseNotificationCopy, pauseNotificationCopyPlain } from './pause-copy';
export { exerciseCopy, pauseCopy } from './pause-exercise-copy';
export { settingsCopy } from './settings-copy';
export { summaryCopy } from './summary-copy';
export { MIN_PASSPHRASE_LENGTH, vaultCopy } from './vault-copy';
export { welcomeCopy } from './welcome-copy';
export { whatHelpsCopy } from './what-helps-copy';
