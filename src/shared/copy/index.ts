/**
 * The one copy module: every word a person reads in Attune comes from here, so
 * it can be reviewed in one place (and translated later). `copy-rules.spec.ts`
 * checks all of it against the copy guide's "Never" list.
 */
export { appCopy, noticeCopy } from './app-copy';
export { errorCopy } from './error-copy';
export { promptCopy } from './prompt-copy';
export { helpCopy } from './help-copy';
