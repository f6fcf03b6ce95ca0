import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { buildSync } from 'esbuild';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from '../../src/shared/csp';
import { CHANNEL_NAMES } from '../../src/shared/ipc/channel-names';
import { contract } from '../../src/shared/ipc/contract';
import type { EventName, EventPayload } from '../../src/shared/ipc/event-contract';
import { type CallContext, WINDOW_KINDS, type WindowKind } from '../../src/main/ipc/call-context';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { createHandlerTable } from '../../src/main/ipc/handler-table';
import { createFileLogger } from '../../src/main/log/logger';
import { contentTypeFor } from '../../src/main/protocol/resolve-app-path';
import { openSettings } from '../../src/main/settings/open-settings';
import { openConfSettingsStore } from '../../src/main/settings/settings-store-options';
import { noKeychain } from '../../src/main/vault/keychain';
import { type VaultFs, nodeVaultFs } from '../../src/main/vault/vault-fs';
import { VaultService, type VaultClock, systemClock as vaultSystemClock } from '../../src/main/vault/vault-service';
import type { Entry } from '../../src/shared/entry-schema';
import type { Notifier } from '../../src/main/notify/notifier';
import { createPauses } from '../../src/main/pauses/create-pauses';
import { systemClock } from '../../src/main/pauses/local-clock';
import { systemTimerClock, unknownAttention } from '../../src/main/pauses/ports';

/**
 * The browser end-to-end harness: serves the BUILT renderer on 127.0.0.1 and
 * answers the test bridge's calls with the SAME handler table and dispatcher
 * the Electron app uses, on a real data directory. Only the Electron adapters
 * (windows, tray) are stood in for, and those record what they were asked to do.
 */
export interface HarnessOptions {
  dataDir: string;
  port?: number;
  rendererDir?: string;
  /** What the stand-in for the tray-host probe reports (default: a tray exists). */
  trayAvailable?: boolean | null;
}

export interface Harness {
  url: string;
  /** Channel names called, in order (never payloads: they may hold private notes). */
  calls: string[];
  /** What the stand-in window layer was asked to do: 'hidePopover', 'openView:settings', … */
  uiActions: string[];
  /** Pause notifications the stand-in notifier was asked to show (the harness has no desktop to show them on). */
  notifications: number;
  /**
   * What the stand-in save dialog answers next: a path, or null for "cancelled".
   * Unset, it saves into <dataDir>/exports/ under the suggested name.
   */
  nextSavePath: string | null | undefined;
  /** Moves the clock main's decisions use (follow-ups, what-helps recency) forward, e.g. past the follow-up delay. */
  advanceClock(ms: number): void;
  /** The next write the vault makes fails with ENOSPC (a full disk), once — a real fault at the fs boundary. */
  failNextVaultWrite(): void;
  /**
   * Appends a made-up history (e.g. generateHistory's) to the unlocked vault through the real
   * `VaultService.append`, each entry at its own time and offset; follow-ups are relinked to the new ids.
   * Resolves to how many entries were appended. The vault must be set up first (the test does that).
   */
  seedHistory(entries: readonly Entry[]): Promise<number>;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../..');
const HARNESS_META_CSP = `${CONTENT_SECURITY_POLICY}; connect-src 'self'`;
/** The app's CSP plus connect-src 'self' for the test bridge's loopback calls — nothing more. */
const HARNESS_CSP = `${CONTENT_SECURITY_POLICY_HEADER}; connect-src 'self'`;

const bridgeSource = (): string =>
  buildSync({
    entryPoints: [join(ROOT, 'tests/harness/test-bridge.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    target: 'es2022',
  }).outputFiles[0]?.text ?? '';

const readBody = async (request: IncomingMessage, limit = 1_000_000): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
};

export const startHarness = async (options: HarnessOptions): Promise<Harness> => {
  const rendererDir = options.rendererDir ?? join(ROOT, 'out/renderer');
  const log = createFileLogger(join(options.dataDir, 'logs', 'attune.log'));
  const { settings, notice } = openSettings(options.dataDir, openConfSettingsStore, log);
  // The real vault on the real disk; only its fs adapter can be told to fail one write.
  let failNextWrite = false;
  const faultIfAsked = (): void => {
    if (!failNextWrite) return;
    failNextWrite = false;
    throw Object.assign(new Error('ENOSPC: no space left on device (harness fault)'), { code: 'ENOSPC' });
  };
  const fs: VaultFs = {
    ...nodeVaultFs,
    write: async (...args) => {
      faultIfAsked();
      return nodeVaultFs.write(...args);
    },
    writeSync: (...args) => {
      faultIfAsked();
      return nodeVaultFs.writeSync(...args);
    },
  };
  // The system clock, except while seedHistory appends an entry that happened in the past.
  let seedingAt: Pick<Entry, 'at' | 'offsetMinutes'> | undefined;
  const clock: VaultClock = {
    now: () => seedingAt?.at ?? vaultSystemClock.now(),
    offsetMinutes: (at) => seedingAt?.offsetMinutes ?? vaultSystemClock.offsetMinutes(at),
  };
  const vault = new VaultService({ dir: join(options.dataDir, 'vault'), keychain: noKeychain, fs, clock });
  const calls: string[] = [];
  let notifications = 0;
  let clockOffset = 0;
  // The Electron boundary of the scheduler, stood in for: no power events, nothing known about
  // attention, and a notifier that only counts. The driver and its decisions are the real ones.
  const notifier: Notifier = {
    capabilities: { actions: false, click: true, replace: 'close-previous', close: true },
    showPause: async () => {
      notifications += 1;
      return { ok: true };
    },
    closePause: async () => ({ ok: true }),
  };
  const pauses = createPauses({
    settings,
    dataDir: options.dataDir,
    power: { on: () => () => undefined },
    attention: unknownAttention,
    notifier,
    timer: systemTimerClock,
    localClock: systemClock,
    log,
    onStartPause: () => uiActions.push('openPause'),
    onChanged: () => undefined,
  });
  await pauses.start();
  const uiActions: string[] = [];
  const streams = new Set<ServerResponse>();
  const bridge = bridgeSource();

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const stream of streams) stream.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  };
  settings.onChange((next) => emit('settings.changed', next));

  const harness: Harness = {
    get url() {
      return origin;
    },
    nextSavePath: undefined,
    calls,
    uiActions,
    get notifications() {
      return notifications;
    },
    advanceClock: (ms) => {
      clockOffset += ms;
    },
    failNextVaultWrite: () => {
      failNextWrite = true;
    },
    seedHistory: async (entries) => {
      const newIds = new Map<string, string>();
      let appended = 0;
      try {
        for (const { id, at, offsetMinutes, ...input } of entries) {
          if (input.kind === 'follow-up') {
            const checkInId = newIds.get(input.data.checkInId);
            if (checkInId === undefined) continue;
            input.data = { ...input.data, checkInId };
          }
          seedingAt = { at, offsetMinutes };
          newIds.set(id, (await vault.append(input)).id);
          appended += 1;
        }
      } finally {
        seedingAt = undefined;
      }
      return appended;
    },
    emit,
    close: () =>
      new Promise<void>((done) => {
        for (const stream of streams) stream.end();
        server.close(() => void Promise.all([pauses.stop(), vault.close()]).then(() => done(), done));
        server.closeAllConnections();
      }),
  };

  const dispatch = createDispatch(
    contract,
    createHandlerTable({
      settings,
      vault,
      pauses,
      onVaultStateChanged: (state) => emit('vault.changed', { state }),
      now: () => Date.now() + clockOffset,
      dialog: {
        chooseSavePath: async (name) => {
          const chosen = harness.nextSavePath;
          harness.nextSavePath = undefined;
          if (chosen !== undefined) return chosen;
          mkdirSync(join(options.dataDir, 'exports'), { recursive: true });
          return join(options.dataDir, 'exports', name);
        },
      },
      ui: {
        hidePopover: () => uiActions.push('hidePopover'),
        openView: (view) => uiActions.push(`openView:${view}`),
        closeWindow: (kind) => uiActions.push(`closeWindow:${kind}`),
      },
      info: () => ({
        name: 'Attune',
        version: '0.0.0-harness',
        platform: 'linux',
        dataDir: options.dataDir,
        activeShortcut: settings.get().shortcut,
        trayAvailable: options.trayAvailable === undefined ? true : options.trayAvailable,
        notice,
      }),
    }),
    log,
  );

  let origin = '';
  const serveIndex = async (response: ServerResponse) => {
    const html = await readFile(join(rendererDir, 'index.html'), 'utf8');
    const page = html
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${HARNESS_META_CSP}" />`)
      .replace('<script type="module"', '<script src="/__harness/bridge.js"></script>\n    <script type="module"');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': HARNESS_CSP });
    response.end(page);
  };

  const serveStatic = async (pathname: string, response: ServerResponse) => {
    const root = normalize(rendererDir) + sep;
    const file = normalize(join(root, decodeURIComponent(pathname)));
    if (!file.startsWith(root) || extname(file) === '') {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': contentTypeFor(file), 'content-security-policy': HARNESS_CSP });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  };

  const serveIpc = async (request: IncomingMessage, response: ServerResponse, channel: string) => {
    // The harness's stand-in for the sender check: same-origin calls from a known window kind only.
    const kind = request.headers['x-attune-window'];
    const trusted = request.headers.origin === origin && WINDOW_KINDS.includes(kind as WindowKind);
    const context: CallContext | null = trusted ? { window: kind as WindowKind } : null;
    let payload: unknown;
    try {
      payload = (JSON.parse(await readBody(request)) as { payload?: unknown }).payload;
    } catch {
      payload = Symbol('unreadable');
    }
    calls.push(channel);
    const result = await dispatch(channel, payload, context);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(result));
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const route = url.pathname;
    const handle = async () => {
      if (request.method === 'POST' && route.startsWith('/__ipc/')) return serveIpc(request, response, decodeURIComponent(route.slice(7)));
      if (request.method !== 'GET') return void response.writeHead(405).end();
      if (route === '/' || route === '/index.html') return serveIndex(response);
      if (route === '/__harness/bridge.js') {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        return void response.end(bridge);
      }
      if (route === '/__harness/fail-next-vault-write') {
        failNextWrite = true;
        return void response.writeHead(204).end();
      }
      if (route === '/__harness/events') {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
        response.write(': connected\n\n');
        streams.add(response);
        request.on('close', () => streams.delete(response));
        return;
      }
      return serveStatic(route, response);
    };
    handle().catch((error: unknown) => {
      log.error('harness: request failed', { route, error: String(error) });
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return harness;
};

export { CHANNEL_NAMES };
