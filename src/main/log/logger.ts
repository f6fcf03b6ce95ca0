import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Local diagnostics only. Callers pass codes, channel names and paths — never
 * entry content — so a log file can be shared for support without revealing
 * anything private.
 */
export interface Logger {
  info(message: string, detail?: Record<string, unknown>): void;
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

type Level = 'info' | 'warn' | 'error';

const line = (level: Level, message: string, detail?: Record<string, unknown>): string =>
  `${JSON.stringify({ t: Date.now(), level, message, ...(detail ? { detail } : {}) })}\n`;

/** A log never grows past this; the older half moves to `<file>.1` (one old file is kept). */
export const LOG_MAX_BYTES = 1024 * 1024;

const sizeOf = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/** Appends JSON lines to a file, rotated at `maxBytes`; a logging failure never takes the app down. */
export const createFileLogger = (file: string, echo = false, maxBytes = LOG_MAX_BYTES): Logger => {
  let ready = false;
  let size = 0;
  const write = (level: Level, message: string, detail?: Record<string, unknown>) => {
    const text = line(level, message, detail);
    if (echo) process.stderr.write(text);
    try {
      if (!ready) {
        mkdirSync(dirname(file), { recursive: true });
        size = sizeOf(file);
        ready = true;
      }
      const bytes = Buffer.byteLength(text);
      if (size > 0 && size + bytes > maxBytes) {
        renameSync(file, `${file}.1`);
        size = 0;
      }
      appendFileSync(file, text, { mode: 0o600 });
      size += bytes;
    } catch {
      // Diagnostics are best-effort; the person's data never depends on them.
    }
  };
  return {
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
};

/** Collects lines in memory; for tests. */
export const createMemoryLogger = (): Logger & { lines: { level: Level; message: string; detail?: Record<string, unknown> }[] } => {
  const lines: { level: Level; message: string; detail?: Record<string, unknown> }[] = [];
  const push = (level: Level) => (message: string, detail?: Record<string, unknown>) => {
    lines.push(detail ? { level, message, detail } : { level, message });
  };
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
};
