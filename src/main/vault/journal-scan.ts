/**
 * Split the journal's bytes into complete lines and, if present, a torn tail:
 * bytes after the last newline. Appends write a whole line plus its newline
 * in one positional write, so anything without a newline is a write that did
 * not finish (crash, power loss, full disk before truncate-back).
 */
export interface JournalLine {
  /** The line's bytes without the newline, as ASCII text. */
  text: string;
  /** The same bytes, unchanged (hashed for the chain, copied aside when damaged). */
  raw: Buffer;
  /** Byte offset of the line's first byte. */
  start: number;
}

export interface ScannedJournal {
  lines: JournalLine[];
  /** Byte offset just past the last newline: where the file is cut back to when a torn tail is set aside. */
  completeLength: number;
  torn: { start: number; bytes: Buffer } | undefined;
}

const NEWLINE = 0x0a;

export const scanJournal = (bytes: Buffer): ScannedJournal => {
  const lines: JournalLine[] = [];
  let start = 0;
  for (;;) {
    const end = bytes.indexOf(NEWLINE, start);
    if (end < 0) break;
    // latin1 keeps one char per byte, so a damaged non-ASCII byte stays visible (and fails parsing) instead of being rewritten.
    if (end > start) lines.push({ text: bytes.toString('latin1', start, end), raw: bytes.subarray(start, end), start });
    start = end + 1;
  }
  return { lines, completeLength: start, torn: start < bytes.length ? { start, bytes: bytes.subarray(start) } : undefined };
};
