import type { AttuneApi } from '../../../shared/ipc/attune-api';
import type { Settings } from '../../../shared/settings-schema';
import { nextZoom, zoomActionOf } from '../../../shared/zoom-steps';

/**
 * Ctrl/Cmd + `=`, `-`, `0` in this window: saves the next zoom step, and main zooms every
 * window to it (zoom is main's to apply, so all windows stay the same size). Listens in the
 * capture phase on the window so it works wherever focus is, a text field included, and stops
 * the browser's own zoom so the two never add up.
 * `known` is told every settings snapshot this window sees; the appearance section is saved
 * whole, with only the zoom changed.
 */
export const listenForZoomKeys = (api: AttuneApi, target: Window = window): { known(settings: Settings): void; stop(): void } => {
  let latest: Settings | null = null;
  const onKeyDown = (event: KeyboardEvent): void => {
    const action = zoomActionOf(event);
    if (action === null) return;
    event.preventDefault();
    if (latest === null) return;
    const zoomPercent = nextZoom(action, latest.appearance.zoomPercent);
    if (zoomPercent === latest.appearance.zoomPercent) return;
    // Counted at once, so a held key steps on from here rather than from the last save's answer.
    const appearance = { ...latest.appearance, zoomPercent };
    latest = { ...latest, appearance };
    void api.settings.set({ appearance });
  };
  target.addEventListener('keydown', onKeyDown, { capture: true });
  return {
    known: (settings) => {
      latest = settings;
    },
    stop: () => target.removeEventListener('keydown', onKeyDown, { capture: true }),
  };
};
