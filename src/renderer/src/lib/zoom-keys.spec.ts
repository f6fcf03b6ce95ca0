import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { bridgeCalls } from '../../../../tests/renderer-setup';
import type { Settings } from '../../../shared/settings-schema';
import type { ZoomPercent } from '../../../shared/zoom-steps';
import { baseSettings } from '../views/settings/settings-test-kit';
import { bridge } from './bridge';
import { listenForZoomKeys } from './zoom-keys';

const settings = (zoomPercent: ZoomPercent): Settings => ({
  ...baseSettings(),
  appearance: { theme: 'dark', motion: 'system', discreet: false, zoomPercent, language: 'system' },
});
const press = (target: EventTarget, key: string, init: KeyboardEventInit = { ctrlKey: true }): KeyboardEvent => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
};
const saved = () => bridgeCalls.filter(([channel]) => channel === 'settings.set').map(([, patch]) => patch);

let zoomKeys: ReturnType<typeof listenForZoomKeys>;
let field: HTMLTextAreaElement;
beforeEach(() => {
  zoomKeys = listenForZoomKeys(bridge());
  field = document.body.appendChild(document.createElement('textarea'));
  field.focus();
});
afterEach(() => {
  zoomKeys.stop();
  field.remove();
});

describe('zoom keys', () => {
  test('Ctrl+= in a text field saves the next step with the rest of the appearance section as it was', () => {
    zoomKeys.known(settings(100));
    // A listener in the field that stops the key does not keep it from zooming (capture phase).
    field.addEventListener('keydown', (event) => event.stopPropagation());
    const event = press(field, '=');
    expect(event.defaultPrevented).toBe(true);
    expect(saved()).toEqual([{ appearance: { theme: 'dark', motion: 'system', discreet: false, zoomPercent: 110, language: 'system' } }]);
  });

  test('a held key steps on from the last step, not from the last answer', () => {
    zoomKeys.known(settings(100));
    press(field, '-');
    press(field, '-');
    expect(saved().map((patch) => (patch as Settings).appearance.zoomPercent)).toEqual([90, 80]);
  });

  test('Ctrl+0 goes back to 100%; at an end of the range nothing is saved, and the browser zoom is still stopped', () => {
    zoomKeys.known(settings(300));
    expect(press(field, '+', { ctrlKey: true, shiftKey: true }).defaultPrevented).toBe(true);
    expect(saved()).toEqual([]);
    press(field, '0', { metaKey: true });
    expect(saved().map((patch) => (patch as Settings).appearance.zoomPercent)).toEqual([100]);
  });

  test('typing = or - without Ctrl is left to the field', () => {
    zoomKeys.known(settings(100));
    expect(press(field, '=', {}).defaultPrevented).toBe(false);
    expect(press(field, '-', {}).defaultPrevented).toBe(false);
    expect(saved()).toEqual([]);
  });
});
