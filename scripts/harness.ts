/**
 * `npm run harness -- --port 4173 --data-dir /tmp/attune-try`: serves the built
 * renderer (run `npm run build` first) with the test bridge, so the app can be
 * tried in any browser at http://127.0.0.1:PORT/#popover (or #app/settings).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHarness } from '../tests/harness/harness-server';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};

const port = Number(option('port') ?? 4173);
const dataDir = option('data-dir') ? resolve(option('data-dir') as string) : mkdtempSync(join(tmpdir(), 'attune-harness-'));
mkdirSync(dataDir, { recursive: true });

const harness = await startHarness({ port, dataDir });
console.log(`Attune harness on ${harness.url}/#popover — data in ${dataDir}. Ctrl+C stops it.`);
const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
