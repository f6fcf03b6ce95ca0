/**
 * The renderer's Content-Security-Policy: only Attune's own scripts, styles,
 * images and fonts; no network of any kind (connect-src falls back to 'none').
 * Sent as a header by the app:// protocol and as a <meta> in the built HTML.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#7-define-a-content-security-policy
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** frame-ancestors only works as a header (browsers ignore it in <meta>), so the header adds it. */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

export const APP_SCHEME = 'app';
export const APP_HOST = 'attune';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
