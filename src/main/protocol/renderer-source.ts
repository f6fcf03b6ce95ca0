import { APP_ORIGIN } from '../../shared/csp';

/** Where the windows' pages come from, and which extra origin (if any) is trusted beside app://. */
export interface RendererSource {
  /** Base the routes hang off: `app://attune`, or the dev server's URL without a trailing slash. */
  readonly base: string;
  /** The dev server's origin (`http://localhost:5173`), trusted for navigation and IPC; null otherwise. */
  readonly devOrigin: string | null;
}

const PACKAGED: RendererSource = { base: APP_ORIGIN, devOrigin: null };

/**
 * Pure: a packaged app loads only app:// — whatever the environment says —
 * so a stray or planted `ELECTRON_RENDERER_URL` can never point a shipped
 * Attune at another page, nor make its IPC trust another origin. Unpackaged
 * (`npm run dev`), electron-vite's dev server URL is honoured when it is a
 * well-formed http(s) URL; anything else falls back to app://.
 */
export const rendererSource = (env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): RendererSource => {
  const dev = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !dev) return PACKAGED;
  let url: URL;
  try {
    url = new URL(dev);
  } catch {
    return PACKAGED;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return PACKAGED;
  return { base: `${url.origin}${url.pathname}`.replace(/\/+$/, ''), devOrigin: url.origin };
};

/** The page URL for one route (`popover`, `pause`, `app/history`), e.g. `app://attune/index.html#popover`. */
export const rendererPageUrl = (source: RendererSource, route: string): string => `${source.base}/index.html#${route}`;
