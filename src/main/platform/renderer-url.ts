import { app } from 'electron';

import { rendererPageUrl, rendererSource } from '../protocol/renderer-source';

/**
 * Thin adapter over the pure rule in protocol/renderer-source.ts: reads this
 * process's environment and (by default) Electron's `app.isPackaged`. A
 * packaged app gets app:// and no dev origin, whatever ELECTRON_RENDERER_URL says.
 */

/** The dev server's origin to trust beside app://, or null (always null when packaged). */
export const devServerOrigin = (isPackaged: boolean = app.isPackaged): string | null => rendererSource(process.env, isPackaged).devOrigin;

/** The URL a window loads for a route, e.g. `app://attune/index.html#popover`. */
export const rendererUrl = (route: string, isPackaged: boolean = app.isPackaged): string =>
  rendererPageUrl(rendererSource(process.env, isPackaged), route);
