import { render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';

import { useEnglishNow } from '../../../shared/i18n/english-now';
import { live } from '../../../shared/i18n/messages';
import PopoverHeader from '../views/check-in/PopoverHeader.svelte';
import { ensureMessages, showMessages } from './messages-state.svelte';

/**
 * A window switches language in place: what is on screen re-renders in the
 * new one, nothing is remounted, and <html> says which language and which
 * direction. The real compiled catalogues, loaded as a window loads them.
 */
afterEach(async () => {
  await showMessages('en', ['common']);
  useEnglishNow();
});

describe('switching language in a window', () => {
  it('re-renders what is shown, keeps the same elements, and sets lang and dir', async () => {
    await showMessages('en', ['common']);
    render(PopoverHeader, { label: 'Check-in', showHelp: true, onhelp: () => undefined, onclose: () => undefined });
    const close = screen.getByRole('button', { name: 'Close' });

    await showMessages('en-XA');
    flushSync();
    expect(close.textContent).toMatch(/^\[Çļöšé .*\]$/);
    expect(screen.getByRole('button', { name: /Ĝéţ ĥéļƥ ñöŵ/ })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en-XA');
    expect(document.documentElement.dir).toBe('ltr');

    await showMessages('ar-XB');
    flushSync();
    expect(close.textContent).toBe('\u202eClose\u202c');
    expect(document.documentElement.dir).toBe('rtl');
    expect(screen.getAllByRole('button')).toHaveLength(2);
  });

  it('of two quick changes the later one wins', async () => {
    await showMessages('en', ['common']);
    render(PopoverHeader, { label: 'Check-in', showHelp: false, onhelp: () => undefined, onclose: () => undefined });
    await Promise.all([showMessages('ar-XB'), showMessages('en-XA')]);
    flushSync();
    expect(screen.getByRole('button').textContent).toMatch(/^\[Çļöšé/);
  });

  it('a namespace asked for later arrives in the language shown, even when the language changes while it loads', async () => {
    await showMessages('en', ['common']);
    const pending = ensureMessages(['welcome']);
    await Promise.all([pending, showMessages('en-XA')]);
    expect(live('welcome').skip).toMatch(/^\[Šķîƥ/);
    expect(live('common').close).toMatch(/^\[Çļöšé/);
  });

  it('a call superseded while loading resolves only once the newest messages are in place', async () => {
    await showMessages('en', ['common']);
    // A window's first load, and a settings change arriving while it is on its way (asking for no new namespace).
    const first = showMessages('en-XA', ['welcome']);
    const change = showMessages('ar-XB');
    await first;
    expect(live('welcome').skip).toBe('\u202eSkip\u202c');
    await change;
    expect(document.documentElement.dir).toBe('rtl');
  });
});
