/**
 * The Electron entry: the real platform ports, handed to the composition root
 * (src/main/app/create-attune.ts), which the browser harness runs too.
 */
import { createAttune } from './app/create-attune';
import { electronPlatform } from './platform/electron-platform';

// A stray error after start-up is logged (locally), never shown as Electron's stack-trace dialog.
const logStray = (kind: string) => (error: unknown) =>
  process.stderr.write(`attune: ${kind}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
process.on('uncaughtException', logStray('uncaught exception'));
process.on('unhandledRejection', logStray('unhandled rejection'));

void createAttune(electronPlatform(import.meta.dirname));
