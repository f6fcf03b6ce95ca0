import { EventEmitter } from 'node:events';

import { beforeEach, describe, expect, test, vi } from 'vitest';

// The Electron boundary is the one place mocks are allowed: no Electron binary runs here.
vi.mock(import('electron'), () => ({ app: new EventEmitter(), shell: { openExternal: vi.fn(async () => undefined) } }) as never);

const { app, shell } = await import('electron');
const { applySecurityRestrictions, denyAllPermissions, isAllowedAppUrl, isAllowedExternalUrl, lockDownWebContents } =
  await import('./security');
const { allowedExternalUrls, crisisData } = await import('../../shared/crisis');
const allowed = allowedExternalUrls(crisisData);

class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

const navigate = (contents: FakeWebContents, event: string, url: string): boolean => {
  let prevented = false;
  contents.emit(event, { preventDefault: () => (prevented = true) }, url);
  return prevented;
};

beforeEach(() => {
  vi.mocked(shell.openExternal).mockClear();
});

describe('navigation and new windows', () => {
  test('pure URL rules', () => {
    expect(isAllowedAppUrl('app://attune/index.html#popover', null)).toBe(true);
    expect(isAllowedAppUrl('http://localhost:5173/index.html', null)).toBe(false);
    expect(isAllowedAppUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true);
    expect(isAllowedAppUrl('https://example.org', null)).toBe(false);
    expect(isAllowedAppUrl('file:///etc/passwd', null)).toBe(false);
    expect(isAllowedExternalUrl('https://findahelpline.com/', allowed)).toBe(true);
    expect(isAllowedExternalUrl('tel:988', allowed)).toBe(true);
    expect(isAllowedExternalUrl('https://example.org/', allowed)).toBe(false);
    expect(isAllowedExternalUrl('http://insecure.example', new Set(['http://insecure.example']))).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)', new Set(['javascript:alert(1)']))).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd', allowed)).toBe(false);
  });

  test('navigating away from Attune, redirects and webviews are prevented', () => {
    const contents = new FakeWebContents();
    lockDownWebContents(contents as never, null, allowed);
    expect(navigate(contents, 'will-navigate', 'https://example.org/')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'https://example.org/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'app://attune/index.html#app/settings')).toBe(false);
    let attached = true;
    contents.emit('will-attach-webview', { preventDefault: () => (attached = false) });
    expect(attached).toBe(false);
  });

  test('window.open is always denied; an https link opens in the system browser instead', () => {
    const contents = new FakeWebContents();
    lockDownWebContents(contents as never, null, allowed);
    expect(contents.windowOpenHandler?.({ url: 'https://findahelpline.com/' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://findahelpline.com/');
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/phishing' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });

  test('a listed emergency number opens through the OS as a tel: link; any other tel: or sms: does not', () => {
    const contents = new FakeWebContents();
    lockDownWebContents(contents as never, null, allowed);
    // The help screen's first, large number for Japan and for the UK: the system's calling app gets it.
    for (const url of ['tel:119', 'tel:999']) expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenNthCalledWith(1, 'tel:119');
    expect(shell.openExternal).toHaveBeenNthCalledWith(2, 'tel:999');
    // A number the screen never shows, one written differently, a hidden entry's and a WhatsApp line's: nothing opens.
    for (const url of ['tel:+15555550100', 'tel:1-1-2', 'tel:112;phone-context=example.org', 'tel:08000113', 'sms:91511767', 'tel:*4141']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).toHaveBeenCalledTimes(2);
  });

  test('every web contents and session created later is locked down too', () => {
    applySecurityRestrictions(null, allowed);
    const contents = new FakeWebContents();
    (app as unknown as EventEmitter).emit('web-contents-created', {}, contents);
    expect(navigate(contents, 'will-navigate', 'https://example.org/')).toBe(true);
  });
});

describe('permissions', () => {
  test('every permission request and check is denied', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(session as never);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (w: unknown, p: string, cb: (ok: boolean) => void) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as () => boolean;
    expect(check()).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as () => boolean;
    expect(device()).toBe(false);
  });
});
