/**
 * "Get help now": the shipped crisis-line data, validated, and the pure
 * decisions the help screen (renderer) and the link allow-list (main) share.
 * No Node or Electron here.
 */
export { crisisData, crisisDataLoaded, type CrisisDataResult, parseCrisisData } from './crisis-data';
export {
  formatVerifiedDate,
  groupByService,
  HIDDEN_ENTRIES,
  languageList,
  linesForRegion,
  plainDetail,
  type RegionLines,
  sectionsForRegion,
  type Service,
  serviceName,
  textLanguage,
} from './crisis-lines';
export { availableRegions, defaultRegion, regionFromLocale, regionFromLocales, regionName, type RegionOption } from './crisis-region';
export { type CrisisData, crisisDataSchema, type CrisisEntry, crisisEntrySchema, entryDate, INTERNATIONAL } from './crisis-schema';
export { allowedExternalUrls, externalUrlFor } from './external-url';
