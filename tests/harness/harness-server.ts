import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

import { buildSync } from 'esbuild';

import { type Attune, createAttune, type StartOutcome } from '../../src/main/app/create-attune';
import { MovableClock } from '../../src/main/app/testing/movable-clock';
import { standInPlatform, type StandIns } from '../../src/main/app/testing/stand-in-platform';
import type { StandInTray } from '../../src/main/app/testing/stand-in-tray';
import type { StandInWindows, WindowMessage } from '../../src/main/app/testing/stand-in-windows';
import { type CallContext, WINDOW_KINDS, type WindowKind } from '../../src/main/ipc/call-context';
import { NodeNotifierNotifier } from '../../src/main/notify/node-notifier-notifier';
import type { Notifier, PauseResponse } from '../../src/main/notify/notifier';
import { POWER_EVENT_NAMES, type PowerEventName } from '../../src/main/pauses/ports';
import { contentTypeFor } from '../../src/main/protocol/resolve-app-path';
import type { TrayAction } from '../../src/main/tray/tray-menu-model';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from '../../src/shared/csp';
import type { Entry } from '../../src/shared/entry-schema';
import { CHANNEL_NAMES } from '../../src/shared/ipc/channel-names';
import type { EventName, EventPayload } from '../../src/shared/ipc/event-contract';
import { type ViewId, VIEWS } from '../../src/shared/views';
import { AnswerableNotifier } from './answerable-notifier';

/**
 * The browser end-to-end harness: the REAL composition root (createAttune) on
 * stand-in platform ports, on a real data directory, with the built renderer
 * served on 127.0.0.1 and a test bridge standing in for the preload. Windows
 * are pages (the e2e fixture opens them at the app's real sizes when Attune
 * asks), the tray is the real menu model whose items can be clicked, and
 * power events, the shortcut, a second launch and the clock are driven by the
 * test. Every route sits under a random per-run token; a request with another
 * Host, a foreign Origin or no token is refused.
 */
export interface HarnessOptions {
  dataDir: string;
  port?: number;
  rendererDir?: string;
  /** What the tray-host probe reports (default: a tray exists). */
  trayAvailable?: boolean | null;
  /** 'deliver': pause notifications also go through node-notifier to the session's notification daemon. */
  notifications?: 'record' | 'deliver';
  /** Which platform Attune decides for (default linux). */
  os?: NodeJS.Platform;
}

export interface Harness {
  /** The base of every page: `${url}/#popover`, `${url}/#app/history`… (holds the run's token). */
  url: string;
  /** How start-up ended: 'started', or 'failed' (then `fatalDialogs` holds what the person was shown). */
  outcome: StartOutcome['kind'];
  /** Channel names called, in order (never payloads: they may hold private notes). */
  calls: string[];
  /** What Attune asked of its windows: 'showPopover:tray', 'hidePopover', 'openView:settings', 'openPause', … */
  uiActions: string[];
  /** Pause notifications offered so far. */
  notifications: number;
  /** What the save dialog answers next: a path, or null for "cancelled"; unset, it saves into <dataDir>/exports/. */
  nextSavePath: string | null | undefined;
  readonly standIns: StandIns;
  /** The running app (absent when start-up failed). */
  readonly attune: Attune | null;
  windows(): StandInWindows;
  tray(): StandInTray;
  /** Time passes: main's clock moves on and its timers (pauses, auto-lock, follow-ups) fire as they would. */
  advanceClock(ms: number): void;
  /** The next write the vault makes fails with ENOSPC (a full disk), once — a real fault at the fs boundary. */
  failNextVaultWrite(): void;
  /** Answers the pause notification on screen as a click would; false when none is shown. */
  answerNotification(response: PauseResponse): boolean;
  /**
   * Appends a made-up history (e.g. generateHistory's) to the unlocked vault through the real
   * `VaultService.append`, each entry at its own time and offset; follow-ups are relinked to the new ids.
   */
  seedHistory(entries: readonly Entry[]): Promise<number>;
  /** Sends an event to every page, whatever window it shows. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../..');
/** The app's CSP plus connect-src 'self' for the test bridge's loopback calls — nothing more. */
const HARNESS_META_CSP = `${CONTENT_SECURITY_POLICY}; connect-src 'self'`;
const HARNESS_CSP = `${CONTENT_SECURITY_POLICY_HEADER}; connect-src 'self'`;
type PageWindow = Exclude<WindowKind, 'harness'>;
/** How long a window may have no page (a reload under load) before it counts as closed by the person. */
const RELOAD_GRACE_MS = 2000;

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

const pageWindow = (value: string | null): PageWindow | null =>
  value === 'popover' || value === 'app' || value === 'pause' ? value : null;

export const startHarness = async (options: HarnessOptions): Promise<Harness> => {
  // ATTUNE_HARNESS_OUT lets a second checkout of work (a helper, a bisect) build and test its own
  // renderer beside the main one without either build pulling files from under the other's tests.
  const rendererDir = options.rendererDir ?? join(process.env.ATTUNE_HARNESS_OUT ?? join(ROOT, 'out'), 'renderer');
  const token = randomBytes(16).toString('hex');
  const clock = new MovableClock();
  const delivery: Notifier | null = options.notifications === 'deliver' ? new NodeNotifierNotifier({ platform: 'linux' }) : null;
  const notifier = new AnswerableNotifier(() => clock.now(), delivery);
  const platform = standInPlatform({
    dataDir: options.dataDir,
    clock,
    notifier,
    ...(options.os ? { os: options.os } : {}),
    ...(options.trayAvailable !== undefined ? { trayAvailable: options.trayAvailable } : {}),
  });
  const { standIns } = platform;
  const streams = new Map<ServerResponse, PageWindow>();
  const write = (stream: ServerResponse, event: string, payload: unknown) =>
    stream.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  const deliver = ({ kind, event, payload }: WindowMessage) => {
    for (const [stream, shows] of streams) if (shows === kind) write(stream, event, payload);
  };
  // Windows exist from the moment createAttune makes them; route their messages to the pages showing them.
  const createWindows = platform.createWindows;
  platform.createWindows = (onChanged) => {
    const windows = createWindows(onChanged) as StandInWindows;
    windows.deliver = deliver;
    return windows;
  };
  const outcome = await createAttune(platform);
  const attune = outcome.kind === 'started' ? outcome.attune : null;
  const calls: string[] = [];
  const bridge = bridgeSource();
  let origin = '';
  let host = '';
  let closed = false;

  const harness: Harness = {
    get url() {
      return `${origin}/${token}`;
    },
    outcome: outcome.kind,
    calls,
    get uiActions() {
      return attune ? standIns.windows().actions : [];
    },
    get notifications() {
      return notifier.shown.length;
    },
    get nextSavePath() {
      return standIns.nextSavePath;
    },
    set nextSavePath(path) {
      standIns.nextSavePath = path;
    },
    standIns,
    attune,
    windows: () => standIns.windows(),
    tray: () => standIns.tray(),
    advanceClock: (ms) => clock.advance(ms),
    failNextVaultWrite: () => standIns.failNextVaultWrite(),
    answerNotification: (response) => notifier.answer(response),
    seedHistory: async (entries) => {
      if (!attune) throw new Error('Attune did not start');
      const newIds = new Map<string, string>();
      let appended = 0;
      for (const { id, at, offsetMinutes, ...input } of entries) {
        if (input.kind === 'follow-up') {
          const checkInId = newIds.get(input.data.checkInId);
          if (checkInId === undefined) continue;
          input.data = { ...input.data, checkInId };
        }
        newIds.set(id, (await standIns.atVaultTime({ at, offsetMinutes }, () => attune.vault.append(input))).id);
        appended += 1;
      }
      return appended;
    },
    emit: (event, payload) => {
      for (const stream of streams.keys()) write(stream, event, payload);
    },
    close: () =>
      new Promise<void>((done) => {
        closed = true;
        for (const stream of streams.keys()) stream.end();
        server.close(() => void (attune?.stop() ?? Promise.resolve()).then(() => done(), done));
        server.closeAllConnections();
      }),
  };

  const serveIndex = async (response: ServerResponse) => {
    const html = await readFile(join(rendererDir, 'index.html'), 'utf8');
    const page = html
      .replace(
        /<meta http-equiv="Content-Security-Policy"[^>]*>/,
        `<meta http-equiv="Content-Security-Policy" content="${HARNESS_META_CSP}" />`,
      )
      .replace('<script type="module"', '<script src="./__harness/bridge.js"></script>\n    <script type="module"');
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': HARNESS_CSP,
      'cache-control': 'no-store',
    });
    response.end(page);
  };

  const serveStatic = async (pathname: string, response: ServerResponse) => {
    const root = normalize(rendererDir) + sep;
    const file = normalize(join(root, decodeURIComponent(pathname)));
    if (!file.startsWith(root) || extname(file) === '') return void response.writeHead(404).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': contentTypeFor(file), 'content-security-policy': HARNESS_CSP });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  };

  const serveIpc = async (request: IncomingMessage, response: ServerResponse, channel: string) => {
    // The harness's stand-in for the sender check: same-origin calls from a window kind Attune has open.
    const kind = request.headers['x-attune-window'];
    const trusted = request.headers.origin === origin && WINDOW_KINDS.includes(kind as WindowKind) && kind !== 'harness';
    const context: CallContext | null = trusted ? { window: kind as WindowKind } : null;
    let payload: unknown;
    try {
      payload = (JSON.parse(await readBody(request)) as { payload?: unknown }).payload;
    } catch {
      payload = Symbol('unreadable');
    }
    calls.push(channel);
    if (!attune) return void response.writeHead(503).end();
    const result = await attune.dispatch(channel, payload, context);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(result));
  };

  const serveEvents = (request: IncomingMessage, response: ServerResponse, url: URL) => {
    const kind = pageWindow(url.searchParams.get('window')) ?? 'popover';
    const view = url.searchParams.get('view');
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    response.write(': connected\n\n');
    streams.set(response, kind);
    if (attune && kind !== 'popover') standIns.windows().attached(kind, VIEWS.includes(view as ViewId) ? (view as ViewId) : null);
    request.on('close', () => {
      streams.delete(response);
      // A reload closes the stream and opens a new one: only a window no page shows for a while is closed.
      setTimeout(() => {
        const stillShown = [...streams.values()].includes(kind);
        if (attune && kind !== 'popover' && !stillShown && !closed) standIns.windows().detached(kind);
      }, RELOAD_GRACE_MS);
    });
  };

  /** The controls a person trying the harness (or a test) can use, documented in the README. */
  const serveControl = (action: string, url: URL, response: ServerResponse) => {
    if (!attune) return void response.writeHead(503).end();
    const done = (body: unknown = { ok: true }) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const [verb, argument = ''] = action.split('/');
    switch (verb) {
      case 'state':
        return done({
          windows: standIns.windows().state,
          tray: standIns.tray().labels(),
          notifications: notifier.shown.length,
          now: clock.now(),
        });
      case 'fail-next-vault-write':
        standIns.failNextVaultWrite();
        return done();
      case 'advance-clock':
        clock.advance(Number(url.searchParams.get('ms') ?? 0));
        return done({ now: clock.now() });
      case 'tray':
        try {
          standIns.tray().click(argument as TrayAction);
        } catch (error) {
          return done({ ok: false, error: String(error) });
        }
        return done();
      case 'tray-icon':
        standIns.tray().clickIcon();
        return done();
      case 'shortcut':
        return done({ ok: standIns.shortcut.press() });
      case 'second-instance':
        standIns.secondInstance();
        return done();
      case 'power':
        if (!POWER_EVENT_NAMES.includes(argument as PowerEventName)) return void response.writeHead(404).end();
        standIns.power.emit(argument as PowerEventName);
        return done();
      case 'notification':
        if (!['start', 'snooze', 'skip', 'dismissed'].includes(argument)) return void response.writeHead(404).end();
        return done({ ok: notifier.answer(argument as PauseResponse) });
      default:
        return void response.writeHead(404).end();
    }
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // Only this loopback address by name (no DNS rebinding), only pages of our own origin, only with the token.
    if (request.headers.host !== host) return void response.writeHead(421).end();
    if (request.headers.origin !== undefined && request.headers.origin !== origin) return void response.writeHead(403).end();
    const prefix = `/${token}/`;
    if (!url.pathname.startsWith(prefix)) return void response.writeHead(404).end();
    const route = url.pathname.slice(prefix.length - 1);
    const handle = async () => {
      if (request.method === 'POST' && route.startsWith('/__ipc/')) return serveIpc(request, response, decodeURIComponent(route.slice(7)));
      if (request.method === 'POST' && route.startsWith('/__harness/')) return serveControl(route.slice(11), url, response);
      if (request.method !== 'GET') return void response.writeHead(405).end();
      if (route === '/' || route === '/index.html') return serveIndex(response);
      if (route === '/__harness/bridge.js') {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        return void response.end(bridge);
      }
      if (route === '/__harness/events') return serveEvents(request, response, url);
      if (route === '/__harness/state') return serveControl('state', url, response);
      return serveStatic(route, response);
    };
    handle().catch((error: unknown) => {
      attune?.log.error('harness: request failed', { route, error: String(error) });
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  return harness;
};

export { CHANNEL_NAMES };
