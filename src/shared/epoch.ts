/** The largest instant a JavaScript Date can hold (ms after 1970): the bound every epoch-ms field is checked against. */
export const EPOCH_MS_MAX = 8.64e15;
