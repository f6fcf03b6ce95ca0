import { live } from '../i18n/messages';

/**
 * "Get help now": reachable from every screen, also when Attune is locked.
 * Plain and steady, never alarming. The statement is the copy guide's own
 * words; the lines themselves (names, how to reach) come from the crisis data.
 * Words: messages/<locale>/help.json.
 */
export const helpCopy = /* @__PURE__ */ live('help', (m) => ({
  /** The large emergency number's accessible name ("Call 999"); the number alone is what shows. */
  callNumber: (number: string) => m.callNumber({ number }),
  textNumber: (number: string) => m.textNumber({ number }),
  textWordTo: (word: string, number: string) => m.textWordTo({ word, number }),
  regionalOnly: (area: string) => m.regionalOnly({ area }),
  verifiedOn: (date: string) => m.verifiedOn({ date }),
}));
