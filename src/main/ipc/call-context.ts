/** Which of Attune's own windows made a call. Handlers may act on it (e.g. close that popover). */
export const WINDOW_KINDS = ['popover', 'app', 'pause', 'harness'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export interface CallContext {
  window: WindowKind;
}

/** What the transport knows about a caller, before we trust it. */
export interface SenderInfo {
  /** The webContents id (Electron) or a fixed id (the harness). */
  id: number;
  /** URL of the frame that sent the message. */
  frameUrl: string;
  /** False for iframes; only top frames of our own windows may call. */
  isMainFrame: boolean;
}

/**
 * Pure: a call is trusted only when it comes from the top frame of a window
 * Attune created, showing a page from an origin Attune serves. Everything else
 * is refused before any handler runs.
 */
export const identifySender = (
  sender: SenderInfo,
  knownWindows: ReadonlyMap<number, WindowKind>,
  allowedOrigins: readonly string[],
): CallContext | null => {
  if (!sender.isMainFrame) return null;
  const kind = knownWindows.get(sender.id);
  if (kind === undefined) return null;
  let origin: string;
  try {
    const url = new URL(sender.frameUrl);
    // URL.origin is "null" for custom schemes, so compare scheme + host ourselves.
    origin = `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
  return allowedOrigins.includes(origin) ? { window: kind } : null;
};
