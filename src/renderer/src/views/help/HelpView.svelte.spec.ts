import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, test, vi } from 'vitest';

import { helpCopy } from '../../../../shared/copy';
import { allowedExternalUrls, crisisData } from '../../../../shared/crisis';
import { useEnglishNow } from '../../../../shared/i18n/english-now';
import { showMessages } from '../../lib/messages-state.svelte';
import HelpView from './HelpView.svelte';

const regionSelect = () => screen.getByRole<HTMLSelectElement>('combobox', { name: helpCopy.regionLabel });
const section = (name: string) => screen.getByRole('region', { name });
const linkHrefs = () => screen.getAllByRole('link').map((a) => a.getAttribute('href'));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('HelpView', () => {
  test('says plainly that Attune is not an emergency service', () => {
    render(HelpView, { locale: 'en-GB' });
    expect(screen.getByRole('heading', { level: 1, name: helpCopy.title })).toBeTruthy();
    expect(screen.getByText(helpCopy.statement)).toBeTruthy();
  });

  test('shows the date the details were checked', () => {
    render(HelpView, { locale: 'en-GB' });
    expect(crisisData.verifiedAt).toBe('2026-12-03');
    expect(screen.getByText('These details were checked on December 3, 2026.')).toBeTruthy();
  });

  test('en-GB: UK emergency number, crisis lines and the directory', () => {
    render(HelpView, { locale: 'en-GB' });
    expect(regionSelect().value).toBe('GB');
    const emergency = section(helpCopy.emergencyHeading);
    expect(within(emergency).getByRole('link', { name: 'Call 999' }).getAttribute('href')).toBe('tel:999');
    expect(within(emergency).getByText(helpCopy.emergencyOrLocal)).toBeTruthy();
    const lines = section(helpCopy.linesHeading);
    expect(
      within(lines)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Samaritans', 'Shout 85258', 'NHS 111 – mental health option']);
    expect(within(lines).getByRole('link', { name: 'Call 116 123' }).getAttribute('href')).toBe('tel:116123');
    expect(within(lines).getByRole('link', { name: 'Text SHOUT to 85258' }).getAttribute('href')).toBe('sms:85258');
    expect(within(lines).getByText('England only')).toBeTruthy();
    const directory = section(helpCopy.directoryHeading);
    expect(
      within(directory)
        .getByRole('link', { name: /findahelpline\.com/ })
        .getAttribute('href'),
    ).toBe('https://findahelpline.com/');
  });

  test('the emergency number is the first thing, the statement right after: large, a tel: link, with the country named', () => {
    render(HelpView, { locale: 'en-GB', compact: true, onBack: () => {} });
    const statement = screen.getByText(helpCopy.statement);
    const emergency = section(helpCopy.emergencyHeading);
    expect(emergency.nextElementSibling).toBe(statement);
    expect(emergency.previousElementSibling?.tagName).toBe('HEADER');
    const number = within(emergency).getByRole('link', { name: 'Call 999' });
    expect(number.textContent).toBe('999');
    expect(number.getAttribute('aria-label')).toBe(helpCopy.callNumber('999'));
    expect(number.getAttribute('target')).toBe('_blank');
    // The first link on the screen, before the picker and the crisis lines.
    expect(screen.getAllByRole('link')[0]).toBe(number);
    expect(number.compareDocumentPosition(regionSelect()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(emergency).getByText('United Kingdom')).toBeTruthy();
    // "Call 999" says nothing the number does not: not repeated under it.
    expect(within(emergency).queryByText('Call 999')).toBeNull();
    expect(within(emergency).getByText(helpCopy.emergencyOrLocal)).toBeTruthy();
  });

  test('JP: 119 first, with the data’s words on what it is for', () => {
    render(HelpView, { locale: 'ja-JP' });
    const emergency = section(helpCopy.emergencyHeading);
    expect(within(emergency).getByRole('link', { name: 'Call 119' }).getAttribute('href')).toBe('tel:119');
    expect(within(emergency).getByText('Call 119 for an ambulance (police: 110)')).toBeTruthy();
    expect(within(emergency).getByText('Japan')).toBeTruthy();
  });

  test('PK: the provincial Rescue 1122 is listed, not put first; the sentence keeps the first place', () => {
    render(HelpView, { locale: 'ur-PK' });
    const emergency = section(helpCopy.emergencyHeading);
    expect(within(emergency).getByText(helpCopy.emergencyNoRegion)).toBeTruthy();
    expect(within(emergency).getByRole('link', { name: 'Call 1122' }).getAttribute('href')).toBe('tel:1122');
    expect(within(emergency).queryByText(helpCopy.emergencyOrLocal)).toBeNull();
  });

  test('SG: the WhatsApp line is shown as words, not as an sms: link', () => {
    render(HelpView, { locale: 'en-SG' });
    const lines = section(helpCopy.linesHeading);
    expect(within(lines).getByText('WhatsApp 9151 1767 (CareText)').closest('a')).toBeNull();
    expect(linkHrefs().filter((href) => href?.startsWith('sms:'))).toEqual([]);
    expect(within(lines).getByRole('link', { name: 'Call 1767' }).getAttribute('href')).toBe('tel:1767');
  });

  test('en-US: 911 first, then 988 by call, text and chat, with languages where the data has them', () => {
    render(HelpView, { locale: 'en-US' });
    expect(within(section(helpCopy.emergencyHeading)).getByRole('link', { name: 'Call 911' })).toBeTruthy();
    const lines = section(helpCopy.linesHeading);
    expect(within(lines).getByRole('link', { name: 'Call 988' }).getAttribute('href')).toBe('tel:988');
    expect(within(lines).getByRole('link', { name: 'Text 988' }).getAttribute('href')).toBe('sms:988');
    const chat = within(lines).getByRole('link', { name: /Chat online at 988lifeline\.org/ });
    expect(chat.getAttribute('href')).toBe('https://988lifeline.org/');
    expect(chat.textContent).toContain(helpCopy.opensInBrowser);
    expect(lines.textContent).toContain('English and Spanish');
    expect(lines.textContent).not.toMatch(/press\s*\d/i);
  });

  test('fr-FR and de-DE: the local lines', () => {
    const fr = render(HelpView, { locale: 'fr-FR' });
    const link = screen.getByRole('link', { name: 'Appeler le 3114' });
    // French words are marked as French, so a screen reader pronounces them right.
    expect(link.querySelector('[lang="fr"]')?.textContent).toBe('Appeler le 3114');
    expect(screen.getByRole('heading', { level: 3 }).getAttribute('lang')).toBe('fr');
    fr.unmount();
    render(HelpView, { locale: 'de-DE' });
    // TelefonSeelsorge's two numbers are one service, named once.
    expect(screen.getAllByRole('heading', { level: 3, name: 'TelefonSeelsorge' })).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Call 0800 111 0 111' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Call 0800 111 0 222' })).toBeTruthy();
  });

  test.each(['de', 'mn-MN', 'not a locale'])('%j: no country to go on, so emergency advice and the directory', (locale) => {
    render(HelpView, { locale });
    expect(regionSelect().value).toBe('');
    const emergency = section(helpCopy.emergencyHeading);
    expect(within(emergency).getByText(helpCopy.emergencyNoRegion)).toBeTruthy();
    expect(within(emergency).queryAllByRole('link')).toEqual([]);
    // In the same first place, the statement right after it.
    expect(emergency.nextElementSibling).toBe(screen.getByText(helpCopy.statement));
    expect(within(section(helpCopy.linesHeading)).getByText(helpCopy.noLines)).toBeTruthy();
    expect(within(section(helpCopy.directoryHeading)).getAllByRole('link')).toHaveLength(1);
    expect(screen.getByText(helpCopy.statement)).toBeTruthy();
  });

  test('switching the region changes the lines', async () => {
    const user = userEvent.setup();
    render(HelpView, { locale: 'en-GB' });
    expect(screen.queryByRole('link', { name: 'Call 116 123' })).toBeTruthy();

    await user.selectOptions(regionSelect(), 'AU');
    expect(regionSelect().value).toBe('AU');
    expect(screen.queryByRole('link', { name: 'Call 116 123' })).toBeNull();
    const emergency = section(helpCopy.emergencyHeading);
    expect(within(emergency).getByRole('link', { name: 'Call 000' }).getAttribute('href')).toBe('tel:000');
    // The data's own words, where they say more than the number.
    expect(within(emergency).getByText('Call Triple Zero (000)')).toBeTruthy();
    expect(within(emergency).getByText('Australia')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Call 13 11 14' }).getAttribute('href')).toBe('tel:131114');
    // The data's attribution "(per a Lifeline centre FAQ)" is for reviewers, not shown.
    expect(screen.getByText('Free from mobiles; local-call cost from landlines')).toBeTruthy();

    await user.selectOptions(regionSelect(), helpCopy.otherRegion);
    expect(screen.getByText(helpCopy.noLines)).toBeTruthy();
  });

  test('the picker lists every country in the data by name, plus "another country"', () => {
    render(HelpView, { locale: 'en-GB' });
    const options = within(regionSelect())
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toContain('United Kingdom');
    expect(options).toContain('New Zealand');
    expect(options).toContain('Japan');
    expect(options.at(-1)).toBe(helpCopy.otherRegion);
    expect(options).toHaveLength(93 + 1);
  });

  test('without a locale prop it starts from the browser languages', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-NZ', 'en']);
    render(HelpView);
    expect(regionSelect().value).toBe('NZ');
    expect(screen.getByRole('link', { name: 'Call 1737' })).toBeTruthy();
  });

  test('every link opens in the system browser, and only URLs main allows, in every country', async () => {
    const user = userEvent.setup();
    const allowed = allowedExternalUrls(crisisData);
    render(HelpView, { locale: 'en-GB' });
    const regions = within(regionSelect())
      .getAllByRole<HTMLOptionElement>('option')
      .map((o) => o.value);
    expect(regions).toHaveLength(94);
    for (const region of regions) {
      await user.selectOptions(regionSelect(), region);
      for (const href of linkHrefs()) expect(allowed.has(href ?? ''), `${region}: ${href}`).toBe(true);
      for (const link of screen.getAllByRole('link')) {
        expect(link.getAttribute('target')).toBe('_blank');
        expect(link.getAttribute('rel')).toBe('noreferrer');
      }
    }
  });

  test('a Back button only when there is somewhere to go back to', async () => {
    const user = userEvent.setup();
    const first = render(HelpView, { locale: 'en-GB' });
    expect(screen.queryByRole('button', { name: helpCopy.back })).toBeNull();
    first.unmount();

    const onBack = vi.fn();
    render(HelpView, { locale: 'en-GB', compact: true, onBack });
    await user.click(screen.getByRole('button', { name: helpCopy.back }));
    expect(onBack).toHaveBeenCalledOnce();
  });

  test('focus lands on the heading, so a keyboard or screen-reader user starts at the top', () => {
    render(HelpView, { locale: 'en-GB', compact: true });
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
  });

  test('the region picker is labelled and described', () => {
    render(HelpView, { locale: 'en-GB' });
    const select = regionSelect();
    const hint = document.getElementById(select.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe(helpCopy.regionHint);
  });
});

describe('HelpView in the person’s language', () => {
  afterEach(async () => {
    await showMessages('en', ['common', 'help']);
    useEnglishNow();
  });

  test('names countries and languages in it, says common hours and cost in it, and follows a change', async () => {
    await showMessages('ar-XB', ['common', 'help']);
    render(HelpView, { locale: 'en-US' });
    const selected = () => regionSelect().selectedOptions[0]?.textContent;
    expect(selected()).toBe(new Intl.DisplayNames(['ar'], { type: 'region' }).of('US'));
    const lines = section(helpCopy.linesHeading);
    const arabicLanguages = new Intl.ListFormat('ar', { type: 'conjunction' }).format(
      ['en', 'es'].map((code) => new Intl.DisplayNames(['ar'], { type: 'language' }).of(code) ?? code),
    );
    expect(within(lines).getAllByText(arabicLanguages).length).toBeGreaterThan(0);
    expect(within(lines).getAllByText(helpCopy.alwaysOpen).length).toBeGreaterThan(0);
    expect(within(lines).getAllByText(helpCopy.free).length).toBeGreaterThan(0);
    expect(helpCopy.free).not.toBe('Free');
    expect(
      within(lines)
        .getByRole('link', { name: helpCopy.callNumber('988') })
        .getAttribute('href'),
    ).toBe('tel:988');
    expect(helpCopy.callNumber('988')).not.toBe('Call 988');

    await showMessages('en', ['common', 'help']);
    flushSync();
    expect(selected()).toBe('United States');
    expect(within(lines).getAllByText('English and Spanish').length).toBeGreaterThan(0);
    expect(within(lines).getAllByText('Free').length).toBeGreaterThan(0);
  });

  test('a detail Attune cannot say in the person’s language keeps the data’s words, marked as English', async () => {
    await showMessages('ar-XB', ['common', 'help']);
    render(HelpView, { locale: 'es-ES' });
    const kept = within(section(helpCopy.linesHeading)).getByText('24/7, 365 days');
    expect(kept.getAttribute('lang')).toBe('en');
  });
});
