/**
 * "Get help now": the shipped crisis-line data (validated by its spec), and the pure
 * decisions the help screen (renderer) and the link allow-list (main) share.
 * No Node or Electron here.
 */
export { CATEGORIES, entryDate, INTERNATIONAL, KINDS, SCOPES, STATUSES } from './crisis-codes';
export { crisisData, crisisDataLoaded } from './crisis-data';
export {
  formatVerifiedDate,
  groupByService,
  HIDDEN_ENTRIES,
  howToShown,
  type HowToWords,
  languageList,
  linesForRegion,
  localDetail,
  plainDetail,
  type RegionLines,
  sectionsForRegion,
  type Service,
  serviceName,
  type ShownDetail,
  textLanguage,
} from './crisis-lines';
export { availableRegions, defaultRegion, regionFromLocale, regionFromLocales, regionName, type RegionOption } from './crisis-region';
export type { CrisisCategory, CrisisData, CrisisEntry, CrisisKind } from './crisis-schema';
export { emergencyFirst, type EmergencyLines, type FirstEmergency } from './emergency-first';
export { allowedExternalUrls, externalUrlFor } from './external-url';
