import { HIDDEN_ENTRIES } from './crisis-lines';
import type { CrisisData, CrisisEntry } from './crisis-schema';

/** A plain phone number or short code: digits with optional spaces or hyphens, optional leading +. */
const PLAIN_NUMBER = /^\+?\d[\d -]*\d$|^\d$/;

const dialString = (contact: string): string | null => (PLAIN_NUMBER.test(contact.trim()) ? contact.trim().replace(/[ -]/g, '') : null);

const httpsUrl = (contact: string): string | null => {
  if (!URL.canParse(contact)) return null;
  const url = new URL(contact);
  // https only, and no credentials smuggled into the link.
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return null;
  return url.href;
};

/**
 * A 'text' entry the data says is reached on WhatsApp ("WhatsApp 9151 1767
 * (CareText)", "Scrivi su WhatsApp al …"): an sms: link would send a text
 * message to a number that only reads WhatsApp, so it gets no link.
 */
const viaWhatsApp = (entry: CrisisEntry): boolean => /whatsapp/i.test(`${entry.name} ${entry.howTo}`);

/**
 * The one URL a click on this entry may open, in the exact form Chromium
 * reports it to main's window-open handler (URL-normalised: 'https://988lifeline.org'
 * → 'https://988lifeline.org/'):
 * - call → 'tel:116123', text → 'sms:85258' (spaces and hyphens dropped), only for a plain number or short code
 *   ('*4141' and '119 ext. 8' stay text: several phones refuse a tel: link with * or #, and an extension has no portable form);
 * - text on WhatsApp → null (see viaWhatsApp);
 * - chat / web → the https URL as written in the data (its notes ask for the site root, not deep links);
 * - anything else → null, and the entry is shown as text only.
 */
export const externalUrlFor = (entry: CrisisEntry): string | null => {
  switch (entry.kind) {
    case 'call': {
      const number = dialString(entry.contact);
      return number === null ? null : `tel:${number}`;
    }
    case 'text': {
      if (viaWhatsApp(entry)) return null;
      const number = dialString(entry.contact);
      return number === null ? null : `sms:${number}`;
    }
    case 'chat':
    case 'web':
      return httpsUrl(entry.contact);
  }
};

/**
 * Every URL the help screen links to, and nothing else: main passes a URL to
 * shell.openExternal only if it is in this set (exact string match), and only
 * after the person clicked. Entries the screen hides are not in it.
 */
export const allowedExternalUrls = (data: CrisisData): Set<string> => {
  const urls = new Set<string>();
  for (const entry of data.entries) {
    if (HIDDEN_ENTRIES.has(entry.id)) continue;
    const url = externalUrlFor(entry);
    if (url !== null) urls.add(url);
  }
  return urls;
};
