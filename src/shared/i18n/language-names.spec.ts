import { describe, expect, it } from 'vitest';

import { nameInOwnLanguage } from './language-names';

describe('language names', () => {
  it('each in its own language, capitalised as a list item', () => {
    expect(['en', 'de', 'es', 'fr', 'pt-BR', 'ja'].map(nameInOwnLanguage)).toEqual([
      'English',
      'Deutsch',
      'Español',
      'Français',
      'Português (Brasil)',
      '日本語',
    ]);
  });

  it('a tag Intl cannot name is shown as it is', () => {
    expect(nameInOwnLanguage('not a tag')).toBe('not a tag');
  });
});
