import { useEnglishNow } from '../src/shared/i18n/english-now';

/** Tests read the words in English, whole, as main does (a window loads its own per namespace). */
useEnglishNow();
