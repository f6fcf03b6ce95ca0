/**
 * "Get help now": reachable from every screen, also when Attune is locked.
 * Plain and steady, never alarming. The statement is the copy guide's own
 * words; the lines themselves (names, how to reach) come from the crisis data.
 */
export const helpCopy = {
  title: 'Get help now',
  statement:
    'Attune is not an emergency service. If you might act on thoughts of harming yourself or you are in danger, call your local emergency number or a crisis line now.',
  back: 'Back',

  regionLabel: 'Country or region',
  regionHint: 'Set from your computer’s language settings. You can change it here.',
  otherRegion: 'Another country',

  emergencyHeading: 'In an emergency',
  /** Read before the large emergency number ("Call 999"); the number alone is what shows. */
  callNumber: 'Call',
  /** Always shown, under the region's numbers (the data asks for it where 112 is still rolling out). */
  emergencyOrLocal: 'Or call your local emergency number.',
  /** When no country is picked, or the data does not cover it. */
  emergencyNoRegion: 'Call your local emergency number.',

  linesHeading: 'Crisis lines',
  noLines: 'Attune does not list crisis lines for this country yet. The directory below can help you find one.',
  regionalOnly: (area: string) => `${area} only`,

  directoryHeading: 'Other countries',

  hoursLabel: 'Hours:',
  costLabel: 'Cost:',
  languagesLabel: 'Languages:',
  opensInBrowser: '(opens in your browser)',

  verifiedOn: (date: string) => `These details were checked on ${date}.`,
  mayChange: 'Numbers can change. If one does not connect, try another line or the directory.',
  dataMissing:
    'The list of crisis lines could not be loaded. Call your local emergency number, or search online for a crisis line in your country.',
} as const;
