/**
 * "Get help now": the shipped crisis-line data, validated, and the pure
 * decisions the help screen (renderer) and the link allow-list (main) share.
 * No Node or Electron here.
 */
export { crisisData, crisisDataLoaded, parseCrisisData, type CrisisDataResult } from './crisis-data';
export {
  HIDDEN_ENTRIES,
  formatVerifiedDate,
  groupByService,
  languageList,
  linesForRegion,
  plainDetail,
  sectionsForRegion,
  serviceName,
  textLanguage,
  type RegionLines,
  type Service,
} from './crisis-lines';
export { availableRegions, defaultRegion, regionFromLocale, regionFromLocales, regionName, type RegionOption } from './crisis-region';
export { INTERNATIONAL, crisisDataSchema, crisisEntrySchema, entryDate, type CrisisData, type CrisisEntry } from './crisis-schema';
export { allowedExternalUrls, externalUrlFor } from './external-url';
