import { afterEach, describe, expect, it } from 'vitest';

import { useEnglishNow } from '../../shared/i18n/english-now';
import { currentLocale } from '../../shared/i18n/messages';
import type { Logger } from '../log/logger';
import { createMainLanguage } from './main-language';

const log: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
afterEach(() => useEnglishNow());

describe("main's language", () => {
  it("follows the system's preferred languages, or the choice in Settings, and says when it changed", async () => {
    const language = createMainLanguage({ preferred: () => ['nl-NL', 'en-GB'], log });
    expect(await language.apply('system')).toBe(false);
    expect(currentLocale()).toBe('en');
    expect(await language.apply('en-XA')).toBe(true);
    expect(currentLocale()).toBe('en-XA');
    expect(await language.apply('en-XA')).toBe(false);
  });

  it('quick changes are applied in the order made: the last one wins', async () => {
    const language = createMainLanguage({ preferred: () => [], log });
    const results = await Promise.all([language.apply('ar-XB'), language.apply('en-XA'), language.apply('system')]);
    expect(results).toEqual([true, true, true]);
    expect(currentLocale()).toBe('en');
  });
});
