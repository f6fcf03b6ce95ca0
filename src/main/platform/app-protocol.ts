import { readFile } from 'node:fs/promises';

import { protocol } from 'electron';

import { APP_SCHEME, CONTENT_SECURITY_POLICY_HEADER } from '../../shared/csp';
import { contentTypeFor, resolveAppPath } from '../protocol/resolve-app-path';

/**
 * Production pages load from app://attune/, not file://: a file:// page can read
 * any file the user can, and cannot have a real origin to check IPC senders against.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 */
export const registerAppScheme = (): void => {
  // Must run before app 'ready'.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
  ]);
};

export const serveRendererFrom = (rendererDir: string): void => {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(request.url, rendererDir);
    if (file === null) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': contentTypeFor(file),
          'content-security-policy': CONTENT_SECURITY_POLICY_HEADER,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
};
