import type { CrisisEntry } from './crisis-schema';
import { externalUrlFor } from './external-url';

/** The emergency number the help screen shows first, in large type, as a link that can call it. */
export interface FirstEmergency {
  entry: CrisisEntry;
  /** The number as the data writes it ("999", "000", "10177"). */
  number: string;
  /** Its tel: link, exactly as main's allow-list holds it ("tel:999"). */
  url: string;
  /** The data's own words on how to call, when they say more than "Call <number>" ("Call 999 (ambulance: 998)"). */
  detail: string | null;
}

export interface EmergencyLines {
  /** null when there is no region, no entry, or none that serves the whole country and can be dialled. */
  first: FirstEmergency | null;
  /** The region's other emergency entries, listed as usual below the first. */
  others: CrisisEntry[];
}

const squash = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Picks, from a region's emergency entries (in the help screen's order), the
 * one shown first: the first that serves the whole country and has a tel:
 * link. A regional service (Pakistan's provincial Rescue 1122) is not put in
 * front of everyone in the country; it stays in the list with its area, and
 * the screen says "Call your local emergency number." in the first place.
 */
export const emergencyFirst = (emergency: readonly CrisisEntry[]): EmergencyLines => {
  const index = emergency.findIndex((entry) => entry.scope === 'national' && (externalUrlFor(entry)?.startsWith('tel:') ?? false));
  const entry = emergency[index];
  const url = entry ? externalUrlFor(entry) : null;
  if (!entry || url === null) return { first: null, others: [...emergency] };
  const number = entry.contact.trim();
  const detail = squash(entry.howTo) === squash(`Call ${number}`) ? null : entry.howTo;
  return { first: { entry, number, url, detail }, others: emergency.filter((_, i) => i !== index) };
};
