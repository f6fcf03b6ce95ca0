import { appendFileSync, mkdirSync } from 'node:fs';
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

/** Appends JSON lines to a file; a logging failure never takes the app down. */
export const createFileLogger = (file: string, echo = false): Logger => {
  let ready = false;
  const write = (level: Level, message: string, detail?: Record<string, unknown>) => {
    const text = line(level, message, detail);
    if (echo) process.stderr.write(text);
    try {
      if (!ready) {
        mkdirSync(dirname(file), { recursive: true });
        ready = true;
      }
      appendFileSync(file, text, { mode: 0o600 });
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
