import { live } from '../i18n/messages';

/**
 * History's note about records an unlock found missing, out of order or not
 * following on (vault.incidents). Kept until the person removes it; said
 * calmly, without blame, with what it may mean and what is still here.
 * `dismissLabel`: the visible words first (the name a voice-control user
 * says), then which note. Words: messages/<locale>/incident.json.
 */
export const incidentCopy = /* @__PURE__ */ live('incident', (m) => ({
  found: (date: string) => m.found({ date }),
  dismissLabel: (date: string) => m.dismissLabel({ date }),
}));
